// Random secrets, hashing of stored tokens and constant-time comparison.
import { createHash, createHmac, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';

/** Tokens are stored as SHA-256 hex: a database leak does not reveal usable tokens. */
export const sha256Hex = (value: string): string => createHash('sha256').update(value, 'utf8').digest('hex');

export const hmacBase64Url = (key: Buffer, value: string): string =>
  createHmac('sha256', key).update(value, 'utf8').digest('base64url');

export const randomToken = (bytes = 32): string => randomBytes(bytes).toString('base64url');

const ALNUM = 'abcdefghijklmnopqrstuvwxyz0123456789';
const ALNUM_MIXED = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** Random string from an alphabet, uniform (no modulo bias). */
export function randomString(length: number, alphabet = ALNUM_MIXED): string {
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet[randomInt(alphabet.length)];
  return out;
}

export const randomLowerAlnum = (length: number): string => randomString(length, ALNUM);
export const randomDigits = (length: number): string => randomString(length, '0123456789');

/** Constant-time string comparison (lengths compared through digests). */
export function safeEqual(a: string, b: string): boolean {
  const da = createHash('sha256').update(a, 'utf8').digest();
  const db = createHash('sha256').update(b, 'utf8').digest();
  return timingSafeEqual(da, db) && a.length === b.length;
}
