/**
 * How Provider Desk introduces itself to a Bitwarden server (bitwarden-api.md §2.3, §3.3, §3.10).
 */

/** First-party client id: refresh tokens last 30 days, like the official desktop app. */
export const CLIENT_ID = 'desktop';
export const CLIENT_NAME = 'desktop';
/**
 * The Bitwarden client version we speak. Servers refuse logins without it and refuse versions older than
 * 2025.11.0 for accounts on v2 encryption (§3.8), so it follows the protocol we implement, not our own version.
 */
export const COMPATIBLE_CLIENT_VERSION = '2026.9.0';

/** DeviceType numbers for the desktop apps (WindowsDesktop 6, MacOsDesktop 7, LinuxDesktop 8). */
export function desktopDeviceType(platform: NodeJS.Platform = process.platform): number {
  if (platform === 'win32') return 6;
  if (platform === 'darwin') return 7;
  return 8;
}

export function deviceName(platform: NodeJS.Platform = process.platform): string {
  if (platform === 'win32') return 'windows';
  if (platform === 'darwin') return 'macos';
  return 'linux';
}

/** This installation as the server sees it; `identifier` is a UUID kept per data folder. */
export interface DeviceInfo {
  identifier: string;
  type: number;
  name: string;
}

export interface ClientIdentity {
  device: DeviceInfo;
  /** Provider Desk's own version, for the User-Agent. */
  appVersion: string;
}

export function requestHeaders(identity: ClientIdentity): Record<string, string> {
  return {
    'bitwarden-client-name': CLIENT_NAME,
    'bitwarden-client-version': COMPATIBLE_CLIENT_VERSION,
    'device-type': String(identity.device.type),
    'device-identifier': identity.device.identifier,
    'user-agent': `ProviderDesk/${identity.appVersion} (${identity.device.name})`,
    'cache-control': 'no-store',
    pragma: 'no-cache',
  };
}
