/** What a column sorts on. Dates and booleans sort as numbers; empty values always come last. */
export type SortValue = string | number | boolean | Date | null | undefined;

export type SortDirection = 'ascending' | 'descending';

export interface SortState {
  key: string;
  direction: SortDirection;
}

// Numeric collation puts "Client 9" before "Client 10"; base sensitivity ignores case and accents for ordering.
const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

type Normalized = string | number | null;

function normalize(value: SortValue): Normalized {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value.trim() === '' ? null : value;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (value instanceof Date) {
    const time = value.getTime();
    return Number.isNaN(time) ? null : time;
  }
  return Number.isNaN(value) ? null : value;
}

/** Numbers before text; text by the collator. Both sides are non-empty. */
function compareNormalized(a: string | number, b: string | number, compareText: (a: string, b: string) => number) {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'number') return -1;
  if (typeof b === 'number') return 1;
  return compareText(a, b);
}

/** Row indexes in sorted order: stable, empty keys last in both directions. */
function sortedOrder(
  keys: readonly Normalized[],
  sign: 1 | -1,
  compareText: (a: string, b: string) => number,
): number[] {
  const order = keys.map((_, index) => index);
  order.sort((i, j) => {
    const a = keys[i] ?? null;
    const b = keys[j] ?? null;
    if (a === null || b === null) {
      if (a === b) return i - j;
      return a === null ? 1 : -1;
    }
    return sign * compareNormalized(a, b, compareText) || i - j;
  });
  return order;
}

/**
 * A sorted copy of `rows`. Equal values keep their input order in both directions (so a second sort refines the
 * first), and empty values (null, undefined, blank text, invalid dates) stay at the end either way. Each row's value
 * is read once.
 */
export function sortRows<Row>(
  rows: readonly Row[],
  value: (row: Row) => SortValue,
  direction: SortDirection,
  compareText: (a: string, b: string) => number = collator.compare,
): Row[] {
  const keys = rows.map((row) => normalize(value(row)));
  return sortedOrder(keys, direction === 'ascending' ? 1 : -1, compareText).map((index) => rows[index] as Row);
}

interface Ranked {
  key: Normalized;
  rank: number;
}

/**
 * `sortRows` for a table whose rows are filtered as you type. Locale-aware text comparison costs about 10 ms for
 * 5,000 rows, too much for every keystroke; so the first sort ranks each row object, and later sorts of the same
 * objects (any subset, either direction) compare those ranks as numbers. A row whose value changed since, a new
 * row object or a different `value` function ranks everything again. Same results as `sortRows`.
 */
export class SortCache<Row> {
  #value: ((row: Row) => SortValue) | undefined;
  #ranked = new WeakMap<object, Ranked>();
  readonly #compareText: (a: string, b: string) => number;

  constructor(compareText: (a: string, b: string) => number = collator.compare) {
    this.#compareText = compareText;
  }

  sort(rows: readonly Row[], value: (row: Row) => SortValue, direction: SortDirection): Row[] {
    if (!rows.every((row) => typeof row === 'object' && row !== null)) {
      return sortRows(rows, value, direction, this.#compareText);
    }
    let ranks = this.#value === value ? this.#ranksOf(rows, value) : undefined;
    if (!ranks) {
      this.#rank(rows, value);
      ranks = this.#ranksOf(rows, value)!;
    }
    return orderByRank(rows, ranks, direction);
  }

  /** Each row's rank, or undefined when any row is unranked or its value changed. */
  #ranksOf(rows: readonly Row[], value: (row: Row) => SortValue): Float64Array | undefined {
    const ranks = new Float64Array(rows.length);
    for (let i = 0; i < rows.length; i++) {
      const ranked = this.#ranked.get(rows[i] as object);
      if (!ranked || ranked.key !== normalize(value(rows[i] as Row))) return undefined;
      ranks[i] = ranked.rank;
    }
    return ranks;
  }

  #rank(rows: readonly Row[], value: (row: Row) => SortValue) {
    const keys = rows.map((row) => normalize(value(row)));
    const ranked = new WeakMap<object, Ranked>();
    let rank = 0;
    let previous: Normalized = null;
    for (const index of sortedOrder(keys, 1, this.#compareText)) {
      const key = keys[index] ?? null;
      if (key !== null && previous !== null && compareNormalized(previous, key, this.#compareText) !== 0) rank += 1;
      ranked.set(rows[index] as object, { key, rank: key === null ? Infinity : rank });
      if (key !== null) previous = key;
    }
    this.#value = value;
    this.#ranked = ranked;
  }
}

/**
 * `rows` ordered by their whole-number `ranks` (Infinity for empty values, always last), in input order among equal
 * ranks: a counting sort, linear in the rows and the highest rank, with no comparisons.
 */
export function orderByRank<Row>(rows: readonly Row[], ranks: Float64Array, direction: SortDirection): Row[] {
  let top = -1;
  for (const rank of ranks) if (rank !== Infinity && rank > top) top = rank;
  // Slot 0…top for the ranks (reversed when descending), top + 1 for the empty values.
  const slot = (rank: number) => (rank === Infinity ? top + 1 : direction === 'ascending' ? rank : top - rank);
  const starts = new Uint32Array(top + 3);
  for (const rank of ranks) starts[slot(rank) + 1]! += 1;
  for (let i = 1; i < starts.length; i++) starts[i]! += starts[i - 1]!;
  const sorted = new Array<Row>(rows.length);
  for (let i = 0; i < rows.length; i++) sorted[starts[slot(ranks[i]!)]!++] = rows[i] as Row;
  return sorted;
}

/** A header press: a new column starts ascending, the sorted column flips. */
export function nextSort(current: SortState | undefined, key: string): SortState {
  if (current?.key === key) {
    return { key, direction: current.direction === 'ascending' ? 'descending' : 'ascending' };
  }
  return { key, direction: 'ascending' };
}
