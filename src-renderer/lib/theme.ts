import type { Theme } from '$shared/contract';
import { invoke, on } from './desk';

export type ResolvedTheme = 'light' | 'dark';

const darkQuery = '(prefers-color-scheme: dark)';

export function resolveTheme(preference: Theme, systemPrefersDark: boolean): ResolvedTheme {
  if (preference === 'system') return systemPrefersDark ? 'dark' : 'light';
  return preference;
}

/**
 * Keeps `<html data-theme>` equal to the resolved theme. While the preference is `system` it follows the OS live
 * through a matchMedia listener, so switching the OS to dark mode repaints the open app.
 */
export class ThemeController {
  #preference: Theme = 'system';
  #media: MediaQueryList | undefined;
  readonly #onSystemChange = () => {
    if (this.#preference === 'system') this.#paint();
  };

  constructor(
    private readonly root: HTMLElement,
    matchMedia: ((query: string) => MediaQueryList) | undefined,
  ) {
    this.#media = matchMedia?.(darkQuery);
    this.#media?.addEventListener('change', this.#onSystemChange);
  }

  get preference(): Theme {
    return this.#preference;
  }

  get resolved(): ResolvedTheme {
    return resolveTheme(this.#preference, this.#media?.matches ?? false);
  }

  apply(preference: Theme): ResolvedTheme {
    this.#preference = preference;
    return this.#paint();
  }

  dispose(): void {
    this.#media?.removeEventListener('change', this.#onSystemChange);
  }

  #paint(): ResolvedTheme {
    const resolved = this.resolved;
    this.root.dataset.theme = resolved;
    return resolved;
  }
}

let shared: ThemeController | undefined;

/** The app's one controller for `document.documentElement`. */
export function appTheme(): ThemeController {
  shared ??= new ThemeController(
    document.documentElement,
    typeof window.matchMedia === 'function' ? (query) => window.matchMedia(query) : undefined,
  );
  return shared;
}

/**
 * Paints the saved theme at start-up and again on every `settings.changed` push (another window, the other
 * shell). A push that lands before the first `settings.get` answers wins, since it is newer.
 */
export function followSettingsTheme(theme: ThemeController = appTheme()): () => void {
  let pushed = false;
  const stop = on('settings.changed', (settings) => {
    pushed = true;
    theme.apply(settings.theme);
  });
  invoke('settings.get').then(
    (settings) => {
      if (!pushed) theme.apply(settings.theme);
    },
    // Without settings the OS preference stays in force; the Settings page reports the failure itself.
    () => undefined,
  );
  return stop;
}
