/** A controllable `window.matchMedia`: `setDark(true)` flips prefers-color-scheme and fires `change`. */
export interface FakeMedia {
  matchMedia: (query: string) => MediaQueryList;
  setDark(dark: boolean): void;
}

export function fakeMatchMedia(initiallyDark: boolean): FakeMedia {
  let dark = initiallyDark;
  const lists: { query: string; target: EventTarget }[] = [];

  function matchMedia(query: string): MediaQueryList {
    const target = new EventTarget();
    lists.push({ query, target });
    return Object.defineProperties(target, {
      media: { value: query },
      matches: { get: () => (query.includes('prefers-color-scheme: dark') ? dark : false) },
      onchange: { value: null, writable: true },
      addListener: { value: () => undefined },
      removeListener: { value: () => undefined },
    }) as unknown as MediaQueryList;
  }

  return {
    matchMedia,
    setDark(next) {
      dark = next;
      for (const { query, target } of lists) {
        if (query.includes('prefers-color-scheme')) target.dispatchEvent(new Event('change'));
      }
    },
  };
}

export function installMatchMedia(dark: boolean): FakeMedia {
  const media = fakeMatchMedia(dark);
  window.matchMedia = media.matchMedia;
  return media;
}
