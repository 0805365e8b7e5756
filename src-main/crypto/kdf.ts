/**
 * KDF settings: types, defaults and the two rule sets of crypto.md §1 — the *prelogin minimums* every derivation
 * enforces (the downgrade guard against a server that hands out weak parameters) and the stricter ranges for
 * *setting* a KDF (registration, KDF change).
 */
import { z } from 'zod';
import { CryptoError } from './errors';

/** `kdf`: 0 = PBKDF2-SHA256, 1 = Argon2id. `memory` is in MiB; `memory` and `parallelism` are Argon2id only. */
export type KdfConfig = { kdf: 0 | 1; iterations: number; memory?: number; parallelism?: number };

export const KdfType = { PBKDF2_SHA256: 0, Argon2id: 1 } as const;

export const DEFAULT_KDF_CONFIG: Readonly<KdfConfig> = Object.freeze({ kdf: 0, iterations: 600_000 });
export const DEFAULT_ARGON2_KDF_CONFIG: Readonly<KdfConfig> = Object.freeze({
  kdf: 1,
  iterations: 6,
  memory: 32,
  parallelism: 4,
});

type Range = { min: number; max: number };

/** Ranges a client accepts when setting a KDF (`kdf-config.ts`). */
export const KDF_SETTING_RANGES = {
  pbkdf2Iterations: { min: 600_000, max: 2_000_000 },
  argon2Iterations: { min: 2, max: 10 },
  argon2Memory: { min: 16, max: 1024 },
  argon2Parallelism: { min: 1, max: 16 },
} as const satisfies Record<string, Range>;

/** Minimums accepted from prelogin; below them the SDK fails with "Insufficient KDF parameters". */
export const KDF_PRELOGIN_MINIMUMS = {
  pbkdf2Iterations: 5_000,
  argon2Iterations: 2,
  argon2Memory: 16,
  argon2Parallelism: 1,
} as const;

type Param = keyof typeof KDF_PRELOGIN_MINIMUMS;

/** The parameters that apply to this KDF type, checked for shape (bad_format). */
function paramsOf(config: KdfConfig): [Param, number][] {
  if (config.kdf !== 0 && config.kdf !== 1) throw new CryptoError('bad_format', 'unknown KDF type');
  const params: [Param, number | undefined][] =
    config.kdf === 0
      ? [['pbkdf2Iterations', config.iterations]]
      : [
          ['argon2Iterations', config.iterations],
          ['argon2Memory', config.memory],
          ['argon2Parallelism', config.parallelism],
        ];
  return params.map(([name, value]) => {
    if (value === undefined || !Number.isSafeInteger(value)) {
      throw new CryptoError('bad_format', `KDF parameter ${name} must be an integer`);
    }
    return [name, value];
  });
}

/** Downgrade guard: throws `kdf_too_weak` below the prelogin minimums, `bad_format` for malformed settings. */
export function assertKdfFromPrelogin(config: KdfConfig): void {
  for (const [name, value] of paramsOf(config)) {
    const min = KDF_PRELOGIN_MINIMUMS[name];
    if (value < min) throw new CryptoError('kdf_too_weak', `Insufficient KDF parameters: ${name} must be ≥ ${min}`);
  }
}

/** Rules for choosing a KDF: `kdf_too_weak` below the setting range, `bad_format` above it. */
export function assertKdfForSetting(config: KdfConfig): void {
  for (const [name, value] of paramsOf(config)) {
    const { min, max } = KDF_SETTING_RANGES[name];
    if (value < min) throw new CryptoError('kdf_too_weak', `KDF parameter ${name} must be ≥ ${min}`);
    if (value > max) throw new CryptoError('bad_format', `KDF parameter ${name} must be ≤ ${max}`);
  }
}

const optionalInt = z.number().int().nullish();
const preloginSchema = z.object({
  kdf: z.number().int().nullish(),
  kdfIterations: optionalInt,
  kdfMemory: optionalInt,
  kdfParallelism: optionalInt,
  kdfSettings: z
    .object({ kdfType: z.number().int(), iterations: z.number().int(), memory: optionalInt, parallelism: optionalInt })
    .nullish(),
});

/**
 * Reads the KDF from a prelogin response (`kdfSettings`, else the legacy flat fields; bitwarden-api.md §3.1) and
 * applies the downgrade guard.
 */
export function kdfFromPrelogin(body: unknown): KdfConfig {
  const parsed = preloginSchema.safeParse(body);
  if (!parsed.success) throw new CryptoError('bad_format', 'prelogin response has no valid KDF settings');
  const { kdfSettings: s, kdf, kdfIterations, kdfMemory, kdfParallelism } = parsed.data;
  const raw = s
    ? { kdf: s.kdfType, iterations: s.iterations, memory: s.memory, parallelism: s.parallelism }
    : { kdf, iterations: kdfIterations, memory: kdfMemory, parallelism: kdfParallelism };
  if ((raw.kdf !== 0 && raw.kdf !== 1) || raw.iterations == null) {
    throw new CryptoError('bad_format', 'prelogin response has no valid KDF settings');
  }
  const config: KdfConfig =
    raw.kdf === 0
      ? { kdf: 0, iterations: raw.iterations }
      : {
          kdf: 1,
          iterations: raw.iterations,
          memory: raw.memory ?? undefined,
          parallelism: raw.parallelism ?? undefined,
        };
  assertKdfFromPrelogin(config);
  return config;
}
