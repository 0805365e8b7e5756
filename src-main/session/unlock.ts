/**
 * Unlock without the network: derive the master key from the password, compare its local hash with the one kept
 * at sign-in, and open the wrapped keys kept in the account record.
 */
import { timingSafeEqual } from 'node:crypto';
import { DeskError } from '../../src-shared/contract';
import { deriveMasterKey, hashMasterPassword, wipe } from '../crypto';
import type { AccountRecord } from './accountRecord';
import { assertServerKdf } from './kdfLimits';
import type { KeyRing } from './keyRing';
import { openKeys, WRONG_PASSWORD } from './tokenKeys';

export async function unlockAccount(
  record: AccountRecord,
  masterPassword: string,
): Promise<{ keyRing: KeyRing; localHash: string }> {
  assertServerKdf(record.kdf);
  const masterKey = await deriveMasterKey(masterPassword, record.email, record.kdf);
  try {
    const localHash = await hashMasterPassword(masterKey, masterPassword, 2);
    if (record.localHash !== null && !sameText(localHash, record.localHash)) {
      throw new DeskError('unauthorized', WRONG_PASSWORD);
    }
    const { keyRing } = openKeys(masterKey, record.protectedUserKey, record.encryptedPrivateKey);
    return { keyRing, localHash };
  } finally {
    wipe(masterKey);
  }
}

/** Constant-time comparison of two hashes as text. */
export function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
