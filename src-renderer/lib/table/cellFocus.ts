/**
 * The data grid is one Tab stop (WAI-ARIA grid pattern): its rows take focus with the arrow keys, and the controls
 * inside a row's cells (links, pins, menu buttons) are reached from the row with ArrowLeft/ArrowRight instead of
 * Tab. This module keeps those controls out of the Tab order and says where the horizontal keys move.
 */

const controlSelector = [
  'a[href]',
  'button:not(:disabled)',
  'input:not(:disabled):not(.row-check)',
  'select:not(:disabled)',
  'textarea:not(:disabled)',
  '[role="button"]',
  '[tabindex]:not(tr)',
].join(', ');

/** The controls of one row, in reading order. */
export function rowControls(row: HTMLElement): HTMLElement[] {
  return [...row.querySelectorAll<HTMLElement>(controlSelector)].filter((control) => !control.closest('[hidden]'));
}

function silence(root: ParentNode) {
  for (const control of root.querySelectorAll<HTMLElement>(controlSelector)) {
    if (control.getAttribute('tabindex') !== '-1') control.setAttribute('tabindex', '-1');
  }
}

/**
 * Keeps every control under `body` (a grid's tbody) out of the Tab order, including the ones rendered later as
 * rows scroll into view or cells change. Used as an attachment: returns the cleanup.
 */
export function keepControlsOutOfTabOrder(body: HTMLElement): () => void {
  silence(body);
  const observer = new MutationObserver((records) => {
    for (const record of records) {
      if (record.type === 'attributes') {
        const element = record.target as HTMLElement;
        if (element.matches(controlSelector) && element.getAttribute('tabindex') !== '-1') {
          element.setAttribute('tabindex', '-1');
        }
      } else {
        for (const node of record.addedNodes) if (node instanceof HTMLElement) silence(node.parentNode ?? node);
      }
    }
  });
  observer.observe(body, {
    childList: true,
    subtree: true,
    attributes: true,
    attributeFilter: ['tabindex', 'href', 'disabled'],
  });
  return () => observer.disconnect();
}

/**
 * Where ArrowLeft/ArrowRight go from `from` (the row itself, or one of its controls): the next or previous
 * control, the row when moving left from the first control, or undefined at the row's end.
 */
export function horizontalTarget(row: HTMLElement, from: HTMLElement, key: string): HTMLElement | undefined {
  const controls = rowControls(row);
  const index = from === row ? -1 : controls.indexOf(from);
  if (key === 'ArrowRight') return controls[index + 1];
  if (key === 'ArrowLeft') return index <= 0 ? (index === 0 ? row : undefined) : controls[index - 1];
  return undefined;
}

/**
 * Keys on a control inside a row: ArrowLeft/ArrowRight move between the row's controls (left of the first is the
 * row), ArrowUp/ArrowDown move to the row above or below (`moveRow`), Escape goes back to the row. A text field
 * or a select keeps the arrow keys it needs.
 */
export function onControlKeydown(
  event: KeyboardEvent,
  row: HTMLElement,
  control: HTMLElement,
  moveRow: (delta: number) => void,
): void {
  const field = control.matches('input:not([type="checkbox"]):not([type="radio"]), textarea, select');
  if ((event.key === 'ArrowLeft' || event.key === 'ArrowRight') && !field) {
    const to = horizontalTarget(row, control, event.key);
    if (!to) return;
    event.preventDefault();
    to.focus();
  } else if ((event.key === 'ArrowUp' || event.key === 'ArrowDown') && !field) {
    event.preventDefault();
    moveRow(event.key === 'ArrowDown' ? 1 : -1);
  } else if (event.key === 'Escape' && !event.defaultPrevented) {
    event.preventDefault();
    row.focus();
  }
}
