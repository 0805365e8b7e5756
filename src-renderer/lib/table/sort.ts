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
    const sign = direction === 'ascending' ? 1 : -1;
    const order = rows.map((_, index) => index);
    // Empty values rank as Infinity and stay last in both directions.
    order.sort((i, j) => {
      const a = ranks[i]!;
      const b = ranks[j]!;
      if (a === b) return i - j;
      if (a === Infinity || b === Infinity) return a === Infinity ? 1 : -1;
      return sign * (a - b);
    });
    return order.map((index) => rows[index] as Row);
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

/** A header press: a new column starts ascending, the sorted column flips. */
export function nextSort(current: SortState | undefined, key: string): SortState {
  if (current?.key === key) {
    return { key, direction: current.direction === 'ascending' ? 'descending' : 'ascending' };
  }
  return { key, direction: 'ascending' };
}
