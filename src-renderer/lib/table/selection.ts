/**
 * Row selection as immutable sets of row keys; the table replaces its set on each change so a bound `selected`
 * always holds a fresh value.
 */

/** The keys from `anchor` to `target` inclusive, in display order; just the target when the anchor is gone. */
export function keysBetween(order: readonly string[], anchor: string | undefined, target: string): string[] {
  const to = order.indexOf(target);
  if (to === -1) return [];
  const from = anchor === undefined ? -1 : order.indexOf(anchor);
  if (from === -1) return [target];
  const [start, end] = from <= to ? [from, to] : [to, from];
  return order.slice(start, end + 1);
}

/** Shift-click: every row between the anchor and the target takes the anchor's state (selected unless told). */
export function selectRange(
  current: ReadonlySet<string>,
  order: readonly string[],
  anchor: string | undefined,
  target: string,
  select = true,
): Set<string> {
  const next = new Set(current);
  for (const key of keysBetween(order, anchor, target)) {
    if (select) next.add(key);
    else next.delete(key);
  }
  return next;
}

export function toggleKey(current: ReadonlySet<string>, key: string): Set<string> {
  const next = new Set(current);
  if (!next.delete(key)) next.add(key);
  return next;
}

/** The header checkbox: `mixed` while some but not all rows are selected. */
export function selectAllState(selectedCount: number, total: number): 'none' | 'some' | 'all' {
  if (selectedCount === 0 || total === 0) return 'none';
  return selectedCount >= total ? 'all' : 'some';
}
