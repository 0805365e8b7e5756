import type { AppInfo } from '$shared/contract';

const platformNames: Record<string, string> = { darwin: 'macOS', win32: 'Windows', linux: 'Linux' };

/** `linux`, `x64` → `Linux (x64)`; unknown platforms keep Node's name. */
export function platformLabel(info: Pick<AppInfo, 'platform' | 'arch'>): string {
  return `${platformNames[info.platform] ?? info.platform} (${info.arch})`;
}

export function shellLabel(shell: AppInfo['shell']): string {
  return shell === 'electron' ? 'Electron' : 'Browser';
}
