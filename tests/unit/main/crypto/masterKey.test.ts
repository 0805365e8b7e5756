/** crypto.md §12.2–12.4: master key derivation, password hashes and the stretch. */
import { describe, expect, it } from 'vitest';
import {
  deriveMasterKey,
  hashMasterPassword,
  normalizeEmail,
  stretchMasterKey,
  type KdfConfig,
} from '../../../../src-main/crypto';
import { hkdfExpand } from '../../../../src-main/crypto/primitives';
import { b64, caught, FAST_ARGON2, FAST_PBKDF2, toB64, toHex } from './helpers';

const PBKDF2_MASTER_KEY = Uint8Array.from([
  31, 79, 104, 226, 150, 71, 177, 90, 194, 80, 172, 209, 17, 129, 132, 81, 138, 167, 69, 167, 254, 149, 2, 27, 39, 197,
  64, 42, 22, 195, 86, 75,
]);

describe('§12.2 master-key KDF (sdk-internal kdf.rs)', () => {
  it.each([
    [
      'PBKDF2 10000',
      { kdf: 0, iterations: 10000 },
      PBKDF2_MASTER_KEY,
      '1f4f68e29647b15ac250acd1118184518aa745a7fe95021b27c5402a16c3564b',
      'H09o4pZHsVrCUKzREYGEUYqnRaf+lQIbJ8VAKhbDVks=',
    ],
    [
      'Argon2id t=4 m=32 p=2',
      { kdf: 1, iterations: 4, memory: 32, parallelism: 2 },
      Uint8Array.from([
        207, 240, 225, 177, 162, 19, 163, 76, 98, 106, 179, 175, 224, 9, 17, 240, 20, 147, 237, 47, 246, 150, 141, 184,
        62, 225, 131, 242, 51, 53, 225, 242,
      ]),
      'cff0e1b1a213a34c626ab3afe00911f01493ed2ff6968db83ee183f23335e1f2',
      'z/DhsaITo0xiarOv4AkR8BST7S/2lo24PuGD8jM14fI=',
    ],
  ] as [string, KdfConfig, Uint8Array, string, string][])(
    '%s of "67t9b5g67$%%Dh89n" with salt "test_key"',
    async (_name, kdf, bytes, hex, base64) => {
      const key = await deriveMasterKey('67t9b5g67$%Dh89n', 'test_key', kdf);
      expect(key).toEqual(bytes);
      expect(toHex(key)).toBe(hex);
      expect(toB64(key)).toBe(base64);
    },
  );
});

describe('§12.3 server authentication hash', () => {
  it.each(['test@bitwarden.com', 'TEST@bitwarden.com', ' test@bitwarden.com'])(
    'asdfasdf with salt "%s", PBKDF2 100000 (master_key.rs test_password_hash_pbkdf2)',
    async (email) => {
      const key = await deriveMasterKey('asdfasdf', email, { kdf: 0, iterations: 100000 });
      expect(await hashMasterPassword(key, 'asdfasdf', 1)).toBe('wmyadRMyBZOH7P/a/ucTCbSghKgdzDpPqUnu/DAVtSw=');
    },
  );
  it('test_password / test@example.com, PBKDF2 600000 (master_password.rs)', async () => {
    const key = await deriveMasterKey('test_password', 'test@example.com', { kdf: 0, iterations: 600000 });
    expect(await hashMasterPassword(key, 'test_password', 1)).toBe('Lyry95vlXEJ5FE0EXjeR9zgcsFSU0qGhP9l5X2jwE38=');
  });
});

