/** Master password → master key (crypto.md §1), its password hashes (§2) and the 64-byte stretch (§3). */
import { argon2id } from 'hash-wasm';
import { toBase64, utf8 } from './encoding';
import { CryptoError } from './errors';
import { assertKdfFromPrelogin, type KdfConfig } from './kdf';
import { digest, hkdfExpand, pbkdf2Bytes } from './primitives';
import { wipe } from './wipe';

/** The KDF salt: the account email trimmed and lower-cased. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** 32-byte master key. Refuses KDF settings below the prelogin minimums (downgrade guard). */
export async function deriveMasterKey(password: string, email: string, kdf: KdfConfig): Promise<Uint8Array> {
  assertKdfFromPrelogin(kdf);
  const salt = utf8(normalizeEmail(email));
  if (kdf.kdf === 0) return pbkdf2Bytes(password, salt, kdf.iterations, 32);
  const passwordBytes = utf8(password);
  try {
    return await argon2id({
      password: passwordBytes,
      salt: digest('sha256', salt),
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

/** `HashPurpose`: 1 = server authorization (sent as `masterPasswordHash`), 2 = local verification. */
export type HashPurpose = 1 | 2;

/** base64(PBKDF2-SHA256(master key, salt = password, iterations = purpose)). */
export async function hashMasterPassword(
  masterKey: Uint8Array,
  password: string,
  purpose: HashPurpose,
): Promise<string> {
  if (masterKey.length !== 32) throw new CryptoError('wrong_key_type', 'a master key is 32 bytes');
  if (purpose !== 1 && purpose !== 2) throw new CryptoError('bad_format', 'hash purpose must be 1 or 2');
  const hash = await pbkdf2Bytes(masterKey, password, purpose, 32);
  const encoded = toBase64(hash);
  wipe(hash);
  return encoded;
}

/** enc ‖ mac = HKDF-Expand-SHA256(master key, "enc" | "mac", 32) each: a 64-byte AES-CBC-HMAC key. */
export function stretchMasterKey(masterKey: Uint8Array): Uint8Array {
  if (masterKey.length !== 32) throw new CryptoError('wrong_key_type', 'a master key is 32 bytes');
  const stretched = new Uint8Array(64);
  const enc = hkdfExpand(masterKey, 'enc', 32, 'sha256');
  const mac = hkdfExpand(masterKey, 'mac', 32, 'sha256');
  stretched.set(enc, 0);
  stretched.set(mac, 32);
  wipe(enc, mac);
  return stretched;
}
