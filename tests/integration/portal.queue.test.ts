// The cross-client queue through the desk against a real backend: provider members and client-org members waiting
// for confirmation, invitations older than 5 days, bulk confirm with fingerprints, bulk reinvite.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fingerprintPhrase, unwrapOrgKey } from '../../src-main/crypto/index';
import { startTestServer, type TestServer } from '../server/harness';
import {
  addMember,
  createClient,
  createProvider,
  newUser,
  type TestClient,
  type TestProvider,
} from '../server/providers/fixtures';
import type { TestUser } from '../server/users';
import { andSynced, failure, signIn, type SignedIn } from './portalHarness';

const DAY = 86_400_000;
let t: TestServer;
let p: TestProvider;
let admin: SignedIn;
let serviceDesk: SignedIn;
let tech: TestUser;
let techId: string;
let oldInviteId: string;
let clientOwner: TestUser;
let acceptedClient: TestClient;
let acceptedOwnerId: string;
let staleClient: TestClient;
let staleOwnerId: string;

const sixDaysAgo = () => new Date(Date.now() - 6 * DAY).toISOString();

async function orgUserId(orgId: string) {
  const row = await t.db
    .selectFrom('organization_users')
    .select('id')
    .where('organization_id', '=', orgId)
    .executeTakeFirstOrThrow();
  return row.id;
}

async function invite(email: string) {
  const res = await t.http.post(`/api/providers/${p.id}/users/invite`, {
    token: p.admin.accessToken,
    json: { emails: [email], type: 1 },
  });
  if (res.status !== 200) throw new Error(`invite: ${res.status}`);
  const row = await t.db
    .selectFrom('provider_users')
    .select('id')
    .where('provider_id', '=', p.id)
    .where('email', '=', email)
    .executeTakeFirstOrThrow();
  return row.id;
}

beforeAll(async () => {
  t = await startTestServer('sqlite');
  p = await createProvider(t, { name: 'Acme MSP' });
  // Provider members: one accepted (needs confirmation), one invited 6 days ago, one invited today.
  tech = await newUser(t, 'Tech');
  techId = await addMember(t, p, tech, 1, { confirm: false });
  oldInviteId = await invite('old.invite@example.com');
  await t.db.updateTable('events').set({ date: sixDaysAgo() }).where('provider_user_id', '=', oldInviteId).execute();
  await invite('fresh.invite@example.com');
  // Client orgs: an owner who accepted, an owner invited 6 days ago, one invited today, one fully confirmed.
  clientOwner = await newUser(t, 'ClientOwner');
  acceptedClient = await createClient(t, p, { name: 'Alpha', ownerEmail: clientOwner.email });
  acceptedOwnerId = await orgUserId(acceptedClient.orgId);
  const mail = [...t.outbox()].reverse().find((m) => m.to === clientOwner.email && m.meta?.organizationUserId);
  const accepted = await t.http.post(`/api/organizations/${acceptedClient.orgId}/users/${acceptedOwnerId}/accept`, {
    token: clientOwner.accessToken,
    json: { token: mail!.meta!.token },
  });
  expect(accepted.status).toBe(200);
  staleClient = await createClient(t, p, { name: 'Beta' });
  staleOwnerId = await orgUserId(staleClient.orgId);
  await t.db
    .updateTable('organization_users')
    .set({ creation_date: sixDaysAgo() })
    .where('id', '=', staleOwnerId)
    .execute();
  await createClient(t, p, { name: 'Gamma' });
  const service = await newUser(t, 'Service');
  await addMember(t, p, service, 1);
  admin = await signIn(t, p.admin);
  serviceDesk = await signIn(t, service);
});
afterAll(async () => {
  admin?.d.dispose();
  serviceDesk?.d.dispose();
  await t?.close();
});

