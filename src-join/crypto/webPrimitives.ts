/**
 * The primitives Bitwarden uses, on the browser's SubtleCrypto (also present as `globalThis.crypto.subtle` in Node
 * 20, where the equivalence tests run). Nothing is implemented by hand except HKDF-Expand, composed from HMAC as
 * RFC 5869 §2.3 defines it, because SubtleCrypto only offers extract-and-expand and Bitwarden's stretch is
 * expand-only (crypto.md §3). No `node:*` import may ever appear here: this file ships in the join pages.
 */
import { CryptoError } from '../../src-main/crypto/errors';
import { concatBytes, utf8 } from './webEncoding';

export type WebHash = 'SHA-1' | 'SHA-256' | 'SHA-512';
type Input = string | Uint8Array;

const subtle = (): SubtleCrypto => globalThis.crypto.subtle;
/** SubtleCrypto wants ArrayBuffer-backed views; every Uint8Array here is one. */
const src = (input: Input): Uint8Array<ArrayBuffer> =>
  (typeof input === 'string' ? utf8(input) : input) as Uint8Array<ArrayBuffer>;
const HASH_LENGTH: Record<WebHash, number> = { 'SHA-1': 20, 'SHA-256': 32, 'SHA-512': 64 };

export function randomBytes(length: number): Uint8Array {
  return globalThis.crypto.getRandomValues(new Uint8Array(length));
}

export async function digest(hash: WebHash, data: Input): Promise<Uint8Array> {
  return new Uint8Array(await subtle().digest(hash, src(data)));
}

export async function hmac(hash: WebHash, key: Input, data: Input): Promise<Uint8Array> {
  const k = await subtle().importKey('raw', src(key), { name: 'HMAC', hash }, false, ['sign']);
  return new Uint8Array(await subtle().sign('HMAC', k, src(data)));
}

export async function pbkdf2(
  password: Input,
  salt: Input,
  iterations: number,
  length: number,
  hash: 'SHA-256' | 'SHA-512' = 'SHA-256',
): Promise<Uint8Array> {
  const k = await subtle().importKey('raw', src(password), 'PBKDF2', false, ['deriveBits']);
  const bits = await subtle().deriveBits({ name: 'PBKDF2', salt: src(salt), iterations, hash }, k, length * 8);
  return new Uint8Array(bits);
}

/** Full HKDF (extract + expand), only to check SubtleCrypto against the upstream vectors. */
export async function hkdf(
  ikm: Input,
  salt: Input,
  info: Input,
  length: number,
  hash: 'SHA-256' | 'SHA-512',
): Promise<Uint8Array> {
  const k = await subtle().importKey('raw', src(ikm), 'HKDF', false, ['deriveBits']);
  return new Uint8Array(
    await subtle().deriveBits({ name: 'HKDF', hash, salt: src(salt), info: src(info) }, k, length * 8),
  );
}

/** HKDF-Expand only (no extract, no salt), RFC 5869 §2.3, with the upstream error texts. */
export async function hkdfExpand(
  prk: Uint8Array,
  info: Input,
  length: number,
  hash: 'SHA-256' | 'SHA-512',
): Promise<Uint8Array> {
  const hashLength = HASH_LENGTH[hash];
  if (prk.length < hashLength) throw new CryptoError('bad_format', 'prk is too small.');
  if (length > 255 * hashLength) throw new CryptoError('bad_format', 'outputByteSize is too large.');
  const infoBytes = src(info);
  const blocks: Uint8Array[] = [];
  let previous: Uint8Array = new Uint8Array(0);
  for (let counter = 1; blocks.length * hashLength < length; counter++) {
    previous = await hmac(hash, prk, concatBytes(previous, infoBytes, Uint8Array.of(counter)));
    blocks.push(previous);
  }
  const okm = concatBytes(...blocks);
  for (const block of blocks) block.fill(0);
  return okm.slice(0, length);
}

async function aesKey(key: Uint8Array, usage: KeyUsage): Promise<CryptoKey> {
  if (key.length !== 32) throw new CryptoError('wrong_key_type', 'AES-256 needs a 32-byte key');
  return subtle().importKey('raw', src(key), 'AES-CBC', false, [usage]);
}

