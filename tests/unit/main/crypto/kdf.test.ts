/** crypto.md §12.7 and the prelogin rules: defaults, setting ranges and the downgrade guard. */
import { describe, expect, it } from 'vitest';
import {
  assertKdfForSetting,
  assertKdfFromPrelogin,
  DEFAULT_ARGON2_KDF_CONFIG,
  DEFAULT_KDF_CONFIG,
  kdfFromPrelogin,
  type KdfConfig,
} from '../../../../src-main/crypto';

const argon2 = (over: Partial<KdfConfig>): KdfConfig => ({ ...DEFAULT_ARGON2_KDF_CONFIG, ...over });

describe('§12.7 KDF configuration rules (kdf-config.spec.ts)', () => {
  it('default PBKDF2 config has 600000 iterations', () => {
    expect(DEFAULT_KDF_CONFIG).toEqual({ kdf: 0, iterations: 600000 });
  });
  it('default Argon2 config is t=6, m=32 MiB, p=4', () => {
    expect(DEFAULT_ARGON2_KDF_CONFIG).toEqual({ kdf: 1, iterations: 6, memory: 32, parallelism: 4 });
  });
  it('PBKDF2 100000 is invalid for setting', () => {
    expect(() => assertKdfForSetting({ kdf: 0, iterations: 100000 })).toThrow(
      expect.objectContaining({ code: 'kdf_too_weak' }),
    );
  });
  it('Argon2 iterations 11 is invalid for setting', () => {
    expect(() => assertKdfForSetting(argon2({ iterations: 11 }))).toThrow(
      expect.objectContaining({ code: 'bad_format' }),
    );
  });
  it('Argon2 parallelism 17 is invalid for setting', () => {
    expect(() => assertKdfForSetting(argon2({ parallelism: 17 }))).toThrow(
      expect.objectContaining({ code: 'bad_format' }),
    );
  });
  it.each([
    ['PBKDF2 4999', { kdf: 0, iterations: 4999 }],
    ['Argon2 iterations 1', argon2({ iterations: 1 })],
    ['Argon2 memory 15', argon2({ memory: 15 })],
  ] as [string, KdfConfig][])('prelogin validation: %s throws kdf_too_weak', (_name, kdf) => {
    expect(() => assertKdfFromPrelogin(kdf)).toThrow(expect.objectContaining({ code: 'kdf_too_weak' }));
  });
});

describe('KDF rules', () => {
  it.each([
    ['PBKDF2 5000', { kdf: 0, iterations: 5000 }],
    ['PBKDF2 100000', { kdf: 0, iterations: 100000 }],
    ['Argon2 t=2 m=16 p=1', { kdf: 1, iterations: 2, memory: 16, parallelism: 1 }],
  ] as [string, KdfConfig][])('prelogin accepts %s', (_name, kdf) => {
    expect(() => assertKdfFromPrelogin(kdf)).not.toThrow();
  });
  it.each([DEFAULT_KDF_CONFIG, DEFAULT_ARGON2_KDF_CONFIG, { kdf: 0, iterations: 2_000_000 } as KdfConfig])(
    'setting accepts %o',
    (kdf) => expect(() => assertKdfForSetting(kdf)).not.toThrow(),
  );
  it('setting refuses Argon2 memory 15 even though the server allows it', () => {
    expect(() => assertKdfForSetting(argon2({ memory: 15 }))).toThrow(
      expect.objectContaining({ code: 'kdf_too_weak' }),
    );
  });
  it.each([
    ['unknown type', { kdf: 2, iterations: 600000 }],
    ['fractional iterations', { kdf: 0, iterations: 600000.5 }],
    ['Argon2 without parallelism', { kdf: 1, iterations: 3, memory: 64 }],
  ])('refuses %s with bad_format', (_name, kdf) => {
    expect(() => assertKdfFromPrelogin(kdf as KdfConfig)).toThrow(expect.objectContaining({ code: 'bad_format' }));
  });
});

describe('kdfFromPrelogin', () => {
  it('reads kdfSettings', () => {
    const body = {
      kdf: 0,
      kdfIterations: 600000,
      kdfSettings: { kdfType: 1, iterations: 3, memory: 64, parallelism: 4 },
      salt: 'a@b.c',
    };
    expect(kdfFromPrelogin(body)).toEqual({ kdf: 1, iterations: 3, memory: 64, parallelism: 4 });
  });
  it('falls back to the legacy flat fields', () => {
    const body = { kdf: 0, kdfIterations: 600000, kdfMemory: null, kdfParallelism: null };
    expect(kdfFromPrelogin(body)).toEqual({ kdf: 0, iterations: 600000 });
  });
  it('applies the downgrade guard', () => {
    const body = { kdfSettings: { kdfType: 0, iterations: 1000, memory: null, parallelism: null } };
    expect(() => kdfFromPrelogin(body)).toThrow(expect.objectContaining({ code: 'kdf_too_weak' }));
  });
  it.each([null, {}, { kdf: 0 }, { kdfSettings: { kdfType: '0', iterations: 600000 } }, { kdf: 3, kdfIterations: 1 }])(
    'refuses %o with bad_format',
    (body) => expect(() => kdfFromPrelogin(body)).toThrow(expect.objectContaining({ code: 'bad_format' })),
  );
});
