/**
 * Bitwarden-compatible client cryptography (crypto.md). Node built-ins, hash-wasm and zod only: this module is
 * bundled into Electron main and imported by the backend's seed and tests, so it must never import electron.
 */

/** Error with a stable `code`; messages never contain key material. */
export { CryptoError, cryptoErrorCodes, type CryptoErrorCode } from './errors';

/** KDF settings (`kdf` 0 = PBKDF2-SHA256, 1 = Argon2id; `memory` in MiB). */
export type { KdfConfig } from './kdf';
/** KdfType values. */
export { KdfType } from './kdf';
/** Client defaults: PBKDF2 600,000 and Argon2id t=6, m=32 MiB, p=4. */
export { DEFAULT_KDF_CONFIG, DEFAULT_ARGON2_KDF_CONFIG } from './kdf';
/** Allowed ranges when setting a KDF, and the prelogin minimums of the downgrade guard. */
export { KDF_SETTING_RANGES, KDF_PRELOGIN_MINIMUMS } from './kdf';
/** Downgrade guard: throws `kdf_too_weak` below the prelogin minimums. */
export { assertKdfFromPrelogin } from './kdf';
/** Throws unless the KDF is within the ranges for setting it (registration, KDF change). */
export { assertKdfForSetting } from './kdf';
/** Reads and guards the KDF of a prelogin response (`kdfSettings` or the flat legacy fields). */
export { kdfFromPrelogin } from './kdf';

/** The KDF salt: email trimmed and lower-cased. */
export { normalizeEmail } from './masterKey';
/** Master password → 32-byte master key (PBKDF2-SHA256 or Argon2id), with the downgrade guard. */
export { deriveMasterKey } from './masterKey';
/** base64 master password hash: purpose 1 = server authorization, 2 = local verification. */
export { hashMasterPassword, type HashPurpose } from './masterKey';
/** 32-byte master key → 64-byte enc ‖ mac key (HKDF-Expand "enc"/"mac"). */
export { stretchMasterKey } from './masterKey';

/** EncryptionType numbers (0, 2–7). */
export { EncryptionType, type EncType, type EncString } from './encString';
/** Parses `type.part|part…` into decoded parts; throws `bad_format`. */
export { parseEncString } from './encString';
/** Serializes decoded parts back to `type.part|part…`. */
export { formatEncString } from './encString';
/** Structural check (type header and part count) without decoding. */
export { isSerializedEncString } from './encString';

/** A new 64-byte AES-CBC-HMAC key. */
export { generateSymmetricKey } from './symmetric';
/** Encrypts text or bytes to a type 2 EncString. */
export { encryptToString } from './symmetric';
/** Encrypts to the binary type 2 form `[2] ‖ iv ‖ mac ‖ data`. */
export { encryptToBuffer } from './symmetric';
/** Decrypts a type 2 (64-byte key) or legacy type 0 (32-byte key) EncString to bytes. */
export { decryptToBytes } from './symmetric';
/** Decrypts an EncString to UTF-8 text. */
export { decryptToString } from './symmetric';
/** Decrypts the binary (EncArrayBuffer) form. */
export { decryptBufferToBytes } from './symmetric';
/** Wraps a 64-byte key under another key (type 2). */
export { wrapSymmetricKey } from './symmetric';
/** Unwraps a type 2 wrapped key and checks it is 64 bytes. */
export { unwrapSymmetricKey } from './symmetric';

/** A new RSA-2048 key pair: SPKI DER base64 public key, PKCS#8 DER private key. */
export { rsaGenerateKeyPair } from './rsa';
/** SPKI DER base64 public key of a PKCS#8 private key. */
export { publicKeyFromPrivate } from './rsa';
/** Wraps bytes to a public key as type 4 (RSA-OAEP-SHA1). */
export { rsaEncapsulate } from './rsa';
/** Unwraps an RSA EncString of type 3, 4, 5 or 6. */
export { rsaDecapsulate } from './rsa';

/** Five EFF words from a user id and that user's public key. */
export { fingerprintPhrase } from './fingerprint';
/** The EFF long word list (7,776 words, CC BY 3.0 US). */
export { EFF_LONG_WORDLIST } from './effWordlist';

/** Protected user key → 64-byte user key (type 2 under the stretched master key, or legacy type 0). */
export { unlockUserKey } from './keyChain';
/** Decrypts a PKCS#8 private key under the user or org key, optionally checking it matches a public key. */
export { decryptPrivateKey } from './keyChain';
/** Provider key from its type 4 wrapping to the user's public key. */
export { unwrapProviderKey } from './keyChain';
/** Org key: type 2 under the provider key, or type 4 to the user's public key. */
export { unwrapOrgKey, type OrgKeyUnwrappers } from './keyChain';

/** Register/finish key fields plus the raw new keys. */
export { makeRegistration, type RegistrationPayload, type RegistrationSecrets } from './registration';
/** Provider setup `key` plus the new provider key. */
export { makeProviderSetup } from './payloads';
/** `/providers/{pid}/clients` key fields plus the new org key and org private key. */
export { makeClientOrganization, type ClientOrganizationPayload } from './payloads';
/** Standalone `POST /organizations` key fields plus the new org keys. */
export { makeOrganization, type OrganizationPayload } from './payloads';
/** `/clients/existing` body: the org key under the provider key. */
export { makeAddExistingOrganization } from './payloads';
/** Provider user confirm `key`. */
export { makeProviderMemberConfirm } from './payloads';
/** Org member confirm `key` and `defaultUserCollectionName`. */
export { makeOrgMemberConfirm } from './payloads';
/** Business-unit setup `providerKey` and `organizationKey`. */
export { makeBusinessUnitSetup } from './payloads';

/** Zeroes key buffers in place. */
export { wipe } from './wipe';
