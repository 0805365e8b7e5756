import type { AppInfo, ShellKind } from '../../src-shared/contract';

export interface AppIdentity {
  name: string;
  version: string;
  shell: ShellKind;
}

export function describeApp(identity: AppIdentity): AppInfo {
  const versions: Record<string, string> = {};
  for (const key of ['node', 'electron', 'chrome', 'v8'] as const) {
    const version = process.versions[key];
    if (version) versions[key] = version;
  }
  return { ...identity, platform: process.platform, arch: process.arch, versions };
}
