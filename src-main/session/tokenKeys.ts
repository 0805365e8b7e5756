/** Opens the keys a successful token answer carries (crypto.md §8.1 steps 4–5). */
import { DeskError } from '../../src-shared/contract';
import type { TokenSuccess } from '../bitwarden/identitySchemas';
import { decryptPrivateKey, unlockUserKey, wipe } from '../crypto';
import { KeyRing } from './keyRing';

export interface OpenedKeys {
  keyRing: KeyRing;
  protectedUserKey: string;
  encryptedPrivateKey: string | null;
}

export const WRONG_PASSWORD = 'Invalid master password.';

export function wrappedKeysOf(token: TokenSuccess): { protectedUserKey: string; encryptedPrivateKey: string | null } {
  const protectedUserKey = token.userDecryptionOptions?.masterPasswordUnlock?.masterKeyEncryptedUserKey ?? token.key;
  if (!protectedUserKey) {
    throw new DeskError(
      'server',
      'This account has no master password (single sign-on or Key Connector): Provider Desk cannot unlock it yet.',
    );
  }
  const encryptedPrivateKey =
    token.accountKeys?.publicKeyEncryptionKeyPair?.wrappedPrivateKey ?? token.privateKey ?? null;
  return { protectedUserKey, encryptedPrivateKey };
}

/** User key under the master key, then the private key under the user key. A MAC failure means a wrong password. */
export function openKeys(
  masterKey: Uint8Array,
  protectedUserKey: string,
  encryptedPrivateKey: string | null,
): OpenedKeys {
  let userKey: Uint8Array;
  try {
    userKey = unlockUserKey(masterKey, protectedUserKey);
  } catch {
    throw new DeskError('unauthorized', WRONG_PASSWORD);
  }
  let privateKey: Uint8Array | null = null;
  if (encryptedPrivateKey) {
    try {
      privateKey = decryptPrivateKey(encryptedPrivateKey, userKey);
    } catch {
      wipe(userKey);
      throw new DeskError('server', "This account's private key could not be decrypted; its keys may be damaged.");
    }
  }
  return { keyRing: new KeyRing(userKey, privateKey), protectedUserKey, encryptedPrivateKey };
}
