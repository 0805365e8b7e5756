/**
 * Members page actions (provider-portal.md §6): invite, reinvite, fingerprint phrases, confirm (the provider key
 * wrapped to each member's public key, crypto.md §8.4), change role, remove. Bulk endpoints serve one or many.
 */
import { DeskError } from '../../../src-shared/contract';
import type { PublicKeyRow } from '../../bitwarden/portalSchemas';
import {
  confirmProviderUsers,
  deleteProviderUsers,
  inviteProviderUsers,
  providerUserPublicKeys,
  reinviteProviderUsers,
  updateProviderUserType,
} from '../../bitwarden/providerAdminApi';
import { fetchProfile, fetchProviderUsers } from '../../bitwarden/providerApi';
import { fingerprintPhrase, makeProviderMemberConfirm } from '../../crypto';
import type { KeyRing } from '../../session/keyRing';
import { bulkResult, failed, fromServer, withoutSelf } from './bulk';
import type { Parsed } from './parsed';
import type { PortalContext } from './portalContext';

const INVITED = 0;
export const NOT_AWAITING = 'Not waiting for confirmation: not accepted yet, already confirmed, or removed.';
export const FINGERPRINT_CHANGED =
  'The fingerprint phrase is not the one compared: check it with the person again before confirming.';

/**
 * The confirm `key` per member whose public key the server handed out, unless the phrase the admin compared no
 * longer matches that key (a swapped key would otherwise be trusted silently).
 */
export async function wrapForMembers(
  rows: PublicKeyRow[],
  wanted: { id: string; fingerprint?: string | undefined }[],
  wrap: (publicKey: string) => string,
) {
  const byId = new Map(rows.map((row) => [row.id.toLowerCase(), row]));
  const keys: { id: string; key: string }[] = [];
  const refused = [];
  for (const member of wanted) {
    const row = byId.get(member.id);
    if (!row) {
      refused.push(failed(member.id, NOT_AWAITING));
      continue;
    }
    if (member.fingerprint && (await fingerprintPhrase(row.userId, row.key)) !== member.fingerprint) {
      refused.push(failed(member.id, FINGERPRINT_CHANGED));
      continue;
    }
    keys.push({ id: member.id, key: wrap(row.key) });
  }
  return { keys, refused };
}

export function createProviderMembersService(ctx: PortalContext) {
  async function invite(input: Parsed<'providerMembers.invite'>) {
    const accountId = ctx.accountOf(input.accountId);
    const { providerId } = input;
    const users = () => ctx.call(accountId, (a) => fetchProviderUsers(a, providerId));
    const known = new Set((await users()).map((u) => (u.email ?? '').toLowerCase()));
    const fresh = input.emails.filter((email) => !known.has(email));
    if (fresh.length) await ctx.call(accountId, (a) => inviteProviderUsers(a, providerId, fresh, input.type));
    const invited = fresh.length
      ? (await users())
          .filter((u) => u.status === INVITED && fresh.includes((u.email ?? '').toLowerCase()))
          .map((u) => ({ id: u.id, email: u.email ?? '' }))
      : [];
    if (fresh.length) ctx.refresh(accountId);
    return { invited, skipped: input.emails.filter((email) => known.has(email)) };
  }

  async function reinvite(input: Parsed<'providerMembers.reinvite'>) {
    const accountId = ctx.accountOf(input.accountId);
    const answer = await ctx.call(accountId, (a) => reinviteProviderUsers(a, input.providerId, input.ids));
    return bulkResult(fromServer(input.ids, answer, 'Not invited (already accepted, or removed).'));
  }

  async function confirmationDetails(input: Parsed<'providerMembers.confirmationDetails'>) {
    const accountId = ctx.accountOf(input.accountId);
    const rows = await ctx.call(accountId, (a) => providerUserPublicKeys(a, input.providerId, input.ids));
    const members = await Promise.all(
      rows.map(async (row) => ({
        id: row.id,
        userId: row.userId,
        fingerprint: await fingerprintPhrase(row.userId, row.key),
      })),
    );
    const listed = new Set(rows.map((row) => row.id.toLowerCase()));
    return { members, notAwaiting: input.ids.filter((id) => !listed.has(id)) };
  }

  async function confirm(input: Parsed<'providerMembers.confirm'>) {
    const accountId = ctx.accountOf(input.accountId);
    const { providerId } = input;
    const ring: KeyRing = await ctx.ensureProviderKey(accountId, providerId);
    const ids = input.members.map((m) => m.id);
    const rows = await ctx.call(accountId, (a) => providerUserPublicKeys(a, providerId, ids));
    const { keys, refused } = await wrapForMembers(rows, input.members, (publicKey) =>
      ring.withProviderKey(providerId, (key) => makeProviderMemberConfirm(key, publicKey).key),
    );
    const sent = keys.length ? await ctx.call(accountId, (a) => confirmProviderUsers(a, providerId, keys)) : [];
    const confirmed = fromServer(
      keys.map((k) => k.id),
      sent,
      NOT_AWAITING,
    );
    if (confirmed.some((r) => r.ok)) ctx.refresh(accountId);
    return bulkResult(inOrder(ids, [...confirmed, ...refused]));
  }

  async function changeRole(input: Parsed<'providerMembers.changeRole'>) {
    const accountId = ctx.accountOf(input.accountId);
    await ctx.call(accountId, (a) => updateProviderUserType(a, input.providerId, input.id, input.type));
    ctx.refresh(accountId);
    return { id: input.id, type: input.type };
  }

  /** Your own row is skipped, not sent: the others are removed, and the result says you were left out. */
  async function remove(input: Parsed<'providerMembers.remove'>) {
    const accountId = ctx.accountOf(input.accountId);
    const { providerId } = input;
    const [profile, members] = await Promise.all([
      ctx.call(accountId, fetchProfile),
      ctx.call(accountId, (a) => fetchProviderUsers(a, providerId)),
    ]);
    const { ids, skipped } = withoutSelf(input.ids, members, profile.id);
    const answer = ids.length ? await ctx.call(accountId, (a) => deleteProviderUsers(a, providerId, ids)) : [];
    const results = inOrder(input.ids, [...fromServer(ids, answer, 'Not a member of this provider.'), ...skipped]);
    if (results.some((r) => r.ok)) ctx.refresh(accountId);
    return bulkResult(results);
  }

  return { invite, reinvite, confirmationDetails, confirm, changeRole, remove };
}

export function inOrder<T extends { id: string }>(ids: string[], rows: T[]): T[] {
  const byId = new Map(rows.map((row) => [row.id.toLowerCase(), row]));
  return ids.map((id) => {
    const row = byId.get(id);
    if (!row) throw new DeskError('internal', 'A member was lost while confirming.');
    return row;
  });
}
