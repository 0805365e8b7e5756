/**
 * The palette's matching: every query character must appear in the label, in order, ignoring case and accents.
 * Better matches rank first: the whole label, then a prefix, then a match at the start of a word (`corp` in
 * `Acme Corp`), then word initials (`ac` in `Acme Corp`), then any substring, then a scattered subsequence (the
 * tighter the better). Ties keep the items' own order, so callers put recent and pinned items first.
 *
 * Built for a keystroke over thousands of items: labels are folded once in `createMatcher`, and a search
 * allocates only its results; per-item work is `indexOf` and a few character comparisons.
 */

/** Case- and accent-folded text, one output character per input character for ordinary (precomposed) text. */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}

function isWordChar(code: number): boolean {
  // ASCII letters and digits, and anything beyond ASCII (letters in other scripts).
  return (code >= 48 && code <= 57) || (code >= 97 && code <= 122) || code > 127;
}

/** Whether position `at` of folded text begins a word. */
export function isWordStart(folded: string, at: number): boolean {
  return at === 0 || !isWordChar(folded.charCodeAt(at - 1));
}

function initialsOf(folded: string): string {
  let initials = '';
  for (let i = 0; i < folded.length; i++) {
    if (isWordChar(folded.charCodeAt(i)) && isWordStart(folded, i)) initials += folded[i];
  }
  return initials;
}

function isSubsequence(query: string, text: string): boolean {
  let from = 0;
  for (let i = 0; i < query.length; i++) {
    const at = text.indexOf(query[i]!, from);
    if (at === -1) return false;
    from = at + 1;
  }
  return true;
}

const tier = 1_000_000;
const position = 1_000;

/**
 * The rank of `query` against one label, lower is better, or -1 for no match. `query` and `folded` are folded;
 * `initials` is `initialsOf(folded)`; `compactQuery` is the query without spaces.
 */
export function scoreMatch(query: string, compactQuery: string, folded: string, initials: string): number {
  const length = Math.min(folded.length, 999);
  if (folded === query) return length;
  if (folded.startsWith(query)) return tier + length;
  const first = folded.indexOf(query);
  if (first !== -1) {
    for (let at = first; at !== -1; at = folded.indexOf(query, at + 1)) {
      if (isWordStart(folded, at)) return 2 * tier + Math.min(at, 999) * position + length;
    }
  }
  if (compactQuery.length > 1 && isSubsequence(compactQuery, initials)) return 3 * tier + length;
  if (first !== -1) return 4 * tier + Math.min(first, 999) * position + length;

  // Scattered: all characters in order, ranked by how tightly they sit together.
  let from = 0;
  let start = -1;
  for (let i = 0; i < query.length; i++) {
    const at = folded.indexOf(query[i]!, from);
    if (at === -1) return -1;
    if (start === -1) start = at;
    from = at + 1;
  }
  return 5 * tier + Math.min(from - start, 999) * position + length;
}

export interface MatchResult<T> {
  /** The best matches, best first, at most `limit`. */
  items: T[];
  /** How many items matched in all. */
  total: number;
}

export interface Matcher<T> {
  search(query: string, limit?: number): MatchResult<T>;
}

export interface MatcherOptions<T> {
  /**
   * Items that rank first among matches of the same kind (pinned and recent clients): a preferred prefix match comes
   * before every other prefix match, whatever the lengths, but never before an exact match of another item.
   */
  preferred?: (item: T) => boolean;
}

/** Prepares `items` for repeated searches; rebuild it when the items change. */
export function createMatcher<T>(
  items: readonly T[],
  text: (item: T) => string,
  options: MatcherOptions<T> = {},
): Matcher<T> {
  const count = items.length;
  const folded = new Array<string>(count);
  const initials = new Array<string>(count);
  const preferred = new Uint8Array(count);
  for (let i = 0; i < count; i++) {
    folded[i] = fold(text(items[i]!));
    initials[i] = initialsOf(folded[i]!);
    if (options.preferred?.(items[i]!)) preferred[i] = 1;
  }
  // Reused by every search: the indexes that matched and their scores.
  const matched = new Uint32Array(count);
  const scores = new Float64Array(count);
  const byScore = (a: number, b: number) => scores[a]! - scores[b]! || a - b;

  return {
    search(query, limit = 50) {
      const q = fold(query.trim()).replace(/\s+/g, ' ');
      if (q === '') return { items: items.slice(0, limit), total: count };
      const compact = q.replace(/ /g, '');
      let total = 0;
      for (let i = 0; i < count; i++) {
        const score = scoreMatch(q, compact, folded[i]!, initials[i]!);
        if (score < 0) continue;
        // A preferred item goes to the front of its tier; ties keep the items' order.
        scores[i] = preferred[i] ? Math.floor(score / tier) * tier - 1 : score;
        matched[total++] = i;
      }
      const ranked = matched.subarray(0, total).sort(byScore);
      const shown = Math.min(limit, total);
      const result = new Array<T>(shown);
      for (let k = 0; k < shown; k++) result[k] = items[ranked[k]!]!;
      return { items: result, total };
    },
  };
}

/**
 * Where the query's characters fall in `label`, for highlighting: the best contiguous run when there is one,
 * else the first in-order characters. Empty when the label does not match, or when folding changed its length.
 */
export function matchPositions(query: string, label: string): number[] {
  const q = fold(query.trim()).replace(/\s+/g, ' ');
  const folded = fold(label);
  if (q === '' || folded.length !== label.length) return [];
  let at = -1;
  for (let i = folded.indexOf(q); i !== -1; i = folded.indexOf(q, i + 1)) {
    if (at === -1 || isWordStart(folded, i)) at = i;
    if (isWordStart(folded, i)) break;
  }
  if (at !== -1) return Array.from({ length: q.length }, (_, k) => at + k);
  const positions: number[] = [];
  let from = 0;
  for (const char of q) {
    const found = folded.indexOf(char, from);
    if (found === -1) return [];
    positions.push(found);
    from = found + 1;
  }
  return positions;
}
