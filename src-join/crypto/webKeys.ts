/**
 * The account key chain of crypto.md §1–9 for the join pages, on WebCrypto: master key, password hash, stretch,
 * type 2 EncStrings, the user key and RSA key pair, type 4 wrapping, registration keys and the fingerprint phrase.
 * Same formats and rules as src-main/crypto (whose pure modules it reuses: EncString parsing, KDF rules, the word
 * list); tests/unit/join proves the outputs interoperate with it.
 */
import { EFF_LONG_WORDLIST } from '../../src-main/crypto/effWordlist';
import { formatEncString, parseEncString, type EncString } from '../../src-main/crypto/encString';
import { CryptoError } from '../../src-main/crypto/errors';
import { assertKdfForSetting, assertKdfFromPrelogin, type KdfConfig } from '../../src-main/crypto/kdf';
import { concatBytes, fromBase64, toBase64, utf8 } from './webEncoding';
import {
  aesCbcDecrypt,
  aesCbcEncrypt,
  digest,
  equalBytes,
  hkdfExpand,
  hmac,
  pbkdf2,
  publicKeyOfPrivate,
  randomBytes,
  rsaGenerateKeyPair,
  rsaOaepDecrypt,
  rsaOaepEncrypt,
} from './webPrimitives';

const wipe = (...keys: (Uint8Array | null | undefined)[]) => keys.forEach((k) => k?.fill(0));

/** The KDF salt: email trimmed and lower-cased (crypto.md §1). */
export const normalizeEmail = (email: string): string => email.trim().toLowerCase();

/** 32-byte master key; refuses settings below the prelogin minimums (downgrade guard). */
export async function deriveMasterKey(password: string, email: string, kdf: KdfConfig): Promise<Uint8Array> {
  assertKdfFromPrelogin(kdf);
  const salt = utf8(normalizeEmail(email));
  if (kdf.kdf === 0) return pbkdf2(password, salt, kdf.iterations, 32);
  // Loaded only for Argon2id accounts: hash-wasm's WebAssembly is the page's one large dependency.
  const { argon2id } = await import('hash-wasm');
  const passwordBytes = utf8(password);
  try {
    return await argon2id({
      password: passwordBytes,
      salt: await digest('SHA-256', salt),
      iterations: kdf.iterations,
      memorySize: (kdf.memory ?? 0) * 1024,
      parallelism: kdf.parallelism ?? 0,
      hashLength: 32,
      outputType: 'binary',
    });
  } finally {
    wipe(passwordBytes);
  }
}

/** base64(PBKDF2-SHA256(master key, salt = password, iterations = purpose)); 1 = server, 2 = local. */
export async function hashMasterPassword(masterKey: Uint8Array, password: string, purpose: 1 | 2): Promise<string> {
  if (masterKey.length !== 32) throw new CryptoError('wrong_key_type', 'a master key is 32 bytes');
  const hash = await pbkdf2(masterKey, password, purpose, 32);
  const encoded = toBase64(hash);
  wipe(hash);
  return encoded;
}

/** enc ‖ mac = HKDF-Expand-SHA256(master key, "enc" | "mac", 32). */
export async function stretchMasterKey(masterKey: Uint8Array): Promise<Uint8Array> {
  if (masterKey.length !== 32) throw new CryptoError('wrong_key_type', 'a master key is 32 bytes');
  const enc = await hkdfExpand(masterKey, 'enc', 32, 'SHA-256');
  const mac = await hkdfExpand(masterKey, 'mac', 32, 'SHA-256');
  const stretched = concatBytes(enc, mac);
  wipe(enc, mac);
  return stretched;
}

function macKeyPair(key: Uint8Array): { encKey: Uint8Array; macKey: Uint8Array } {
  if (key.length !== 64) throw new CryptoError('wrong_key_type', 'type 2 needs a 64-byte key (encKey ‖ macKey)');
  return { encKey: key.subarray(0, 32), macKey: key.subarray(32, 64) };
}

/** Type 2: AES-256-CBC then HMAC-SHA256(macKey, iv ‖ data). */
export async function encryptToString(plaintext: string | Uint8Array, key: Uint8Array): Promise<string> {
  const { encKey, macKey } = macKeyPair(key);
  const bytes = typeof plaintext === 'string' ? utf8(plaintext) : plaintext;
  const iv = randomBytes(16);
  const data = await aesCbcEncrypt(bytes, encKey, iv);
  if (typeof plaintext === 'string') wipe(bytes);
  const mac = await hmac('SHA-256', macKey, concatBytes(iv, data));
  return formatEncString({ type: 2, iv, data, mac });
}

async function decryptParsed(enc: EncString, key: Uint8Array): Promise<Uint8Array> {
  if (enc.type !== 0 && enc.type !== 2)
    throw new CryptoError('wrong_key_type', `EncString type ${enc.type} cannot be decrypted with a symmetric key`);
  const iv = enc.iv;
  if (!iv || iv.length !== 16) throw new CryptoError('bad_format', 'EncString IV must be 16 bytes');
  if (enc.type === 0) {
    if (key.length !== 32) throw new CryptoError('wrong_key_type', 'type 0 (no MAC) needs a 32-byte key');
    return aesCbcDecrypt(enc.data, key, iv);
  }
  const { encKey, macKey } = macKeyPair(key);
  if (!enc.mac || enc.mac.length !== 32) throw new CryptoError('bad_format', 'EncString MAC must be 32 bytes');
  const expected = await hmac('SHA-256', macKey, concatBytes(iv, enc.data));
  const matches = equalBytes(expected, enc.mac);
  wipe(expected);
  if (!matches) throw new CryptoError('mac_mismatch', 'EncString MAC does not match (wrong key or tampered data)');
  return aesCbcDecrypt(enc.data, encKey, iv);
}