describe('queue.pending', () => {
  it('lists people waiting for confirmation and old invitations across the provider and its clients', async () => {
    const queue = await admin.d.call('queue.pending', { providerId: p.id });
    expect(queue).toMatchObject({ includesProviderMembers: true, clientsChecked: 3, problems: [] });
    const summary = queue.items.map((i) => [i.scope, i.status, i.email ?? i.id]);
    expect(summary).toEqual(
      expect.arrayContaining([
        ['provider', 'accepted', tech.email],
        ['provider', 'invited', 'old.invite@example.com'],
        ['client', 'accepted', clientOwner.email],
        ['client', 'invited', staleClient.ownerEmail],
      ]),
    );
    expect(summary).toHaveLength(4);
    expect(queue.items.find((i) => i.id === techId)).toMatchObject({
      fingerprint: await fingerprintPhrase(tech.id, tech.publicKey),
      userId: tech.id,
    });
    expect(queue.items.find((i) => i.id === acceptedOwnerId)).toMatchObject({
      scope: 'client',
      organizationId: acceptedClient.orgId,
      providerOrganizationId: acceptedClient.providerOrganizationId,
      clientName: 'Alpha',
      type: 0,
      fingerprint: await fingerprintPhrase(clientOwner.id, clientOwner.publicKey),
    });
    // Oldest first: the invitations made 6 days ago (and the one whose date is unknown) lead.
    expect(queue.items.find((i) => i.id === staleOwnerId)?.invitedAt).toBe(
      (
        await t.db
          .selectFrom('organization_users')
          .select('creation_date')
          .where('id', '=', staleOwnerId)
          .executeTakeFirstOrThrow()
      ).creation_date,
    );
    expect(queue.items.slice(0, 2).map((i) => i.status)).toEqual(['invited', 'invited']);

    const all = await admin.d.call('queue.pending', { providerId: p.id, invitedOlderThanDays: 0 });
    expect(all.items.map((i) => i.email)).toContain('fresh.invite@example.com');
  });

  it('shows a service user the client orgs only', async () => {
    const queue = await serviceDesk.d.call('queue.pending', { providerId: p.id });
    expect(queue.includesProviderMembers).toBe(false);
    expect(queue.items.map((i) => i.scope)).toEqual(['client', 'client']);
  });
});

describe('bulk actions', () => {
  it('refuses client items without their org, changing nothing', async () => {
    const bad = await failure(
      admin.d.call('queue.confirm', { providerId: p.id, items: [{ scope: 'client', id: acceptedOwnerId }] }),
    );
    expect(bad.code).toBe('validation');
  });

  it('confirms provider and client members in one go, checking each fingerprint', async () => {
    const items = [
      { scope: 'provider' as const, id: techId, fingerprint: await fingerprintPhrase(tech.id, tech.publicKey) },
      {
        scope: 'client' as const,
        id: acceptedOwnerId,
        organizationId: acceptedClient.orgId,
        fingerprint: await fingerprintPhrase(clientOwner.id, clientOwner.publicKey),
      },
      { scope: 'client' as const, id: staleOwnerId, organizationId: staleClient.orgId },
    ];
    const result = await andSynced(admin, () => admin.d.call('queue.confirm', { providerId: p.id, items }));
    expect(result.results).toEqual([
      { id: techId, ok: true, error: null },
      { id: acceptedOwnerId, ok: true, error: null },
      { id: staleOwnerId, ok: false, error: expect.stringContaining('Not waiting for confirmation') },
    ]);
    const tu = await t.db.selectFrom('provider_users').selectAll().where('id', '=', techId).executeTakeFirstOrThrow();
    expect(tu.status).toBe(2);
    const ou = await t.db
      .selectFrom('organization_users')
      .selectAll()
      .where('id', '=', acceptedOwnerId)
      .executeTakeFirstOrThrow();
    expect(ou.status).toBe(2);
    // The client owner's key is the client's org key, wrapped to them.
    expect(Buffer.from(unwrapOrgKey(ou.key!, { privateKey: clientOwner.privateKey }))).toEqual(
      Buffer.from(acceptedClient.orgKey),
    );
    expect(admin.cache.members.get(p.id)?.find((m) => m.id === techId)).toMatchObject({ status: 2 });
    const after = await admin.d.call('queue.pending', { providerId: p.id });
    expect(after.items.map((i) => i.status)).toEqual(['invited', 'invited']);
  });

  it('reinvites old invitations across the provider and clients', async () => {
    const mailsBefore = t.outbox().length;
    const result = await admin.d.call('queue.reinvite', {
      providerId: p.id,
      items: [
        { scope: 'provider', id: oldInviteId },
        { scope: 'client', id: staleOwnerId, organizationId: staleClient.orgId },
        { scope: 'client', id: acceptedOwnerId, organizationId: acceptedClient.orgId },
      ],
    });
    expect(result).toMatchObject({ succeeded: 2, failed: 1 });
    expect(result.results[2]).toMatchObject({ id: acceptedOwnerId, ok: false });
    const sent = t
      .outbox()
      .slice(mailsBefore)
      .map((m) => m.to);
    expect(sent.sort()).toEqual(['old.invite@example.com', staleClient.ownerEmail].sort());
  });
});
