/**
 * KDF settings from a server are checked both ways before any derivation: below the prelogin minimums is a
 * downgrade (weak key), above the setting ranges is a denial of service (a hostile server asking for 64 GiB of
 * Argon2 memory or a billion PBKDF2 rounds). Values are refused, never clamped: a clamped KDF derives a
 * different key and could not unlock anything anyway.
 */
import { DeskError } from '../../src-shared/contract';
import { assertKdfFromPrelogin, CryptoError, KDF_SETTING_RANGES, type KdfConfig } from '../crypto';

export const KDF_MAXIMUMS = {
  pbkdf2Iterations: KDF_SETTING_RANGES.pbkdf2Iterations.max,
  argon2Iterations: KDF_SETTING_RANGES.argon2Iterations.max,
  /** MiB. */
  argon2Memory: KDF_SETTING_RANGES.argon2Memory.max,
  argon2Parallelism: KDF_SETTING_RANGES.argon2Parallelism.max,
} as const;

export function assertServerKdf(kdf: KdfConfig): void {
  try {
    assertKdfFromPrelogin(kdf);
  } catch (error) {
    if (error instanceof CryptoError) {
      throw new DeskError(
        'server',
        'The server asked for key derivation settings too weak to be safe; sign-in was stopped.',
      );
    }
    throw error;
  }
  const over: string[] = [];
  if (kdf.kdf === 0 && kdf.iterations > KDF_MAXIMUMS.pbkdf2Iterations) over.push('PBKDF2 iterations');
  if (kdf.kdf === 1) {
    if (kdf.iterations > KDF_MAXIMUMS.argon2Iterations) over.push('Argon2 iterations');
    if ((kdf.memory ?? 0) > KDF_MAXIMUMS.argon2Memory) over.push('Argon2 memory');
    if ((kdf.parallelism ?? 0) > KDF_MAXIMUMS.argon2Parallelism) over.push('Argon2 parallelism');
  }
  if (over.length) {
    throw new DeskError(
      'server',
      `The server asked for key derivation settings beyond the allowed maximum (${over.join(', ')}); sign-in was stopped.`,
    );
  }
}

/** The KDF in a token answer (API-key login has no prelogin): `UserDecryptionOptions`, else the flat fields. */
export function kdfFromToken(token: {
  kdf?: number | null;
  kdfIterations?: number | null;
  kdfMemory?: number | null;
  kdfParallelism?: number | null;
  userDecryptionOptions?: {
    masterPasswordUnlock?: {
      kdf?: { kdfType: number; iterations: number; memory?: number | null; parallelism?: number | null } | null;
    } | null;
  } | null;
}): KdfConfig {
  const nested = token.userDecryptionOptions?.masterPasswordUnlock?.kdf;
  const type = nested?.kdfType ?? token.kdf;
  const iterations = nested?.iterations ?? token.kdfIterations;
  if ((type !== 0 && type !== 1) || !iterations) {
    throw new DeskError('server', 'The server sent no usable key derivation settings.');
  }
  if (type === 0) return { kdf: 0, iterations };
  return {
    kdf: 1,
    iterations,
    memory: (nested ? nested.memory : token.kdfMemory) ?? undefined,
    parallelism: (nested ? nested.parallelism : token.kdfParallelism) ?? undefined,
  };
}