/** Type 2 with a 64-byte key (MAC checked in constant time first), legacy type 0 with a 32-byte key. */
export function decryptToBytes(encString: string, key: Uint8Array): Promise<Uint8Array> {
  return decryptParsed(parseEncString(encString), key);
}

function expectSymmetricKey(bytes: Uint8Array): Uint8Array {
  if (bytes.length === 64) return bytes;
  wipe(bytes);
  throw new CryptoError('wrong_key_type', 'unwrapped value is not a 64-byte key');
}

/** The protected user key: type 2 under the stretched master key, legacy type 0 under the master key. */
export async function unlockUserKey(masterKey: Uint8Array, protectedUserKey: string): Promise<Uint8Array> {
  const enc = parseEncString(protectedUserKey);
  if (enc.type === 0) return expectSymmetricKey(await decryptParsed(enc, masterKey));
  const stretched = await stretchMasterKey(masterKey);
  try {
    return expectSymmetricKey(await decryptParsed(enc, stretched));
  } finally {
    wipe(stretched);
  }
}

/** SPKI base64 public key of a PKCS#8 private key. */
export async function publicKeyFromPrivate(privateKey: Uint8Array): Promise<string> {
  return toBase64(await publicKeyOfPrivate(privateKey));
}

/**
 * Decrypts the PKCS#8 private key under the user key and re-derives its public key; with `expectedPublicKey`,
 * refuses a pair that does not match (as clients validate after unlock).
 */
export async function decryptPrivateKey(
  encryptedPrivateKey: string,
  userKey: Uint8Array,
  expectedPublicKey?: string,
): Promise<{ privateKey: Uint8Array; publicKey: string }> {
  const privateKey = await decryptToBytes(encryptedPrivateKey, userKey);
  try {
    const publicKey = await publicKeyFromPrivate(privateKey);
    if (expectedPublicKey !== undefined && publicKey !== expectedPublicKey)
      throw new CryptoError('decrypt_failed', 'private key does not match the expected public key');
    return { privateKey, publicKey };
  } catch (error) {
    wipe(privateKey);
    throw error;
  }
}

/** Type 4: RSA-OAEP-SHA1 of raw key bytes to an SPKI base64 public key. */
export async function rsaEncapsulate(key: Uint8Array, publicKey: string): Promise<string> {
  const data = await rsaOaepEncrypt(key, fromBase64(publicKey, 'public key'), 'SHA-1');
  return formatEncString({ type: 4, data });
}

/** Unwraps an RSA EncString (3 and 5: OAEP-SHA-256; 4 and 6: OAEP-SHA-1; the 5/6 MAC is ignored). */
export async function rsaDecapsulate(encString: string, privateKey: Uint8Array): Promise<Uint8Array> {
  const enc = parseEncString(encString);
  const hash = enc.type === 3 || enc.type === 5 ? 'SHA-256' : enc.type === 4 || enc.type === 6 ? 'SHA-1' : null;
  if (!hash) throw new CryptoError('wrong_key_type', `EncString type ${enc.type} is not an RSA type`);
  return rsaOaepDecrypt(enc.data, privateKey, hash);
}

/** The legacy flat register/finish key fields (the shape of src-main/crypto's `RegistrationPayload`). */
export interface WebRegistrationPayload {
  email: string;
  masterPasswordHash: string;
  userSymmetricKey: string;
  userAsymmetricKeys: { publicKey: string; encryptedPrivateKey: string };
  kdf: 0 | 1;
  kdfIterations: number;
  kdfMemory: number | null;
  kdfParallelism: number | null;
}

/** A new account's keys, made in the page: the server only ever sees the hash and wrapped keys. */
export async function makeRegistration(
  email: string,
  password: string,
  kdf: KdfConfig,
): Promise<WebRegistrationPayload> {
  assertKdfForSetting(kdf);
  const masterKey = await deriveMasterKey(password, email, kdf);
  const userKey = randomBytes(64);
  const pair = await rsaGenerateKeyPair();
  const stretched = await stretchMasterKey(masterKey);
  try {
    return {
      email: email.trim(),
      masterPasswordHash: await hashMasterPassword(masterKey, password, 1),
      userSymmetricKey: await encryptToString(userKey, stretched),
      userAsymmetricKeys: {
        publicKey: toBase64(pair.publicKey),
        encryptedPrivateKey: await encryptToString(pair.privateKey, userKey),
      },
      kdf: kdf.kdf,
      kdfIterations: kdf.iterations,
      kdfMemory: kdf.kdf === 1 ? (kdf.memory ?? null) : null,
      kdfParallelism: kdf.kdf === 1 ? (kdf.parallelism ?? null) : null,
    };
  } finally {
    wipe(masterKey, userKey, pair.privateKey, stretched);
  }
}

const WORD_COUNT = Math.ceil(64 / Math.log2(EFF_LONG_WORDLIST.length)); // 5 words

/** crypto.md §9: five EFF words from HKDF-Expand(SHA-256(SPKI), user id). */
export async function fingerprintPhrase(fingerprintMaterial: string, publicKey: string): Promise<string> {
  const keyHash = await digest('SHA-256', fromBase64(publicKey, 'public key'));
  const fingerprint = await hkdfExpand(keyHash, utf8(fingerprintMaterial), 32, 'SHA-256');
  let n = BigInt(`0x${Array.from(fingerprint, (b) => b.toString(16).padStart(2, '0')).join('')}`);
  const size = BigInt(EFF_LONG_WORDLIST.length);
  const words: string[] = [];
  for (let i = 0; i < WORD_COUNT; i++) {
    words.push(EFF_LONG_WORDLIST[Number(n % size)] ?? '');
    n /= size;
  }
  return words.join('-');
}
