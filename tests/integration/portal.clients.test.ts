// Clients page actions through the desk against a real backend with a provider set up the real way: create (keys
// made in main), read back, seats with the service-user rule and the billing effect, rename, unlink, add existing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeOrgMemberConfirm, unwrapOrgKey } from '../../src-main/crypto/index';
import { startTestServer, type TestServer } from '../server/harness';
import { addMember, createProvider, newUser, tableCounts, type TestProvider } from '../server/providers/fixtures';
import { createOrganization, type TestUser } from '../server/users';
import { andSynced, failure, signIn, type SignedIn } from './portalHarness';

let t: TestServer;
let p: TestProvider;
let service: TestUser;
let admin: SignedIn;
let serviceDesk: SignedIn;

beforeAll(async () => {
  t = await startTestServer('sqlite');
  p = await createProvider(t, { name: 'Acme MSP' });
  service = await newUser(t, 'Service');
  await addMember(t, p, service, 1);
  admin = await signIn(t, p.admin);
  serviceDesk = await signIn(t, service);
});
afterAll(async () => {
  admin?.d.dispose();
  serviceDesk?.d.dispose();
  await t?.close();
});

const cachedClient = (name: string) => admin.cache.clients.get(p.id)?.find((c) => c.name === name);
const orgRow = (orgId: string) =>
  t.db.selectFrom('organizations').selectAll().where('id', '=', orgId).executeTakeFirstOrThrow();

