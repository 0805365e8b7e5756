/**
 * The key chain of crypto.md §7–8: master key → user key → user private key → provider keys → client org keys.
 * Every unwrap checks the result is a key of the expected kind before handing it out.
 */
import { isAsymmetricType, isSymmetricType, parseEncString } from './encString';
import { CryptoError } from './errors';
import { stretchMasterKey } from './masterKey';
import { publicKeyFromPrivate, rsaDecapsulate } from './rsa';
import { decryptEncString, decryptToBytes, expectSymmetricKey } from './symmetric';
import { wipe } from './wipe';

/** Decrypts the protected user key: type 2 under the stretched master key, legacy type 0 under the master key. */
export function unlockUserKey(masterKey: Uint8Array, protectedUserKey: string): Uint8Array {
  const enc = parseEncString(protectedUserKey);
  if (enc.type === 0) return expectSymmetricKey(decryptEncString(enc, masterKey));
  const stretched = stretchMasterKey(masterKey);
  try {
    return expectSymmetricKey(decryptEncString(enc, stretched));
  } finally {
    wipe(stretched);
  }
}

/**
 * Decrypts the user's (or an org's) PKCS#8 private key (type 2 under the user or org key). With
 * `expectedPublicKey`, also checks the pair matches, as clients do after unlock (`decrypt_failed` if not).
 */
export function decryptPrivateKey(
  encryptedPrivateKey: string,
  key: Uint8Array,
  expectedPublicKey?: string,
): Uint8Array {
  const privateKey = decryptToBytes(encryptedPrivateKey, key);
  try {
    const publicKey = publicKeyFromPrivate(privateKey);
    if (expectedPublicKey !== undefined && publicKey !== expectedPublicKey) {
      throw new CryptoError('decrypt_failed', 'private key does not match the expected public key');
    }
    return privateKey;
  } catch (error) {
    wipe(privateKey);
    throw error;
  }
}

/** Provider key from `profile.providers[].key`: type 4 (RSA-OAEP-SHA1) to the user's public key. */
export function unwrapProviderKey(wrappedProviderKey: string, privateKey: Uint8Array): Uint8Array {
  return expectSymmetricKey(rsaDecapsulate(wrappedProviderKey, privateKey));
}

/** Keys available to unwrap an org key: the provider key for type 2, the user's private key for type 4. */
export interface OrgKeyUnwrappers {
  providerKey?: Uint8Array;
  privateKey?: Uint8Array;
}

/**
 * Org key from `profile.providerOrganizations[].key` (type 2 under the provider key) or from
 * `profile.organizations[].key` (type 4 to the user's public key, direct membership); chosen by the EncString type.
 */
export function unwrapOrgKey(wrappedOrgKey: string, keys: OrgKeyUnwrappers): Uint8Array {
  const { type } = parseEncString(wrappedOrgKey);
  if (isSymmetricType(type)) {
    if (!keys.providerKey) throw new CryptoError('wrong_key_type', 'a type 2 org key needs the provider key');
    return expectSymmetricKey(decryptToBytes(wrappedOrgKey, keys.providerKey));
  }
  if (isAsymmetricType(type)) {
    if (!keys.privateKey) throw new CryptoError('wrong_key_type', 'an RSA-wrapped org key needs the private key');
    return expectSymmetricKey(rsaDecapsulate(wrappedOrgKey, keys.privateKey));
  }
  throw new CryptoError('wrong_key_type', `EncString type ${type} is not supported for org keys`);
}
