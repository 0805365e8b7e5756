import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createElectronSecretStore, type SafeStorageLike } from '../../../../src-main/platform/secretStoreElectron';
import { createMemorySecretStore } from '../../../../src-main/platform/secretStoreMemory';

/** Stands in for the OS keychain: a reversible transform keyed by a "machine secret". */
function fakeSafeStorage(
  o: { available?: boolean; backend?: string; machine?: string } = {},
): SafeStorageLike & { calls: number } {
  const machine = o.machine ?? 'machine-1';
  const fake = {
    calls: 0,
    isEncryptionAvailable: () => o.available ?? true,
    getSelectedStorageBackend: () => o.backend ?? 'gnome_libsecret',
    encryptString: (plain: string) => {
      fake.calls++;
      return Buffer.from(`${machine}:${Buffer.from(plain).toString('base64')}`);
    },
    decryptString: (encrypted: Buffer) => {
      fake.calls++;
      const [who, data] = encrypted.toString().split(':');
      if (who !== machine || !data)
        throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      return Buffer.from(data, 'base64').toString();
    },
  };
  return fake;
}

const tempFile = () => join(mkdtempSync(join(tmpdir(), 'desk-secrets-')), 'secrets.json');

describe('memory secret store', () => {
  it('round-trips, lists by prefix, deletes, and says it keeps nothing on disk', () => {
    const store = createMemorySecretStore();
    store.set('account:b', '2');
    store.set('account:a', '1');
    store.set('other', '3');
    expect(store.get('account:a')).toBe('1');
    expect(store.list('account:')).toEqual(['account:a', 'account:b']);
    store.delete('account:a');
    expect(store.get('account:a')).toBeUndefined();
    expect(store.status()).toMatchObject({ persistent: false, backend: 'memory', message: expect.any(String) });
  });
});

describe('Electron secret store', () => {
  it('round-trips across restarts, with nothing readable in the file', () => {
    const file = tempFile();
    const first = createElectronSecretStore({ file, safeStorage: fakeSafeStorage(), platform: 'linux' });
    first.set('account:1', '{"refreshToken":"very-secret-refresh-token"}');
    first.set('remember:x', 'remember-token');
    expect(first.status()).toEqual({ persistent: true, backend: 'gnome_libsecret', message: null });

    const text = readFileSync(file, 'utf8');
    expect(text).not.toContain('very-secret-refresh-token');
    expect(text).not.toContain('remember-token');
    expect(JSON.parse(text)).toMatchObject({ version: 1, backend: 'gnome_libsecret' });

    const second = createElectronSecretStore({ file, safeStorage: fakeSafeStorage(), platform: 'linux' });
    expect(second.get('account:1')).toBe('{"refreshToken":"very-secret-refresh-token"}');
    expect(second.list()).toEqual(['account:1', 'remember:x']);
    second.delete('remember:x');
    expect(createElectronSecretStore({ file, safeStorage: fakeSafeStorage(), platform: 'linux' }).list()).toEqual([
      'account:1',
    ]);
  });

  it('only the data key goes through the keychain, once per start', () => {
    const file = tempFile();
    const safe = fakeSafeStorage();
    const store = createElectronSecretStore({ file, safeStorage: safe, platform: 'linux' });
    for (let i = 0; i < 20; i++) store.set(`k${i}`, `v${i}`);
    expect(safe.calls).toBe(1);
  });

  it('treats Linux basic_text as no keychain: nothing written, and the user is told', () => {
    const file = tempFile();
    const store = createElectronSecretStore({
      file,
      safeStorage: fakeSafeStorage({ backend: 'basic_text' }),
      platform: 'linux',
    });
    store.set('account:1', 'secret');
    expect(store.get('account:1')).toBe('secret');
    expect(existsSync(file)).toBe(false);
    expect(store.status()).toMatchObject({
      persistent: false,
      backend: 'basic_text',
      message: expect.stringContaining('not saved'),
    });
  });

  it('treats unavailable encryption the same way', () => {
    const file = tempFile();
    const store = createElectronSecretStore({
      file,
      safeStorage: fakeSafeStorage({ available: false }),
      platform: 'win32',
    });
    store.set('a', 'b');
    expect(existsSync(file)).toBe(false);
    expect(store.status().persistent).toBe(false);
  });

  it('records the backend and notices a change it can still read', () => {
    const file = tempFile();
    createElectronSecretStore({ file, safeStorage: fakeSafeStorage({ backend: 'kwallet5' }), platform: 'linux' }).set(
      'a',
      'b',
    );
    const moved = createElectronSecretStore({
      file,
      safeStorage: fakeSafeStorage({ backend: 'kwallet6' }),
      platform: 'linux',
    });
    expect(moved.get('a')).toBe('b');
    expect(JSON.parse(readFileSync(file, 'utf8')).backend).toBe('kwallet6');
  });

  it('starts over, and says so, when the keychain can no longer open the data key', () => {
    const file = tempFile();
    createElectronSecretStore({
      file,
      safeStorage: fakeSafeStorage({ backend: 'gnome_libsecret' }),
      platform: 'linux',
    }).set('a', 'b');
    const changed = createElectronSecretStore({
      file,
      safeStorage: fakeSafeStorage({ backend: 'kwallet6', machine: 'other' }),
      platform: 'linux',
    });
    expect(changed.get('a')).toBeUndefined();
    expect(changed.status().message).toBe(
      'The system keychain changed (was gnome_libsecret, now kwallet6): sign in again to your accounts.',
    );
    changed.set('c', 'd');
    expect(
      createElectronSecretStore({
        file,
        safeStorage: fakeSafeStorage({ backend: 'kwallet6', machine: 'other' }),
        platform: 'linux',
      }).get('c'),
    ).toBe('d');
  });

  it('refuses a tampered or swapped entry', () => {
    const file = tempFile();
    const store = createElectronSecretStore({ file, safeStorage: fakeSafeStorage(), platform: 'darwin' });
    store.set('a', 'first');
    store.set('b', 'second');
    const content = JSON.parse(readFileSync(file, 'utf8'));
    expect(content.backend).toBe('keychain');
    [content.entries.a, content.entries.b] = [content.entries.b, content.entries.a];
    writeFileSync(file, JSON.stringify(content));
    const reopened = createElectronSecretStore({ file, safeStorage: fakeSafeStorage(), platform: 'darwin' });
    expect(reopened.get('a')).toBeUndefined();
    expect(reopened.get('b')).toBeUndefined();
  });
});
