/**
 * Account registration keys: everything `POST /identity/accounts/register/finish` needs in its legacy flat form
 * (bitwarden-accounts.md §1.3), which every server version accepts and which V1 accounts must send.
 */
import { assertKdfForSetting, type KdfConfig } from './kdf';
import { deriveMasterKey, hashMasterPassword, stretchMasterKey } from './masterKey';
import { rsaGenerateKeyPair } from './rsa';
import { encryptToString, generateSymmetricKey, wrapSymmetricKey } from './symmetric';
import { wipe } from './wipe';

/** The key fields of the register/finish body; the caller adds the token fields and `masterPasswordHint`. */
export interface RegistrationPayload {
  email: string;
  masterPasswordHash: string;
  /** User key under the stretched master key (type 2). */
  userSymmetricKey: string;
  /** SPKI base64 public key and the PKCS#8 private key under the user key (type 2). */
  userAsymmetricKeys: { publicKey: string; encryptedPrivateKey: string };
  kdf: 0 | 1;
  kdfIterations: number;
  kdfMemory: number | null;
  kdfParallelism: number | null;
}

/** Raw keys for a caller that logs straight in; wipe them when done. Never send these. */
export interface RegistrationSecrets {
  masterKey: Uint8Array;
  userKey: Uint8Array;
  privateKey: Uint8Array;
}

/**
 * Makes a new account's keys. The KDF must be within the ranges for *setting* a KDF (the server refuses
 * anything else), so PBKDF2 needs ≥ 600,000 iterations.
 */
export async function makeRegistration(
  email: string,
  password: string,
  kdf: KdfConfig,
): Promise<{ payload: RegistrationPayload; secrets: RegistrationSecrets }> {
  assertKdfForSetting(kdf);
  const masterKey = await deriveMasterKey(password, email, kdf);
  const userKey = generateSymmetricKey();
  const { publicKey, privateKey } = await rsaGenerateKeyPair();
  const stretched = stretchMasterKey(masterKey);
  const payload: RegistrationPayload = {
    email: email.trim(),
    masterPasswordHash: await hashMasterPassword(masterKey, password, 1),
    userSymmetricKey: wrapSymmetricKey(userKey, stretched),
    userAsymmetricKeys: { publicKey, encryptedPrivateKey: encryptToString(privateKey, userKey) },
    kdf: kdf.kdf,
    kdfIterations: kdf.iterations,
    kdfMemory: kdf.kdf === 1 ? (kdf.memory ?? null) : null,
    kdfParallelism: kdf.kdf === 1 ? (kdf.parallelism ?? null) : null,
  };
  wipe(stretched);
  return { payload, secrets: { masterKey, userKey, privateKey } };
}
