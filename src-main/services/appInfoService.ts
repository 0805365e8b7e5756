import type { AppInfo, ServerEnvironment, ShellKind } from '../../src-shared/contract';

export interface AppIdentity {
  name: string;
  version: string;
  shell: ShellKind;
  /** Where sign-in should point first (`--server`); null lets the user choose. */
  defaultServer?: ServerEnvironment | null;
}

export function describeApp(identity: AppIdentity): AppInfo {
  const versions: Record<string, string> = {};
  for (const key of ['node', 'electron', 'chrome', 'v8'] as const) {
    const version = process.versions[key];
    if (version) versions[key] = version;
  }
  return {
    ...identity,
    defaultServer: identity.defaultServer ?? null,
    platform: process.platform,
    arch: process.arch,
    versions,
  };
}
