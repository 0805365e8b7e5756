/**
 * Thin wrappers over Node's `crypto` for the primitives Bitwarden uses. No cipher or hash is implemented here:
 * HKDF-Expand is composed from Node's HMAC exactly as RFC 5869 defines it, because Node only offers
 * extract-and-expand and Bitwarden's key stretch is expand-only (crypto.md §3).
 */
import { createCipheriv, createDecipheriv, createHash, createHmac, hkdfSync, pbkdf2, randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import { concatBytes, takeBytes, utf8 } from './encoding';
import { CryptoError } from './errors';

export type DigestAlgorithm = 'sha1' | 'sha256' | 'sha512' | 'md5';
export type HkdfAlgorithm = 'sha256' | 'sha512';

const pbkdf2Async = promisify(pbkdf2);
const HASH_LENGTH: Record<HkdfAlgorithm, number> = { sha256: 32, sha512: 64 };

type Input = string | Uint8Array;
const bytesOf = (input: Input): Uint8Array => (typeof input === 'string' ? utf8(input) : input);

export function randomBytesOf(length: number): Uint8Array {
  return takeBytes(randomBytes(length));
}

export function digest(algorithm: DigestAlgorithm, data: Input): Uint8Array {
  return takeBytes(createHash(algorithm).update(bytesOf(data)).digest());
}

export function hmac(algorithm: Exclude<DigestAlgorithm, 'md5'>, key: Input, data: Input): Uint8Array {
  return takeBytes(createHmac(algorithm, bytesOf(key)).update(bytesOf(data)).digest());
}

/** PBKDF2-HMAC, run on libuv's thread pool so the main process stays responsive during 600,000 iterations. */
export async function pbkdf2Bytes(
  password: Input,
  salt: Input,
  iterations: number,
  length: number,
  algorithm: 'sha256' | 'sha512' = 'sha256',
): Promise<Uint8Array> {
  return takeBytes(await pbkdf2Async(bytesOf(password), bytesOf(salt), iterations, length, algorithm));
}

/** Full HKDF (extract + expand), RFC 5869. */
export function hkdf(ikm: Input, salt: Input, info: Input, length: number, algorithm: HkdfAlgorithm): Uint8Array {
  return new Uint8Array(hkdfSync(algorithm, bytesOf(ikm), bytesOf(salt), bytesOf(info), length));
}

/** HKDF-Expand only (no extract, no salt), RFC 5869 §2.3. */
export function hkdfExpand(prk: Uint8Array, info: Input, length: number, algorithm: HkdfAlgorithm): Uint8Array {
  const hashLength = HASH_LENGTH[algorithm];
  if (prk.length < hashLength) throw new CryptoError('bad_format', 'prk is too small.');
  if (length > 255 * hashLength) throw new CryptoError('bad_format', 'outputByteSize is too large.');
  const infoBytes = bytesOf(info);
  const blocks: Uint8Array[] = [];
  let previous: Uint8Array = new Uint8Array(0);
  for (let counter = 1; blocks.length * hashLength < length; counter++) {
    previous = hmac(algorithm, prk, concatBytes(previous, infoBytes, Uint8Array.of(counter)));
    blocks.push(previous);
  }
  const okm = concatBytes(...blocks);
  for (const block of blocks) block.fill(0);
  return okm.slice(0, length);
}

function checkAesKey(key: Uint8Array): void {
  if (key.length !== 32) throw new CryptoError('wrong_key_type', 'AES-256 needs a 32-byte key');
}

export function aesCbcEncrypt(plaintext: Uint8Array, key: Uint8Array, iv: Uint8Array): Uint8Array {
  checkAesKey(key);
  const cipher = createCipheriv('aes-256-cbc', key, iv);
  return takeBytes(Buffer.concat([cipher.update(plaintext), cipher.final()]));
}

export function aesCbcDecrypt(ciphertext: Uint8Array, key: Uint8Array, iv: Uint8Array): Uint8Array {
  checkAesKey(key);
  if (iv.length !== 16) throw new CryptoError('bad_format', 'AES-CBC needs a 16-byte IV');
  return decipher(createDecipheriv('aes-256-cbc', key, iv), ciphertext);
}

/** ECB decrypt of whole blocks; only used to check Node's AES against the upstream vector (crypto.md §12.1). */
export function aesEcbDecrypt(ciphertext: Uint8Array, key: Uint8Array): Uint8Array {
  checkAesKey(key);
  return decipher(createDecipheriv('aes-256-ecb', key, null), ciphertext);
}

function decipher(engine: ReturnType<typeof createDecipheriv>, ciphertext: Uint8Array): Uint8Array {
  let head: Buffer | undefined;
  try {
    head = engine.update(ciphertext);
    const tail = engine.final();
    const out = takeBytes(Buffer.concat([head, tail]));
    head.fill(0);
    tail.fill(0);
    return out;
  } catch {
    head?.fill(0);
    throw new CryptoError('decrypt_failed', 'AES decryption failed (bad padding or wrong key)');
  }
}
