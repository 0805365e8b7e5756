import { afterEach, expect } from 'vitest';
import { toast } from '$lib/toasts.svelte';
import { contractBreaks } from './fakes/desk';
import { installMatchMedia } from './fakes/matchMedia';

// jsdom has no matchMedia; the app's theme controller asks it for prefers-color-scheme.
installMatchMedia(false);

// jsdom has no layout, so no ResizeObserver either (Svelte's `bind:offsetHeight` uses one): sizes stay 0.
globalThis.ResizeObserver ??= class {
  observe() {}
  unobserve() {}
  disconnect() {}
};

// Toasts live in a module: cleared after every test, so no test sees what an earlier one left.
afterEach(() => {
  toast.clear();
  const breaks = contractBreaks.splice(0);
  expect(breaks, 'fake bridge answers and pushes must match the contract').toEqual([]);
  delete window.desk;
  delete document.documentElement.dataset.theme;
  document.title = '';
});
