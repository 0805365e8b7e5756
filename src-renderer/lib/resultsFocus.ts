/**
 * Where ArrowDown from a search field lands in its results: the first row of a data grid (rows are the grid's
 * focus targets), else the grid's own tab stop, else the first focusable result of a plain list.
 */
const firstResultSelectors = [
  'tr[data-index="0"]',
  '[role="grid"] [tabindex="0"]',
  '[role="option"], a[href], button:not(:disabled), [tabindex]:not([tabindex="-1"])',
];

export function firstResult(container: HTMLElement): HTMLElement | undefined {
  for (const selector of firstResultSelectors) {
    const found = container.querySelector<HTMLElement>(selector);
    if (found) return found;
  }
  return undefined;
}

/** Moves focus into the results named by `id`; false when there is nothing to move to. */
export function focusFirstResult(id: string): boolean {
  const container = document.getElementById(id);
  const target = container ? firstResult(container) : undefined;
  if (!target) return false;
  target.focus();
  return true;
}