describe('clients.create', () => {
  it('refuses bad input with validation and changes nothing', async () => {
    const before = await tableCounts(t);
    const good = { providerId: p.id, name: 'Contoso', ownerEmail: 'owner@contoso.example', planType: 17, seats: 5 };
    for (const bad of [
      { ...good, name: '  ' },
      { ...good, name: 'x'.repeat(51) },
      { ...good, ownerEmail: 'not-an-email' },
      { ...good, seats: 0 },
      { ...good, seats: 1.5 },
      { ...good, planType: 18 },
      { ...good, providerId: 'nope' },
      { ...good, extra: true },
    ]) {
      expect((await failure(admin.d.call('clients.create', bad as never))).code, JSON.stringify(bad)).toBe(
        'validation',
      );
    }
    // A plan the provider does not have (an MSP has no Enterprise annual plan).
    const annual = await failure(admin.d.call('clients.create', { ...good, planType: 20 }));
    expect(annual).toMatchObject({ code: 'validation', message: expect.stringContaining('Teams (Monthly)') });
    expect(await tableCounts(t)).toEqual(before);
  });

  it('creates a client with keys made in main, reads it back, and the cache follows', async () => {
    const created = await andSynced(admin, () =>
      admin.d.call('clients.create', {
        providerId: p.id,
        name: 'Contoso',
        ownerEmail: 'Owner@Contoso.example',
        planType: 17,
        seats: 5,
      }),
    );
    expect(created).toMatchObject({
      client: { name: 'Contoso', seats: 5, occupiedSeats: 1, remainingSeats: 4, plan: 'Teams (Monthly)' },
      ownerEmail: 'owner@contoso.example',
      effect: {
        planName: 'Teams (Monthly)',
        unassignedSeatsBefore: 25,
        unassignedSeatsAfter: 20,
        additionalSeatsPurchased: 0,
        costChange: 0,
        allowed: true,
      },
    });
    expect(cachedClient('Contoso')).toMatchObject({ seats: 5, keyAvailable: true });
    // The org key stored for the provider opens with the provider key; the owner was invited.
    const link = await t.db
      .selectFrom('provider_organizations')
      .selectAll()
      .where('id', '=', created.client!.id)
      .executeTakeFirstOrThrow();
    expect(unwrapOrgKey(link.key!, { providerKey: p.providerKey })).toHaveLength(64);
    const owner = await t.db
      .selectFrom('organization_users')
      .selectAll()
      .where('organization_id', '=', link.organization_id)
      .executeTakeFirstOrThrow();
    expect(owner).toMatchObject({ email: 'owner@contoso.example', type: 0, status: 0 });
    expect(JSON.stringify(created)).not.toMatch(/"[0-9]\.[A-Za-z0-9+/=]{16,}\|/);
  });
});

describe('seats', () => {
  const contoso = () => cachedClient('Contoso')!;

  it('shows the billing effect first, and applies the service-user rule before saving', async () => {
    const preview = await admin.d.call('clients.previewSeats', {
      providerId: p.id,
      providerOrganizationId: contoso().id,
      assignedSeats: 30,
    });
    expect(preview.effect).toMatchObject({
      currentSeats: 5,
      newSeats: 30,
      change: 25,
      unassignedSeatsBefore: 20,
      unassignedSeatsAfter: 0,
      additionalSeatsPurchased: 5,
      seatPrice: 4,
      costChange: 20,
      cadence: 'Monthly',
      allowed: true,
    });

    const input = { providerId: p.id, providerOrganizationId: contoso().id, assignedSeats: 30 };
    const asService = await serviceDesk.d.call('clients.previewSeats', input);
    expect(asService.effect).toMatchObject({ allowed: false, refusal: 'serviceUserNoUnassignedSeats' });
    expect(asService.effect.message).toMatch(/Only 20 unassigned seats are available/);
    expect(await failure(serviceDesk.d.call('clients.updateSeats', input))).toMatchObject({ code: 'forbidden' });
    expect((await orgRow(contoso().organizationId)).seats).toBe(5);

    // Within the unassigned seats a service user may change them.
    const within = await andSynced(serviceDesk, () =>
      serviceDesk.d.call('clients.updateSeats', { ...input, assignedSeats: 10 }),
    );
    expect(within.client).toMatchObject({ seats: 10, remainingSeats: 9 });
    expect((await orgRow(contoso().organizationId)).seats).toBe(10);
  });

  it('lets an admin buy seats, after which a service user may not add any', async () => {
    const input = { providerId: p.id, providerOrganizationId: contoso().id };
    const bought = await andSynced(admin, () => admin.d.call('clients.updateSeats', { ...input, assignedSeats: 30 }));
    expect(bought.effect).toMatchObject({ additionalSeatsPurchased: 5, costChange: 20 });
    expect(cachedClient('Contoso')).toMatchObject({ seats: 30 });
    const sub = await admin.d.call('billing.subscription', { providerId: p.id });
    expect(sub.plans.find((plan) => plan.type === 17)).toMatchObject({ assignedSeats: 30, purchasedSeats: 5 });

    const more = await failure(serviceDesk.d.call('clients.updateSeats', { ...input, assignedSeats: 31 }));
    expect(more).toMatchObject({ code: 'forbidden', message: expect.stringContaining('no unassigned seats') });
    // Reducing is always fine for a service user; never below the seats in use.
    await serviceDesk.d.call('clients.updateSeats', { ...input, assignedSeats: 20 });
    const below = await failure(admin.d.call('clients.updateSeats', { ...input, assignedSeats: 0 }));
    expect(below).toMatchObject({ code: 'validation', message: expect.stringContaining('1 seat in use') });
    expect((await orgRow(contoso().organizationId)).seats).toBe(20);
  });
});

describe('rename and unlink', () => {
  it('renames a client, keeping its seats', async () => {
    const client = cachedClient('Contoso')!;
    const renamed = await andSynced(admin, () =>
      admin.d.call('clients.rename', { providerId: p.id, providerOrganizationId: client.id, name: 'Contoso Ltd' }),
    );
    expect(renamed.client).toMatchObject({ name: 'Contoso Ltd', seats: 20 });
    expect(await orgRow(client.organizationId)).toMatchObject({ name: 'Contoso Ltd', seats: 20 });
    expect(cachedClient('Contoso Ltd')).toBeDefined();
    expect(
      (
        await failure(
          serviceDesk.d.call('clients.rename', { providerId: p.id, providerOrganizationId: client.id, name: '' }),
        )
      ).code,
    ).toBe('validation');
  });

  it('unlinks only with the name typed back, and explains the confirmed-owner rule', async () => {
    const owner = await newUser(t, 'Owner');
    const created = await admin.d.call('clients.create', {
      providerId: p.id,
      name: 'Fabrikam',
      ownerEmail: owner.email,
      planType: 19,
      seats: 3,
    });
    const client = created.client!;
    const input = { providerId: p.id, providerOrganizationId: client.id };
    expect(await failure(admin.d.call('clients.unlink', { ...input, confirmName: 'fabrikam' }))).toMatchObject({
      code: 'validation',
    });
    expect(await failure(serviceDesk.d.call('clients.unlink', { ...input, confirmName: 'Fabrikam' }))).toMatchObject({
      code: 'forbidden',
    });
    // The only owner is still invited: the server keeps the client.
    const noOwner = await failure(admin.d.call('clients.unlink', { ...input, confirmName: 'Fabrikam' }));
    expect(noOwner).toMatchObject({ code: 'conflict', message: expect.stringContaining('confirmed owner') });

    await acceptAndConfirmOwner(client.organizationId, owner);
    const unlinked = await andSynced(admin, () =>
      admin.d.call('clients.unlink', { ...input, confirmName: ' Fabrikam ' }),
    );
    expect(unlinked).toEqual({ organizationId: client.organizationId, name: 'Fabrikam' });
    expect(cachedClient('Fabrikam')).toBeUndefined();
    const link = await t.db
      .selectFrom('provider_organizations')
      .select('id')
      .where('organization_id', '=', client.organizationId)
      .executeTakeFirst();
    expect(link).toBeUndefined();
  });
});

describe('add an existing organization', () => {
  it('lists the orgs the admin owns and adds one with its key wrapped under the provider key', async () => {
    const org = await createOrganization(t, p.admin, { name: 'Northwind', planType: 19, additionalSeats: 4 });
    const { organizations } = await admin.d.call('clients.addable', { providerId: p.id });
    expect(organizations).toContainEqual({
      organizationId: org.id,
      name: 'Northwind',
      plan: 'Enterprise',
      seats: expect.any(Number),
      disabled: false,
    });
    // Not an owner of it: refused before anything is sent.
    const notOwner = await failure(
      serviceDesk.d.call('clients.addExisting', { providerId: p.id, organizationId: org.id }),
    );
    expect(notOwner.code).toBe('forbidden');

    const added = await andSynced(admin, () =>
      admin.d.call('clients.addExisting', { providerId: p.id, organizationId: org.id.toUpperCase() }),
    );
    expect(added.client).toMatchObject({ organizationId: org.id, name: 'Northwind' });
    expect(cachedClient('Northwind')).toMatchObject({ keyAvailable: true });
    const link = await t.db
      .selectFrom('provider_organizations')
      .selectAll()
      .where('organization_id', '=', org.id)
      .executeTakeFirstOrThrow();
    expect(Buffer.from(unwrapOrgKey(link.key!, { providerKey: p.providerKey }))).toEqual(Buffer.from(org.orgKey));
    expect((await admin.d.call('clients.addable', { providerId: p.id })).organizations).toEqual([]);
  });
});

/** The client's owner accepts the emailed invitation and is confirmed with the org key (as the web vault would). */
async function acceptAndConfirmOwner(orgId: string, owner: TestUser) {
  const mail = [...t.outbox()].reverse().find((m) => m.to === owner.email && m.meta?.organizationUserId);
  if (!mail?.meta?.token || !mail.meta.organizationUserId) throw new Error('no owner invitation');
  const id = mail.meta.organizationUserId;
  const accept = await t.http.post(`/api/organizations/${orgId}/users/${id}/accept`, {
    token: owner.accessToken,
    json: { token: mail.meta.token },
  });
  if (accept.status !== 200) throw new Error(`accept: ${accept.status} ${accept.text}`);
  const link = await t.db
    .selectFrom('provider_organizations')
    .selectAll()
    .where('organization_id', '=', orgId)
    .executeTakeFirstOrThrow();
  const orgKey = unwrapOrgKey(link.key!, { providerKey: p.providerKey });
  const confirm = await t.http.post(`/api/organizations/${orgId}/users/${id}/confirm`, {
    token: p.admin.accessToken,
    json: makeOrgMemberConfirm(orgKey, owner.publicKey),
  });
  if (confirm.status !== 200) throw new Error(`confirm: ${confirm.status} ${confirm.text}`);
}
