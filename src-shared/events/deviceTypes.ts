/** The app an event came from, by DeviceType (bitwarden-api.md §3.10), as the web vault names it in exports. */
export interface EventApp {
  /** The web vault's icon class (the CSV's `appIcon`). */
  icon: string;
  name: string;
}

const apps: Readonly<Record<number, readonly [string, string]>> = {
  0: ['bwi-android', 'Mobile - Android'],
  1: ['bwi-apple', 'Mobile - iOS'],
  2: ['bwi-chrome', 'Extension - Chrome'],
  3: ['bwi-firefox', 'Extension - Firefox'],
  4: ['bwi-opera', 'Extension - Opera'],
  5: ['bwi-edge', 'Extension - Edge'],
  6: ['bwi-windows', 'Desktop - Windows'],
  7: ['bwi-apple', 'Desktop - macOS'],
  8: ['bwi-linux', 'Desktop - Linux'],
  9: ['bwi-globe', 'Web vault - Chrome'],
  10: ['bwi-globe', 'Web vault - Firefox'],
  11: ['bwi-globe', 'Web vault - Opera'],
  12: ['bwi-globe', 'Web vault - Edge'],
  13: ['bwi-globe', 'Web vault - IE'],
  14: ['bwi-globe', 'Web vault - Unknown'],
  15: ['bwi-android', 'Mobile - Amazon'],
  16: ['bwi-windows', 'Desktop - Windows (UWP)'],
  17: ['bwi-globe', 'Web vault - Safari'],
  18: ['bwi-globe', 'Web vault - Vivaldi'],
  19: ['bwi-puzzle', 'Extension - Vivaldi'],
  20: ['bwi-safari', 'Extension - Safari'],
  21: ['bwi-desktop', 'SDK'],
  22: ['bwi-server', 'Server'],
  23: ['bwi-cli', 'CLI - Windows'],
  24: ['bwi-cli', 'CLI - macOS'],
  25: ['bwi-cli', 'CLI - Linux'],
  26: ['bwi-globe', 'Web vault - DuckDuckGo'],
};

export function eventApp(deviceType: number | null): EventApp {
  const app = deviceType === null ? undefined : apps[deviceType];
  return app ? { icon: app[0], name: app[1] } : { icon: 'bwi-globe', name: 'Unknown' };
}
