/** Shared test helpers for the crypto suite. */
import { rsaGenerateKeyPair } from '../../../../src-main/crypto';

export const b64 = (text: string): Uint8Array => new Uint8Array(Buffer.from(text, 'base64'));
export const toB64 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64');
export const toHex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex');
export const range = (length: number): Uint8Array => Uint8Array.from({ length }, (_, i) => i);

/** Low-but-legal KDF settings for fast round trips (prelogin minimums; Argon2 also within setting ranges). */
export const FAST_PBKDF2 = { kdf: 0, iterations: 5000 } as const;
export const FAST_ARGON2 = { kdf: 1, iterations: 2, memory: 16, parallelism: 1 } as const;

/** RSA key generation costs ~100 ms; share a few pairs per test file. */
const pairs = new Map<string, Promise<{ publicKey: string; privateKey: Uint8Array }>>();
export function keyPair(name: string): Promise<{ publicKey: string; privateKey: Uint8Array }> {
  let pair = pairs.get(name);
  if (!pair) {
    pair = rsaGenerateKeyPair();
    pairs.set(name, pair);
  }
  return pair;
}

/** Runs `fn` and returns the thrown error (fails the test if nothing is thrown). */
export async function caught(fn: () => unknown): Promise<Error & { code?: string }> {
  try {
    await fn();
  } catch (error) {
    return error as Error & { code?: string };
  }
  throw new Error('expected an error');
}
