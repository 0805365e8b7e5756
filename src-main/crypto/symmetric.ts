/**
 * AES-256-CBC + HMAC-SHA256 encrypt-then-MAC (EncString type 2) and legacy unauthenticated type 0 decryption
 * (crypto.md §5.3). Keys: 64 bytes = encKey ‖ macKey; 32 bytes = bare AES key, valid only for type 0.
 */
import { timingSafeEqual } from 'node:crypto';
import { concatBytes, fromUtf8, utf8 } from './encoding';
import { formatEncBuffer, formatEncString, parseEncBuffer, parseEncString, type EncString } from './encString';
import { CryptoError } from './errors';
import { aesCbcDecrypt, aesCbcEncrypt, hmac, randomBytesOf } from './primitives';
import { wipe } from './wipe';

/** A new 64-byte AES-CBC-HMAC key (user, org, provider and cipher keys are all of this kind). */
export function generateSymmetricKey(): Uint8Array {
  return randomBytesOf(64);
}

function macKeyPair(key: Uint8Array): { encKey: Uint8Array; macKey: Uint8Array } {
  if (key.length !== 64) throw new CryptoError('wrong_key_type', 'type 2 needs a 64-byte key (encKey ‖ macKey)');
  return { encKey: key.subarray(0, 32), macKey: key.subarray(32, 64) };
}

function computeMac(macKey: Uint8Array, iv: Uint8Array, data: Uint8Array): Uint8Array {
  return hmac('sha256', macKey, concatBytes(iv, data));
}

function encrypt(plaintext: string | Uint8Array, key: Uint8Array): EncString {
  const { encKey, macKey } = macKeyPair(key);
  const bytes = typeof plaintext === 'string' ? utf8(plaintext) : plaintext;
  const iv = randomBytesOf(16);
  const data = aesCbcEncrypt(bytes, encKey, iv);
  if (typeof plaintext === 'string') wipe(bytes);
  return { type: 2, iv, data, mac: computeMac(macKey, iv, data) };
}

/** Encrypts to a type 2 EncString `2.iv|data|mac`. */
export function encryptToString(plaintext: string | Uint8Array, key: Uint8Array): string {
  return formatEncString(encrypt(plaintext, key));
}

/** Encrypts to the binary type 2 form `[2] ‖ iv ‖ mac ‖ data`. */
export function encryptToBuffer(plaintext: string | Uint8Array, key: Uint8Array): Uint8Array {
  return formatEncBuffer(encrypt(plaintext, key));
}

/** Decrypts a parsed symmetric EncString, refusing key/type mismatches and MAC-less downgrades. */
export function decryptEncString(enc: EncString, key: Uint8Array): Uint8Array {
  if (enc.type !== 0 && enc.type !== 2) {
    throw new CryptoError('wrong_key_type', `EncString type ${enc.type} cannot be decrypted with a symmetric key`);
  }
  const iv = enc.iv;
  if (!iv || iv.length !== 16) throw new CryptoError('bad_format', 'EncString IV must be 16 bytes');
  if (enc.type === 0) {
    if (key.length === 64) throw new CryptoError('wrong_key_type', 'type 0 (no MAC) refused for a key with a MAC key');
    if (key.length !== 32) throw new CryptoError('wrong_key_type', 'type 0 needs a 32-byte key');
    return aesCbcDecrypt(enc.data, key, iv);
  }
  const { encKey, macKey } = macKeyPair(key);
  if (!enc.mac || enc.mac.length !== 32) throw new CryptoError('bad_format', 'EncString MAC must be 32 bytes');
  const expected = computeMac(macKey, iv, enc.data);
  const matches = timingSafeEqual(expected, enc.mac);
  wipe(expected);
  if (!matches) throw new CryptoError('mac_mismatch', 'EncString MAC does not match (wrong key or tampered data)');
  return aesCbcDecrypt(enc.data, encKey, iv);
}

/** Decrypts an EncString (type 2 with a 64-byte key, legacy type 0 with a 32-byte key) to bytes. */
export function decryptToBytes(encString: string, key: Uint8Array): Uint8Array {
  return decryptEncString(parseEncString(encString), key);
}

/** Decrypts an EncString to UTF-8 text. */
export function decryptToString(encString: string, key: Uint8Array): string {
  const bytes = decryptToBytes(encString, key);
  try {
    return fromUtf8(bytes);
  } finally {
    wipe(bytes);
  }
}

/** Decrypts the binary (EncArrayBuffer) form. */
export function decryptBufferToBytes(buffer: Uint8Array | ArrayBuffer, key: Uint8Array): Uint8Array {
  return decryptEncString(parseEncBuffer(buffer instanceof Uint8Array ? buffer : new Uint8Array(buffer)), key);
}

/** Wraps a 64-byte key under another: type 2 of the raw key bytes. */
export function wrapSymmetricKey(key: Uint8Array, wrappingKey: Uint8Array): string {
  if (key.length !== 64) throw new CryptoError('wrong_key_type', 'only 64-byte keys are wrapped');
  return encryptToString(key, wrappingKey);
}

/** Unwraps a type 2 (or legacy type 0) wrapped key and checks it is a 64-byte key. */
export function unwrapSymmetricKey(wrapped: string, wrappingKey: Uint8Array): Uint8Array {
  return expectSymmetricKey(decryptToBytes(wrapped, wrappingKey));
}

/** Checks that unwrapped bytes are a 64-byte key; wipes and refuses anything else. */
export function expectSymmetricKey(bytes: Uint8Array): Uint8Array {
  if (bytes.length === 64) return bytes;
  wipe(bytes);
  throw new CryptoError('wrong_key_type', 'unwrapped value is not a 64-byte key');
}
