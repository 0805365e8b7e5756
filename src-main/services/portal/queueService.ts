/**
 * The cross-client queue (provider-portal.md §14, item 11): people waiting for confirmation and invitations older
 * than N days, across the provider and every client org, with bulk confirm and reinvite. Client orgs whose seat
 * counts show nobody pending (occupied = confirmed) are skipped without a request, so thousands of clients stay cheap.
 */
import { DeskError, type PortalBulkItem, type QueueItem } from '../../../src-shared/contract';
import type { ProviderOrganization } from '../../bitwarden/apiSchemas';
import { confirmOrgUsers, fetchOrgUsers, orgUserPublicKeys, reinviteOrgUsers } from '../../bitwarden/orgMembersApi';
import type { PublicKeyRow } from '../../bitwarden/portalSchemas';
import { confirmProviderUsers, providerUserPublicKeys, reinviteProviderUsers } from '../../bitwarden/providerAdminApi';
import { fetchProviderOrganizations, fetchProviderUsers } from '../../bitwarden/providerApi';
import { encryptToString, fingerprintPhrase, makeOrgMemberConfirm, makeProviderMemberConfirm } from '../../crypto';
import { bulkResult, failed, fromServer, mapLimited } from './bulk';
import { inviteDates } from './inviteDates';
import type { Parsed } from './parsed';
import type { PortalContext } from './portalContext';
import { inOrder, NOT_AWAITING, wrapForMembers } from './providerMembersService';

const INVITED = 0;
const ACCEPTED = 1;
const PROVIDER_ADMIN = 0;
const DAY_MS = 86_400_000;
const PARALLEL = 4;

type Item = Parsed<'queue.confirm'>['items'][number];

