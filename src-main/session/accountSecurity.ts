/**
 * Settings → Account actions that end sessions (bitwarden-accounts.md §3.8): change the master password
 * (`POST /api/accounts/password`, the user key re-wrapped under the new master key in main, never leaving it
 * unwrapped) and log out everywhere (`POST /api/accounts/security-stamp`). Both prove the current master password
 * with its server hash; the local hash is checked first, so a typo gets a clear answer without a request.
 */
import { DeskError } from '../../src-shared/contract';
import { apiRequest } from '../bitwarden/apiRequest';
import type { Authorized } from '../bitwarden/providerApi';
import { deriveMasterKey, hashMasterPassword, stretchMasterKey, wipe } from '../crypto';
import type { AccountRecord } from './accountRecord';
import { assertServerKdf } from './kdfLimits';
import type { KeyRing } from './keyRing';
import { sameText } from './unlock';

const WRONG_CURRENT = 'That is not the current master password of this account.';

async function masterHashes(record: AccountRecord, password: string) {
  assertServerKdf(record.kdf);
  const masterKey = await deriveMasterKey(password, record.email, record.kdf);
  try {
    return {
      masterKey: new Uint8Array(masterKey),
      serverHash: await hashMasterPassword(masterKey, password, 1),
      localHash: await hashMasterPassword(masterKey, password, 2),
    };
  } finally {
    wipe(masterKey);
  }
}

/** The current password's server hash, after checking it against the hash kept at sign-in. */
async function proveCurrent(record: AccountRecord, password: string): Promise<string> {
  const { masterKey, serverHash, localHash } = await masterHashes(record, password);
  wipe(masterKey);
  if (record.localHash !== null && !sameText(localHash, record.localHash)) {
    throw new DeskError('validation', WRONG_CURRENT);
  }
  return serverHash;
}

export interface ChangedPassword {
  /** The user key under the new stretched master key, for the account record. */
  protectedUserKey: string;
  localHash: string;
}

export async function changeMasterPassword(
  a: Authorized,
  record: AccountRecord,
  keys: KeyRing,
  input: { currentPassword: string; newPassword: string; hint?: string | undefined },
): Promise<ChangedPassword> {
  const masterPasswordHash = await proveCurrent(record, input.currentPassword);
  const next = await masterHashes(record, input.newPassword);
  const stretched = stretchMasterKey(next.masterKey);
  let key: string;
  try {
    key = keys.wrapUserKey(stretched);
  } finally {
    wipe(stretched, next.masterKey);
  }
  await a.http.call(
    apiRequest(a, 'POST', '/accounts/password', {
      json: {
        masterPasswordHash,
        newMasterPasswordHash: next.serverHash,
        masterPasswordHint: input.hint ? input.hint : null,
        key,
      },
    }),
  );
  return { protectedUserKey: key, localHash: next.localHash };
}

export async function logOutEverywhere(a: Authorized, record: AccountRecord, password: string): Promise<void> {
  const masterPasswordHash = await proveCurrent(record, password);
  await a.http.call(apiRequest(a, 'POST', '/accounts/security-stamp', { json: { masterPasswordHash } }));
}
