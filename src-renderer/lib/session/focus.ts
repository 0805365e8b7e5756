import { tick } from 'svelte';

const FIELDS = 'input:not([type="hidden"]):not([type="checkbox"]):not([type="radio"]):not(:disabled), select, textarea';

/**
 * Puts focus where typing starts in a step: the first field still empty (an invalid one first, after an error),
 * else the first field. Waits for the DOM to settle first.
 */
export async function focusFirstField(container: HTMLElement | null | undefined): Promise<void> {
  await tick();
  if (!container) return;
  const fields = [...container.querySelectorAll<HTMLInputElement | HTMLSelectElement>(FIELDS)];
  const target =
    fields.find((field) => field.getAttribute('aria-invalid') === 'true') ??
    fields.find((field) => field instanceof HTMLInputElement && field.value === '') ??
    fields[0];
  target?.focus();
}
