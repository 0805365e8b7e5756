/**
 * EncString: Bitwarden's serialized ciphertext, `<type>.<part>|<part>…` (crypto.md §5), and its binary
 * ("EncArrayBuffer") form. Parsing checks structure and base64 only; lengths that depend on the algorithm
 * (16-byte IV, 32-byte MAC) are checked when decrypting.
 */
import { concatBytes, fromBase64, toBase64 } from './encoding';
import { CryptoError } from './errors';

export const EncryptionType = {
  AesCbc256_B64: 0,
  AesCbc256_HmacSha256_B64: 2,
  Rsa2048_OaepSha256_B64: 3,
  Rsa2048_OaepSha1_B64: 4,
  Rsa2048_OaepSha256_HmacSha256_B64: 5,
  Rsa2048_OaepSha1_HmacSha256_B64: 6,
  CoseEncrypt0: 7,
} as const;

export type EncType = (typeof EncryptionType)[keyof typeof EncryptionType];

/** Decoded parts. `iv` for types 0 and 2, `mac` for types 2, 5 and 6. */
export interface EncString {
  type: EncType;
  data: Uint8Array;
  iv?: Uint8Array;
  mac?: Uint8Array;
}

/** Part names in serialized order, per type. */
const LAYOUT: Record<EncType, readonly ('iv' | 'data' | 'mac')[]> = {
  0: ['iv', 'data'],
  2: ['iv', 'data', 'mac'],
  3: ['data'],
  4: ['data'],
  5: ['data', 'mac'],
  6: ['data', 'mac'],
  7: ['data'],
};

const isEncType = (value: number): value is EncType => Object.hasOwn(LAYOUT, value);

export const isSymmetricType = (type: EncType): boolean => type === 0 || type === 2;
export const isAsymmetricType = (type: EncType): boolean => type >= 3 && type <= 6;

/** Header and part count only (no base64 check), like the clients' `EncString.isSerialized`. */
function split(text: string): { type: EncType; parts: string[] } | null {
  const pieces = text.split('.');
  if (pieces.length > 2 || text.length === 0) return null;
  const [header, body] = pieces.length === 2 ? pieces : ['0', pieces[0]];
  if (header === undefined || body === undefined || !/^\d{1,2}$/.test(header)) return null;
  const type = Number(header);
  if (!isEncType(type)) return null;
  const parts = body.split('|');
  return parts.length === LAYOUT[type].length ? { type, parts } : null;
}

/** True when the text has a known type header (or none: type 0) and the right number of parts. */
export function isSerializedEncString(text: string): boolean {
  return split(text) !== null;
}

/** Parses and base64-decodes every part. Throws `bad_format`. */
export function parseEncString(text: string): EncString {
  const found = split(text);
  if (!found) throw new CryptoError('bad_format', 'not a valid EncString (unknown type or wrong part count)');
  const enc: EncString = { type: found.type, data: new Uint8Array(0) };
  LAYOUT[found.type].forEach((name, index) => {
    const decoded = fromBase64(found.parts[index] ?? '', `EncString ${name}`);
    if (decoded.length === 0) throw new CryptoError('bad_format', `EncString ${name} is empty`);
    enc[name] = decoded;
  });
  return enc;
}

/** Serializes as `type.part|part…` in the type's order (type 2: `2.iv|data|mac`). */
export function formatEncString(enc: EncString): string {
  const parts = LAYOUT[enc.type].map((name) => {
    const bytes = enc[name];
    if (!bytes) throw new CryptoError('bad_format', `EncString type ${enc.type} needs ${name}`);
    return toBase64(bytes);
  });
  return `${enc.type}.${parts.join('|')}`;
}

/** Binary form: type 2 = `[2] ‖ iv(16) ‖ mac(32) ‖ data` (MAC before data!), type 0 = `[0] ‖ iv(16) ‖ data`. */
export function parseEncBuffer(buffer: Uint8Array): EncString {
  const type = buffer[0];
  if (type === 2 && buffer.length >= 50) {
    return { type, iv: buffer.slice(1, 17), mac: buffer.slice(17, 49), data: buffer.slice(49) };
  }
  if (type === 0 && buffer.length >= 18) return { type, iv: buffer.slice(1, 17), data: buffer.slice(17) };
  throw new CryptoError('bad_format', 'not a valid encrypted buffer (unknown type or too short)');
}

export function formatEncBuffer(enc: EncString): Uint8Array {
  if (enc.type === 2 && enc.iv && enc.mac) return concatBytes(Uint8Array.of(2), enc.iv, enc.mac, enc.data);
  if (enc.type === 0 && enc.iv) return concatBytes(Uint8Array.of(0), enc.iv, enc.data);
  throw new CryptoError('bad_format', 'only types 0 and 2 have a binary form');
}
