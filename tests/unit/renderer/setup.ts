import { afterEach } from 'vitest';
import { installMatchMedia } from './fakes/matchMedia';

// jsdom has no matchMedia; the app's theme controller asks it for prefers-color-scheme.
installMatchMedia(false);

afterEach(() => {
  delete window.desk;
  delete document.documentElement.dataset.theme;
  document.title = '';
});
