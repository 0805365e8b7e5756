// The packaging configuration (electron-builder.yml), loaded and validated by electron-builder's own code, so a
// misspelt option or a value of the wrong type fails here rather than on a release machine with network access.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config.js';
import type { Configuration } from 'app-builder-lib';
import { beforeAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../../..');
const quietLogger = { isEnabled: false, add() {}, save: async () => {} } as unknown as Parameters<
  typeof validateConfiguration
>[1];

let config: Configuration;

beforeAll(async () => {
  config = await getConfig(root, null, null);
});

/** Target names of a platform section, however they are written (string, list of strings or of objects). */
function targetNames(section: { target?: unknown } | null | undefined): string[] {
  const list = Array.isArray(section?.target) ? section.target : [section?.target];
  return list
    .filter((t) => t != null)
    .map((t: string | { target: string }) => (typeof t === 'string' ? t : t.target).toLowerCase());
}

describe('electron-builder configuration', () => {
  it('is the one electron-builder finds, and passes its schema', async () => {
    expect(existsSync(join(root, 'electron-builder.yml'))).toBe(true);
    expect(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).build).toBeUndefined();
    await expect(validateConfiguration(config, quietLogger)).resolves.toBeUndefined();
    expect(config.appId).toBe('com.providerdesk.app');
    expect(config.productName).toBe('Provider Desk');
  });

  it('flips every fuse the security baseline asks for', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      // The renderer is served from app://, never file://: file pages need no privileges beyond a browser's.
      grantFileProtocolExtraPrivileges: false,
    });
    // Integrity validation and asar-only loading mean nothing without an asar with its hash embedded.
    expect(config.asar).not.toBe(false);
    expect(config.disableAsarIntegrity).not.toBe(true);
  });

  it('registers the providerdesk:// scheme the app itself handles', () => {
    const protocols = [config.protocols ?? []].flat();
    expect(protocols.flatMap((p) => p.schemes)).toEqual(['providerdesk']);
    const electronMain = readFileSync(join(root, 'src-main/app/electron.ts'), 'utf8');
    expect(electronMain).toMatch(/setAsDefaultProtocolClient\('providerdesk'/);
  });

  it('builds NSIS on Windows, a hardened DMG on macOS and an AppImage on Linux, with the icons and entitlements', () => {
    expect(targetNames(config.win)).toEqual(['nsis']);
    expect(targetNames(config.mac)).toEqual(['dmg']);
    expect(targetNames(config.linux)).toEqual(['appimage']);
    expect(config.mac?.hardenedRuntime).toBe(true);
    const entitlements = config.mac?.entitlements;
    expect(entitlements).toBe('resources/entitlements.mac.plist');
    const plist = readFileSync(join(root, entitlements!), 'utf8');
    expect(plist).toContain('com.apple.security.cs.allow-jit');
    // Nothing that weakens the hardened runtime beyond V8's JIT.
    expect(plist).not.toMatch(/disable-library-validation|allow-dyld-environment-variables|get-task-allow/);
    for (const icon of [config.win?.icon, config.mac?.icon, config.linux?.icon]) {
      expect(icon).toMatch(/^resources\/icons/);
      expect(existsSync(join(root, icon!))).toBe(true);
    }
    for (const size of [16, 32, 48, 64, 128, 256, 512]) {
      expect(existsSync(join(root, config.linux!.icon!, `${size}x${size}.png`))).toBe(true);
    }
  });

  it('packs only the built bundles and package.json: no sources, tests, configs or secrets', () => {
    // electron-builder normalizes `files` to file sets; ours is one set from the project folder with two patterns.
    expect(config.files).toEqual([{ filter: ['out/**/*', 'package.json'] }]);
    // The bundles the app starts from are where package.json says.
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { main: string };
    expect(pkg.main).toMatch(/^out\//);
    expect(config.directories?.output).toBe('dist');
    expect(config.extraResources ?? []).toEqual([]);
    expect(config.extraFiles ?? []).toEqual([]);
  });
});
