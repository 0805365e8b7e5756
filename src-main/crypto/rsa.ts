/**
 * RSA-2048 key pairs and key encapsulation (crypto.md §6). Public keys travel as SPKI DER base64; private keys
 * are PKCS#8 DER bytes. Clients produce type 4 (OAEP with SHA-1); types 3, 5 and 6 are accepted on decrypt.
 */
import {
  constants,
  createPrivateKey,
  createPublicKey,
  generateKeyPair,
  privateDecrypt,
  publicEncrypt,
  type KeyObject,
} from 'node:crypto';
import { promisify } from 'node:util';
import { fromBase64, takeBytes, toBase64 } from './encoding';
import { formatEncString, parseEncString } from './encString';
import { CryptoError } from './errors';

const generateKeyPairAsync = promisify(generateKeyPair);

/** A new RSA-2048 pair (e = 65537): SPKI DER base64 public key, PKCS#8 DER private key. */
export async function rsaGenerateKeyPair(): Promise<{ publicKey: string; privateKey: Uint8Array }> {
  const pair = await generateKeyPairAsync('rsa', {
    modulusLength: 2048,
    publicExponent: 0x10001,
    publicKeyEncoding: { type: 'spki', format: 'der' },
    privateKeyEncoding: { type: 'pkcs8', format: 'der' },
  });
  return { publicKey: pair.publicKey.toString('base64'), privateKey: takeBytes(pair.privateKey) };
}

function checkRsa(key: KeyObject): KeyObject {
  if (key.asymmetricKeyType !== 'rsa') throw new CryptoError('wrong_key_type', 'key is not an RSA key');
  if ((key.asymmetricKeyDetails?.modulusLength ?? 0) < 2048) {
    throw new CryptoError('wrong_key_type', 'RSA keys must be at least 2048 bits');
  }
  return key;
}

const view = (bytes: Uint8Array): Buffer => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

function importPublicKey(publicKey: string): KeyObject {
  const der = fromBase64(publicKey, 'public key');
  let key: KeyObject;
  try {
    key = createPublicKey({ key: view(der), format: 'der', type: 'spki' });
  } catch {
    throw new CryptoError('bad_format', 'public key is not SPKI DER');
  }
  return checkRsa(key);
}

function importPrivateKey(privateKey: Uint8Array): KeyObject {
  let key: KeyObject;
  try {
    key = createPrivateKey({ key: view(privateKey), format: 'der', type: 'pkcs8' });
  } catch {
    throw new CryptoError('bad_format', 'private key is not PKCS#8 DER');
  }
  return checkRsa(key);
}

/** Re-derives the SPKI DER base64 public key from a PKCS#8 private key. */
export function publicKeyFromPrivate(privateKey: Uint8Array): string {
  const der = createPublicKey(importPrivateKey(privateKey)).export({ type: 'spki', format: 'der' });
  return toBase64(der);
}

/** Wraps key bytes to a public key: type 4, RSA-OAEP with SHA-1 (what official clients produce). */
export function rsaEncapsulate(key: Uint8Array, publicKey: string): string {
  const recipient = importPublicKey(publicKey);
  let data: Buffer;
  try {
    data = publicEncrypt({ key: recipient, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha1' }, key);
  } catch {
    throw new CryptoError('bad_format', 'value is too long to RSA-encrypt');
  }
  return formatEncString({ type: 4, data });
}

/** Unwraps an RSA EncString (types 3 and 5: OAEP-SHA-256; 4 and 6: OAEP-SHA-1; the 5/6 MAC is ignored). */
export function rsaDecapsulate(encString: string, privateKey: Uint8Array): Uint8Array {
  const enc = parseEncString(encString);
  const oaepHash = enc.type === 3 || enc.type === 5 ? 'sha256' : enc.type === 4 || enc.type === 6 ? 'sha1' : null;
  if (!oaepHash) throw new CryptoError('wrong_key_type', `EncString type ${enc.type} is not an RSA type`);
  const key = importPrivateKey(privateKey);
  try {
    return takeBytes(privateDecrypt({ key, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash }, enc.data));
  } catch {
    throw new CryptoError('decrypt_failed', 'RSA decryption failed (wrong private key or corrupt data)');
  }
}
