import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultDataDir } from '../../../../src-main/platform/dataDir';
import { acquireInstanceLock, InstanceLockedError } from '../../../../src-main/platform/instanceLock';
import { readRememberedPort, rememberPort } from '../../../../src-main/platform/rememberedPort';

const temp = () => mkdtempSync(join(tmpdir(), 'desk-state-'));

describe('instance lock', () => {
  it('refuses a second holder while the first process lives', () => {
    const dir = temp();
    writeFileSync(join(dir, 'instance.lock'), JSON.stringify({ pid: process.ppid, url: 'http://127.0.0.1:4000' }));
    expect(() => acquireInstanceLock(dir)).toThrow(InstanceLockedError);
    expect(() => acquireInstanceLock(dir)).toThrow(/already running on this data folder .*127\.0\.0\.1:4000/);
  });

  it('takes over a lock left by a process that is gone, and releases it', () => {
    const dir = temp();
    writeFileSync(join(dir, 'instance.lock'), JSON.stringify({ pid: 2 ** 22 + 12345 }));
    const lock = acquireInstanceLock(dir);
    lock.release();
    acquireInstanceLock(dir).release();
  });
});

describe('remembered port', () => {
  it('remembers a port per data folder and ignores junk', () => {
    const dir = temp();
    expect(readRememberedPort(dir)).toBeUndefined();
    rememberPort(dir, 48123);
    expect(readRememberedPort(dir)).toBe(48123);
    writeFileSync(join(dir, 'web-shell.json'), '{"port": 80}');
    expect(readRememberedPort(dir)).toBeUndefined();
  });
});

describe('default data folder', () => {
  it('follows each OS convention', () => {
    expect(defaultDataDir({ APPDATA: 'C:\\Users\\a\\AppData\\Roaming' }, 'win32')).toContain('Provider Desk');
    expect(defaultDataDir({}, 'darwin')).toMatch(/Library\/Application Support\/Provider Desk$/);
    expect(defaultDataDir({ XDG_CONFIG_HOME: '/x' }, 'linux')).toBe('/x/provider-desk');
  });
});
