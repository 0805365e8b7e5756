/** A few DOM helpers: elements without innerHTML (no markup from data ever), labelled fields, busy buttons. */
type Child = Node | string | null | undefined | false;
type Attrs = Record<string, string | boolean | undefined>;

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === false) continue;
    el.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children) if (child) el.append(child);
  return el;
}

let fieldCounter = 0;

export interface Field {
  wrap: HTMLDivElement;
  input: HTMLInputElement;
  setError(message: string | null): void;
}

/** A labelled input with an optional hint and an error line tied to it by aria-describedby. */
export function field(label: string, attrs: Attrs & { name: string }, hint?: string): Field {
  const id = `f${++fieldCounter}`;
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = `${id}-error`;
  const input = h('input', { id, ...attrs, 'aria-describedby': [hintId, errorId].filter(Boolean).join(' ') });
  const error = h('p', { id: errorId, class: 'field-error', hidden: true });
  const wrap = h(
    'div',
    { class: 'field' },
    h('label', { for: id }, label),
    input,
    hint ? h('p', { id: hintId, class: 'hint' }, hint) : null,
    error,
  );
  return {
    wrap,
    input,
    setError(message) {
      error.textContent = message ?? '';
      error.hidden = !message;
      if (message) input.setAttribute('aria-invalid', 'true');
      else input.removeAttribute('aria-invalid');
    },
  };
}

/** The page-level error line: role=alert so screen readers announce it. */
export function alertBox(): { el: HTMLDivElement; show(message: string | null): void } {
  const el = h('div', { class: 'alert', role: 'alert' });
  el.hidden = true;
  return {
    el,
    show(message) {
      el.textContent = message ?? '';
      el.hidden = !message;
    },
  };
}

/** Disables a form's controls and labels its submit button while `work` runs. */
export async function busy<T>(form: HTMLFormElement, label: string, work: () => Promise<T>): Promise<T> {
  const button = form.querySelector<HTMLButtonElement>('button[type=submit]');
  const before = button?.textContent ?? '';
  const controls = [...form.querySelectorAll<HTMLInputElement | HTMLButtonElement>('input, button')];
  controls.forEach((c) => (c.disabled = true));
  form.setAttribute('aria-busy', 'true');
  if (button) button.textContent = label;
  try {
    return await work();
  } finally {
    controls.forEach((c) => (c.disabled = false));
    form.removeAttribute('aria-busy');
    if (button) button.textContent = before;
  }
}

/** Replaces the page content and moves focus to the first field (or the heading), for keyboard users. */
export function show(main: HTMLElement, ...children: Child[]): void {
  main.replaceChildren(...children.filter((c): c is Node | string => !!c));
  const input = main.querySelector<HTMLElement>('input:not([type=hidden]):not([readonly])');
  const heading = main.querySelector<HTMLElement>('h1');
  if (!input && heading) heading.tabIndex = -1;
  (input ?? heading)?.focus();
}

export const errorText = (error: unknown): string =>
  error instanceof Error && error.message ? error.message : 'Something went wrong. Try again.';
