/**
 * Confirming accepted members (crypto.md §8.7, §9): the fingerprint phrase of each member's public key, computed
 * here, and the org key wrapped to that key. A phrase the user compared is checked again against the key the
 * server hands out at confirmation time.
 */
import { encryptToString, fingerprintPhrase, makeOrgMemberConfirm } from '../../crypto';
import { confirmOrgUsers, fetchOrgUserPublicKeys, fetchOrgUsers } from '../../bitwarden/clientOrgMembersApi';
import { bulkResult, failedRow, fromServer, inOrder } from './bulk';
import type { OrgIn, OrgOut } from './channelTypes';
import type { OrgContext } from './orgContext';

const NOT_WAITING =
  'Not waiting for confirmation: the member has not accepted the invitation, or is already confirmed.';
const KEY_CHANGED =
  "The member's key changed since you compared the fingerprint phrase. Compare the new phrase before confirming.";
const BAD_KEY = "The member's public key could not be read.";

async function phraseOf(userId: string, publicKey: string): Promise<string | null> {
  try {
    return await fingerprintPhrase(userId, publicKey);
  } catch {
    return null;
  }
}

/** The org key wrapped to a member's public key (type 4), or null when the key is not a usable RSA key. */
function wrapTo(orgKey: Uint8Array, publicKey: string): string | null {
  try {
    return makeOrgMemberConfirm(orgKey, publicKey, null).key;
  } catch {
    return null;
  }
}

export function createMemberConfirmService(ctx: OrgContext) {
  async function confirmationDetails(
    input: OrgIn<'org.members.confirmationDetails'>,
  ): Promise<OrgOut<'org.members.confirmationDetails'>> {
    const s = ctx.scope(input);
    const [users, keys] = await Promise.all([
      ctx.call(s, (a) => fetchOrgUsers(a, s.organizationId)),
      ctx.call(s, (a) => fetchOrgUserPublicKeys(a, s.organizationId, input.ids)),
    ]);
    const members = [];
    for (const id of input.ids) {
      const user = users.find((u) => u.id.toLowerCase() === id);
      const key = keys.find((k) => k.id.toLowerCase() === id);
      const fingerprint = key ? await phraseOf(key.userId, key.key) : null;
      members.push({
        id,
        name: user?.name ?? null,
        email: user?.email ?? null,
        fingerprint,
        error: !user ? 'Not a member of this organization.' : !key ? NOT_WAITING : fingerprint ? null : BAD_KEY,
      });
    }
    return { members };
  }

  async function confirm(input: OrgIn<'org.members.confirm'>): Promise<OrgOut<'org.members.confirm'>> {
    const s = ctx.scope(input);
    const ids = input.members.map((m) => m.id);
    const keys = await ctx.call(s, (a) => fetchOrgUserPublicKeys(a, s.organizationId, ids));
    const rows = [];
    const wrapped: { id: string; key: string }[] = [];
    for (const { id, fingerprint } of input.members) {
      const row = keys.find((k) => k.id.toLowerCase() === id);
      if (!row) {
        rows.push(failedRow(id, NOT_WAITING));
        continue;
      }
      const phrase = await phraseOf(row.userId, row.key);
      if (!phrase) rows.push(failedRow(id, BAD_KEY));
      else if (fingerprint && fingerprint !== phrase) rows.push(failedRow(id, KEY_CHANGED));
      else {
        const key = await ctx.withOrgKey(s, (orgKey) => wrapTo(orgKey, row.key));
        if (key) wrapped.push({ id, key });
        else rows.push(failedRow(id, BAD_KEY));
      }
    }
    if (wrapped.length) {
      // "My Items" for members of orgs with the data-ownership policy, as the official clients send it.
      const defaultUserCollectionName = await ctx.withOrgKey(s, (orgKey) => encryptToString('My Items', orgKey));
      const answer = await ctx.call(s, (a) =>
        confirmOrgUsers(a, s.organizationId, { keys: wrapped, defaultUserCollectionName }),
      );
      rows.push(
        ...fromServer(
          wrapped.map((w) => w.id),
          answer,
          NOT_WAITING,
        ),
      );
    }
    return bulkResult(inOrder(ids, rows));
  }

  return { confirmationDetails, confirm };
}
