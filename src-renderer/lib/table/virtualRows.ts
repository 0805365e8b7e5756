import { defaultRangeExtractor, type Range, type Rect, type Virtualizer } from '@tanstack/svelte-virtual';

/**
 * The data grid's pieces of virtualization and keyboard movement that need no component: which rows to render,
 * how big the scroll area really is, and where a navigation key moves the active row.
 */

/** The rows in view plus the active row, even when scrolled out of view, so keyboard focus is never unmounted. */
export function withActive(range: Range, active: number): number[] {
  const indexes = defaultRangeExtractor(range);
  if (active < 0 || active >= range.count || indexes.includes(active)) return indexes;
  return [...indexes, active].sort((a, b) => a - b);
}

/**
 * The library measures the scroll element's border box; rows fit in its client box (inside borders and any
 * horizontal scrollbar), so keyboard scrolling would leave the last row a few pixels short.
 */
export function observeClientRect<T extends Element>(
  instance: Virtualizer<HTMLDivElement, T>,
  report: (rect: Rect) => void,
) {
  const element = instance.scrollElement;
  if (!element) return;
  const measure = () => report({ width: element.clientWidth, height: element.clientHeight });
  measure();
  const Observer = instance.targetWindow?.ResizeObserver;
  if (!Observer) return () => {};
  const observer = new Observer(measure);
  observer.observe(element);
  return () => observer.disconnect();
}

/** Where a navigation key moves the active row from `index` (unclamped), or undefined for other keys. */
export function rowMoveTarget(key: string, index: number, pageSize: number, last: number): number | undefined {
  const moves: Record<string, number> = {
    ArrowDown: index + 1,
    ArrowUp: index - 1,
    PageDown: index + pageSize,
    PageUp: index - pageSize,
    Home: 0,
    End: last,
  };
  return moves[key];
}

/** A text field keeps its own Ctrl/⌘+A. */
export function isTextField(element: Element): boolean {
  return element.matches('input:not([type="checkbox"]):not([type="radio"]), textarea, select, [contenteditable]');
}

/** Clicks on a cell's own controls (links, menus) belong to them, not to the row. */
export function isControl(element: Element): boolean {
  return element.closest('a, button, input, select, textarea, label, [role="button"], [role="menuitem"]') !== null;
}