export function createQueueService(ctx: PortalContext) {
  async function fingerprints(rows: PublicKeyRow[]): Promise<Map<string, string>> {
    const entries = await Promise.all(
      rows.map(async (r) => [r.id.toLowerCase(), await fingerprintPhrase(r.userId, r.key)] as const),
    );
    return new Map(entries);
  }

  async function clientItems(accountId: string, org: ProviderOrganization, cutoff: number): Promise<QueueItem[]> {
    const users = await ctx.call(accountId, (a) => fetchOrgUsers(a, org.organizationId));
    const accepted = users.filter((u) => u.status === ACCEPTED).map((u) => u.id);
    const keys = accepted.length
      ? await fingerprints(await ctx.call(accountId, (a) => orgUserPublicKeys(a, org.organizationId, accepted)))
      : new Map<string, string>();
    return users
      .filter((u) => u.status === ACCEPTED || (u.status === INVITED && olderThan(u.creationDate, cutoff)))
      .map((u) => ({
        scope: 'client' as const,
        id: u.id,
        organizationId: org.organizationId,
        providerOrganizationId: org.id,
        clientName: org.organizationName,
        userId: u.userId,
        name: u.name,
        email: u.email,
        status: u.status === ACCEPTED ? ('accepted' as const) : ('invited' as const),
        type: u.type,
        invitedAt: u.creationDate,
        fingerprint: keys.get(u.id.toLowerCase()) ?? null,
      }));
  }

  async function providerItems(accountId: string, providerId: string, useEvents: boolean, cutoff: number) {
    const users = await ctx.call(accountId, (a) => fetchProviderUsers(a, providerId));
    const pending = users.filter((u) => u.status === INVITED || u.status === ACCEPTED);
    if (!pending.length) return [];
    const accepted = pending.filter((u) => u.status === ACCEPTED).map((u) => u.id);
    const keys = accepted.length
      ? await fingerprints(await ctx.call(accountId, (a) => providerUserPublicKeys(a, providerId, accepted)))
      : new Map<string, string>();
    // Dates for everyone pending, so people invited recently sort after older ones, accepted or not.
    const wanted = new Set(pending.map((u) => u.id.toLowerCase()));
    const dates =
      useEvents && cutoff < ctx.now()
        ? await inviteDates(ctx, accountId, providerId, cutoff, wanted)
        : new Map<string, string>();
    return pending
      .filter((u) => u.status === ACCEPTED || !dates.has(u.id.toLowerCase()))
      .map((u): QueueItem => ({
        scope: 'provider',
        id: u.id,
        organizationId: null,
        providerOrganizationId: null,
        clientName: null,
        userId: u.userId,
        name: u.name,
        email: u.email,
        status: u.status === ACCEPTED ? 'accepted' : 'invited',
        type: u.type,
        invitedAt: dates.get(u.id.toLowerCase()) ?? null,
        fingerprint: keys.get(u.id.toLowerCase()) ?? null,
      }));
  }

  async function pending(input: Parsed<'queue.pending'>) {
    const accountId = ctx.accountOf(input.accountId);
    const { providerId } = input;
    const membership = await ctx.membership(accountId, providerId);
    const cutoff = ctx.now() - input.invitedOlderThanDays * DAY_MS;
    const admin = membership.type === PROVIDER_ADMIN;
    const orgs = await ctx.call(accountId, (a) => fetchProviderOrganizations(a, providerId));
    const candidates = orgs.filter((o) => (o.occupiedSeats ?? 0) > (o.userCount ?? 0));
    const problems: { organizationId: string; clientName: string | null; message: string }[] = [];
    const perOrg = await mapLimited(candidates, PARALLEL, async (org) => {
      try {
        return await clientItems(accountId, org, cutoff);
      } catch (error) {
        if (!(error instanceof DeskError) || error.code === 'offline' || error.code === 'unauthorized') throw error;
        problems.push({ organizationId: org.organizationId, clientName: org.organizationName, message: error.message });
        return [];
      }
    });
    const own = admin ? await providerItems(accountId, providerId, membership.useEvents, cutoff) : [];
    const items = [...own, ...perOrg.flat()].sort((a, b) => (a.invitedAt ?? '').localeCompare(b.invitedAt ?? ''));
    return {
      items,
      clientsChecked: candidates.length,
      problems,
      includesProviderMembers: admin,
      generatedAt: new Date(ctx.now()).toISOString(),
    };
  }

  async function confirmProvider(accountId: string, providerId: string, items: Item[]): Promise<PortalBulkItem[]> {
    const ring = await ctx.ensureProviderKey(accountId, providerId);
    const ids = items.map((i) => i.id);
    const rows = await ctx.call(accountId, (a) => providerUserPublicKeys(a, providerId, ids));
    const { keys, refused } = await wrapForMembers(rows, items, (publicKey) =>
      ring.withProviderKey(providerId, (key) => makeProviderMemberConfirm(key, publicKey).key),
    );
    const sent = keys.length ? await ctx.call(accountId, (a) => confirmProviderUsers(a, providerId, keys)) : [];
    return [
      ...fromServer(
        keys.map((k) => k.id),
        sent,
        NOT_AWAITING,
      ),
      ...refused,
    ];
  }

  async function confirmClient(accountId: string, providerId: string, orgId: string, items: Item[]) {
    const ring = await ctx.ensureOrgKey(accountId, providerId, orgId);
    const ids = items.map((i) => i.id);
    const rows = await ctx.call(accountId, (a) => orgUserPublicKeys(a, orgId, ids));
    const { keys, refused } = await wrapForMembers(rows, items, (publicKey) =>
      ring.withOrgKey(orgId, (key) => makeOrgMemberConfirm(key, publicKey, null).key),
    );
    if (!keys.length) return refused;
    // "My Items" for members of orgs with the data-ownership policy, as the official clients send it.
    const defaultUserCollectionName = ring.withOrgKey(orgId, (key) => encryptToString('My Items', key));
    const sent = await ctx.call(accountId, (a) => confirmOrgUsers(a, orgId, { keys, defaultUserCollectionName }));
    return [
      ...fromServer(
        keys.map((k) => k.id),
        sent,
        NOT_AWAITING,
      ),
      ...refused,
    ];
  }

  /** Runs `act` per group (the provider, then each org); a refused group fails its items, the rest go on. */
  async function perGroup<T extends { scope: string; id: string; organizationId?: string | undefined }>(
    items: T[],
    act: (organizationId: string | null, group: T[]) => Promise<PortalBulkItem[]>,
  ) {
    const groups = new Map<string | null, T[]>();
    for (const item of items) {
      const key = item.scope === 'provider' ? null : (item.organizationId ?? null);
      groups.set(key, [...(groups.get(key) ?? []), item]);
    }
    const results = await mapLimited([...groups], PARALLEL, async ([orgId, group]) => {
      try {
        return await act(orgId, group);
      } catch (error) {
        if (!(error instanceof DeskError) || error.code === 'offline' || error.code === 'unauthorized') throw error;
        return group.map((item) => failed(item.id, error.message));
      }
    });
    return bulkResult(
      inOrder(
        items.map((i) => i.id),
        results.flat(),
      ),
    );
  }

  async function confirm(input: Parsed<'queue.confirm'>) {
    const accountId = ctx.accountOf(input.accountId);
    const { providerId } = input;
    const result = await perGroup(input.items, (orgId, group) =>
      orgId === null
        ? confirmProvider(accountId, providerId, group)
        : confirmClient(accountId, providerId, orgId, group),
    );
    if (result.succeeded) ctx.refresh(accountId);
    return result;
  }

  async function reinvite(input: Parsed<'queue.reinvite'>) {
    const accountId = ctx.accountOf(input.accountId);
    const { providerId } = input;
    return perGroup(input.items, async (orgId, group) => {
      const ids = group.map((i) => i.id);
      const answer = await ctx.call(accountId, (a) =>
        orgId === null ? reinviteProviderUsers(a, providerId, ids) : reinviteOrgUsers(a, orgId, ids),
      );
      return fromServer(ids, answer, 'Not invited (already accepted, or removed).');
    });
  }

  return { pending, confirm, reinvite };
}

function olderThan(date: string | null, cutoff: number): boolean {
  if (!date) return true;
  const at = Date.parse(date);
  return Number.isNaN(at) || at <= cutoff;
}
