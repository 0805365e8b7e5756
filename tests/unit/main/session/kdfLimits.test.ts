import { describe, expect, it } from 'vitest';
import { KDF_SETTING_RANGES } from '../../../../src-main/crypto';
import { assertServerKdf, KDF_MAXIMUMS, kdfFromToken } from '../../../../src-main/session/kdfLimits';

describe('KDF settings from a server', () => {
  it('follows the ranges the crypto module exports', () => {
    expect(KDF_MAXIMUMS).toEqual({
      pbkdf2Iterations: KDF_SETTING_RANGES.pbkdf2Iterations.max,
      argon2Iterations: KDF_SETTING_RANGES.argon2Iterations.max,
      argon2Memory: 1024,
      argon2Parallelism: KDF_SETTING_RANGES.argon2Parallelism.max,
    });
  });

  it.each([
    [{ kdf: 0, iterations: 600_000 }],
    [{ kdf: 0, iterations: 2_000_000 }],
    [{ kdf: 1, iterations: 10, memory: 1024, parallelism: 16 }],
    [{ kdf: 1, iterations: 2, memory: 16, parallelism: 1 }],
  ] as const)('accepts %j', (kdf) => expect(() => assertServerKdf(kdf)).not.toThrow());

  it.each([
    [{ kdf: 1, iterations: 3, memory: 1025, parallelism: 4 }, /Argon2 memory/],
    [{ kdf: 1, iterations: 3, memory: 4_194_304, parallelism: 4 }, /Argon2 memory/],
    [{ kdf: 1, iterations: 11, memory: 64, parallelism: 4 }, /Argon2 iterations/],
    [{ kdf: 1, iterations: 3, memory: 64, parallelism: 17 }, /Argon2 parallelism/],
    [{ kdf: 0, iterations: 2_000_001 }, /PBKDF2 iterations/],
    [{ kdf: 0, iterations: 1000 }, /too weak/],
    [{ kdf: 1, iterations: 1, memory: 64, parallelism: 4 }, /too weak/],
  ] as const)('refuses %j', (kdf, message) => {
    expect(() => assertServerKdf(kdf)).toThrow(message);
  });

  it('reads the KDF of a token answer, nested options first', () => {
    expect(kdfFromToken({ kdf: 0, kdfIterations: 600_000 })).toEqual({ kdf: 0, iterations: 600_000 });
    expect(
      kdfFromToken({
        kdf: 0,
        kdfIterations: 600_000,
        userDecryptionOptions: {
          masterPasswordUnlock: { kdf: { kdfType: 1, iterations: 3, memory: 64, parallelism: 4 } },
        },
      }),
    ).toEqual({ kdf: 1, iterations: 3, memory: 64, parallelism: 4 });
    expect(() => kdfFromToken({})).toThrow(/no usable key derivation/);
  });
});
