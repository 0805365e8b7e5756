// KDF settings: limits (bitwarden-api.md §3.1), the prelogin shapes, and the deterministic fake for unknown emails.
import { createHmac } from 'node:crypto';
import { z } from 'zod';

export interface Kdf {
  kdf: number;
  iterations: number;
  memory: number | null;
  parallelism: number | null;
}

export const KdfType = { PBKDF2_SHA256: 0, Argon2id: 1 } as const;

/** Returns an error message when the settings are outside the server limits, else null. */
export function kdfRangeError(k: Kdf): string | null {
  if (k.kdf === KdfType.PBKDF2_SHA256) {
    return k.iterations >= 600_000 && k.iterations <= 2_000_000
      ? null
      : 'KDF iterations must be between 600000 and 2000000.';
  }
  if (k.kdf === KdfType.Argon2id) {
    if (k.iterations < 2 || k.iterations > 10) return 'Argon2 iterations must be between 2 and 10.';
    if (k.memory == null || k.memory < 15 || k.memory > 1024) return 'Argon2 memory must be between 15MB and 1024MB.';
    if (k.parallelism == null || k.parallelism < 1 || k.parallelism > 16)
      return 'Argon2 parallelism must be between 1 and 16.';
    return null;
  }
  return 'Invalid KDF type.';
}

/** Prelogin for an unknown email: stable per email (HMAC), mostly PBKDF2 600000, so accounts cannot be probed. */
export function fakeKdf(hmacKey: Buffer, email: string): Kdf {
  const digest = createHmac('sha256', hmacKey).update(`prelogin:${email}`).digest();
  if (digest[0]! < 230) return { kdf: KdfType.PBKDF2_SHA256, iterations: 600_000, memory: null, parallelism: null };
  return { kdf: KdfType.Argon2id, iterations: 3, memory: 64, parallelism: 4 };
}

export function preloginResponse(k: Kdf, salt: string | null) {
  return {
    kdf: k.kdf,
    kdfIterations: k.iterations,
    kdfMemory: k.memory,
    kdfParallelism: k.parallelism,
    kdfSettings: { kdfType: k.kdf, iterations: k.iterations, memory: k.memory, parallelism: k.parallelism },
    salt,
  };
}

/** `{ kdfType, iterations, memory?, parallelism? }` as sent by clients (KdfRequestModel). */
export const kdfRequest = z.object({
  kdfType: z.number().int().min(0).max(1),
  iterations: z.number().int(),
  memory: z.number().int().nullish(),
  parallelism: z.number().int().nullish(),
});