describe('§12.4 stretch (utils.rs test_stretch_kdf_key, util.rs test_hkdf_expand)', () => {
  it('stretches the §12.2 PBKDF2 master key to enc ‖ mac', () => {
    const stretched = stretchMasterKey(PBKDF2_MASTER_KEY);
    expect(toHex(stretched.subarray(0, 32))).toBe('6f1fb22dee9825728fd77c5387adc3178e8678f93d84a3b671c5bdccbc15ed60');
    expect(toHex(stretched.subarray(32))).toBe('dd7fceea651bca265634221c4e1cb910303d7fa6d1f7c257e81a3055c1f9b39b');
    expect(toB64(stretched)).toBe(
      'bx+yLe6YJXKP13xTh63DF46GePk9hKO2ccW9zLwV7WDdf87qZRvKJlY0IhxOHLkQMD1/ptH3wlfoGjBVwfmzmw==',
    );
  });
  it('expands PRK [23,152,…] with info "info" to 64 bytes', () => {
    const prk = Uint8Array.from([
      23, 152, 120, 41, 214, 16, 156, 133, 71, 226, 178, 135, 208, 255, 66, 101, 189, 70, 173, 30, 39, 215, 175, 236,
      38, 180, 180, 62, 196, 4, 159, 70,
    ]);
    expect(toB64(prk)).toBe('F5h4KdYQnIVH4rKH0P9CZb1GrR4n16/sJrS0PsQEn0Y=');
    expect(toB64(hkdfExpand(prk, 'info', 64, 'sha256'))).toBe(
      'BnIqJlfnHm0e/2iB/15cbHyR19ARPIcWRp4oNS22CD9BV+/queOZenPNkDhmlVyL2WZ3OSU5+7ISNF5NhNfvZA==',
    );
  });
  it('equals HMAC-SHA256(master key, "enc" ‖ 0x01) ‖ HMAC-SHA256(master key, "mac" ‖ 0x01)', async () => {
    const { createHmac } = await import('node:crypto');
    const mac = (info: string) => createHmac('sha256', PBKDF2_MASTER_KEY).update(`${info}\x01`).digest('hex');
    expect(toHex(stretchMasterKey(PBKDF2_MASTER_KEY))).toBe(mac('enc') + mac('mac'));
  });
});

describe('deriveMasterKey', () => {
  it('normalizes the salt: trimmed and lower-cased', async () => {
    expect(normalizeEmail('  Someone@Example.COM \n')).toBe('someone@example.com');
    const a = await deriveMasterKey('pw', 'Someone@Example.com ', FAST_PBKDF2);
    const b = await deriveMasterKey('pw', 'someone@example.com', FAST_PBKDF2);
    expect(a).toEqual(b);
  });
  it('is deterministic and password-sensitive for Argon2id too', async () => {
    const a = await deriveMasterKey('pw', 'a@b.c', FAST_ARGON2);
    expect(a).toHaveLength(32);
    expect(await deriveMasterKey('pw', 'a@b.c', FAST_ARGON2)).toEqual(a);
    expect(await deriveMasterKey('pw2', 'a@b.c', FAST_ARGON2)).not.toEqual(a);
  });
  it.each([
    ['PBKDF2 4999 iterations', { kdf: 0, iterations: 4999 }],
    ['Argon2 1 iteration', { kdf: 1, iterations: 1, memory: 64, parallelism: 4 }],
    ['Argon2 15 MiB', { kdf: 1, iterations: 3, memory: 15, parallelism: 4 }],
    ['Argon2 parallelism 0', { kdf: 1, iterations: 3, memory: 64, parallelism: 0 }],
  ] as [string, KdfConfig][])('refuses %s with kdf_too_weak (downgrade guard)', async (_name, kdf) => {
    const error = await caught(() => deriveMasterKey('pw', 'a@b.c', kdf));
    expect(error.code).toBe('kdf_too_weak');
  });
  it('refuses Argon2 without memory with bad_format', async () => {
    expect((await caught(() => deriveMasterKey('pw', 'a@b.c', { kdf: 1, iterations: 3 }))).code).toBe('bad_format');
  });
});

describe('hashMasterPassword', () => {
  it('uses the purpose as the iteration count (1 = server, 2 = local)', async () => {
    const { pbkdf2Sync } = await import('node:crypto');
    const server = await hashMasterPassword(PBKDF2_MASTER_KEY, 'pw', 1);
    const local = await hashMasterPassword(PBKDF2_MASTER_KEY, 'pw', 2);
    expect(server).not.toBe(local);
    expect(local).toBe(pbkdf2Sync(PBKDF2_MASTER_KEY, 'pw', 2, 32, 'sha256').toString('base64'));
    expect(b64(server)).toHaveLength(32);
  });
  it('refuses a key that is not a 32-byte master key', async () => {
    expect((await caught(() => hashMasterPassword(new Uint8Array(64), 'pw', 1))).code).toBe('wrong_key_type');
    expect(() => stretchMasterKey(new Uint8Array(16))).toThrow(expect.objectContaining({ code: 'wrong_key_type' }));
  });
});