/** AES-256-CBC with PKCS#7 padding (SubtleCrypto always pads). */
export async function aesCbcEncrypt(plaintext: Uint8Array, key: Uint8Array, iv: Uint8Array): Promise<Uint8Array> {
  const k = await aesKey(key, 'encrypt');
  return new Uint8Array(await subtle().encrypt({ name: 'AES-CBC', iv: src(iv) }, k, src(plaintext)));
}

export async function aesCbcDecrypt(ciphertext: Uint8Array, key: Uint8Array, iv: Uint8Array): Promise<Uint8Array> {
  const k = await aesKey(key, 'decrypt');
  if (iv.length !== 16) throw new CryptoError('bad_format', 'AES-CBC needs a 16-byte IV');
  try {
    return new Uint8Array(await subtle().decrypt({ name: 'AES-CBC', iv: src(iv) }, k, src(ciphertext)));
  } catch {
    throw new CryptoError('decrypt_failed', 'AES decryption failed (bad padding or wrong key)');
  }
}

/** Constant-time comparison of two MACs. */
export function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= (a[i] ?? 0) ^ (b[i] ?? 0);
  return diff === 0;
}

const RSA_BITS = 2048;

/** RSA-2048, e = 65537: SPKI DER public key and PKCS#8 DER private key. */
export async function rsaGenerateKeyPair(): Promise<{ publicKey: Uint8Array; privateKey: Uint8Array }> {
  const pair = await subtle().generateKey(
    { name: 'RSA-OAEP', modulusLength: RSA_BITS, publicExponent: Uint8Array.of(1, 0, 1), hash: 'SHA-1' },
    true,
    ['encrypt', 'decrypt'],
  );
  return {
    publicKey: new Uint8Array(await subtle().exportKey('spki', pair.publicKey)),
    privateKey: new Uint8Array(await subtle().exportKey('pkcs8', pair.privateKey)),
  };
}

async function importPrivate(pkcs8: Uint8Array, hash: 'SHA-1' | 'SHA-256'): Promise<CryptoKey> {
  try {
    return await subtle().importKey('pkcs8', src(pkcs8), { name: 'RSA-OAEP', hash }, true, ['decrypt']);
  } catch {
    throw new CryptoError('bad_format', 'private key is not PKCS#8 DER');
  }
}

async function importPublic(spki: Uint8Array, hash: 'SHA-1' | 'SHA-256'): Promise<CryptoKey> {
  let key: CryptoKey;
  try {
    key = await subtle().importKey('spki', src(spki), { name: 'RSA-OAEP', hash }, false, ['encrypt']);
  } catch {
    throw new CryptoError('bad_format', 'public key is not SPKI DER');
  }
  if ((key.algorithm as RsaHashedKeyAlgorithm).modulusLength < RSA_BITS)
    throw new CryptoError('wrong_key_type', 'RSA keys must be at least 2048 bits');
  return key;
}

/** SPKI DER of the public half of a PKCS#8 RSA private key (through its JWK: n and e). */
export async function publicKeyOfPrivate(pkcs8: Uint8Array): Promise<Uint8Array> {
  const jwk = await subtle().exportKey('jwk', await importPrivate(pkcs8, 'SHA-1'));
  const pub = await subtle().importKey(
    'jwk',
    { kty: 'RSA', n: jwk.n, e: jwk.e, alg: 'RSA-OAEP', ext: true },
    { name: 'RSA-OAEP', hash: 'SHA-1' },
    true,
    ['encrypt'],
  );
  return new Uint8Array(await subtle().exportKey('spki', pub));
}

export async function rsaOaepEncrypt(
  data: Uint8Array,
  spki: Uint8Array,
  hash: 'SHA-1' | 'SHA-256',
): Promise<Uint8Array> {
  const key = await importPublic(spki, hash);
  return new Uint8Array(await subtle().encrypt({ name: 'RSA-OAEP' }, key, src(data)));
}

export async function rsaOaepDecrypt(
  data: Uint8Array,
  pkcs8: Uint8Array,
  hash: 'SHA-1' | 'SHA-256',
): Promise<Uint8Array> {
  const key = await importPrivate(pkcs8, hash);
  try {
    return new Uint8Array(await subtle().decrypt({ name: 'RSA-OAEP' }, key, src(data)));
  } catch {
    throw new CryptoError('decrypt_failed', 'RSA decryption failed (wrong private key or corrupt data)');
  }
}
