// Client organizations (issue 5): create with the reference payload and owner invite, list with seats, addable and
// existing orgs, seats with the service-user rule, unlink, legacy routes, provider users as Owners inside clients.
import { expect, it } from 'vitest';
import {
  decryptToString,
  makeAddExistingOrganization,
  makeOrgMemberConfirm,
  unwrapSymmetricKey,
} from '../../src-main/crypto/index';
import { describeServer } from './harness';
import { addMember, clientBody, createClient, createProvider, newUser, tableCounts } from './providers/fixtures';
import { loadOrgAccess, requireOrgRole } from '../../src-server/domain/orgRoles';
import { createOrganization } from './users';

describeServer('providers: clients', (t) => {
  it('creates a client org from the exact payload, invites its owner, and lists it with seat usage', async () => {
    const p = await createProvider(t());
    const owner = await newUser(t(), 'ClientOwner');
    const { body, orgKey } = await clientBody(p, {
      name: 'Northwind & Sons',
      planType: 19,
      seats: 5,
      ownerEmail: owner.email,
      collectionName: 'Default collection',
    });
    expect(Object.keys(body).sort()).toEqual([
      'collectionName',
      'key',
      'keyPair',
      'name',
      'ownerEmail',
      'planType',
      'seats',
    ]);
    const res = await t().http.post(`/api/providers/${p.id}/clients`, { token: p.admin.accessToken, json: body });
    expect(res.status).toBe(200);
    expect(res.text).toBe('');

    const list = await t().http.get(`/api/providers/${p.id}/organizations`, { token: p.admin.accessToken });
    expect(list.body).toMatchObject({ object: 'list', continuationToken: null });
    const [row] = list.body.data;
    expect(row).toEqual({
      object: 'providerOrganizationOrganizationDetail',
      id: expect.any(String),
      providerId: p.id,
      organizationId: expect.any(String),
      key: body.key,
      settings: null,
      creationDate: expect.any(String),
      revisionDate: expect.any(String),
      userCount: 0,
      seats: 5,
      occupiedSeats: 1,
      remainingSeats: 4,
      plan: 'Enterprise (Monthly)',
      organizationName: 'Northwind & Sons',
    });
    expect(Buffer.from(unwrapSymmetricKey(row.key, p.providerKey))).toEqual(Buffer.from(orgKey));
    const org = await t()
      .db.selectFrom('organizations')
      .selectAll()
      .where('id', '=', row.organizationId)
      .executeTakeFirstOrThrow();
    expect(org).toMatchObject({
      status: 2,
      plan_type: 19,
      seats: 5,
      public_key: body.keyPair.publicKey,
      private_key: body.keyPair.encryptedPrivateKey,
      billing_email: `billing.${p.id.slice(0, 8)}@example.com`,
    });
    // The caller is not a member; the owner is Invited with Manage on the default collection.
    const members = await t()
      .db.selectFrom('organization_users')
      .selectAll()
      .where('organization_id', '=', org.id)
      .execute();
    expect(members).toEqual([expect.objectContaining({ email: owner.email, type: 0, status: 0, user_id: null })]);
    const [collection] = await t()
      .db.selectFrom('collections')
      .selectAll()
      .where('organization_id', '=', org.id)
      .execute();
    expect(decryptToString(collection!.name, orgKey)).toBe('Default collection');
    const access = await t()
      .db.selectFrom('collection_users')
      .selectAll()
      .where('collection_id', '=', collection!.id)
      .execute();
    expect(access).toEqual([expect.objectContaining({ organization_user_id: members[0]!.id, manage: 1 })]);
    const events = await t()
      .db.selectFrom('events')
      .select(['type', 'provider_id', 'provider_organization_id', 'organization_id'])
      .where('provider_id', '=', p.id)
      .execute();
    expect(events).toEqual(
      expect.arrayContaining([
        { type: 1900, provider_id: p.id, provider_organization_id: row.id, organization_id: null },
      ]),
    );
    // Seats scale the provider plan (allocated; purchased beyond the minimum).
    const plan = await t()
      .db.selectFrom('provider_plans')
      .selectAll()
      .where('provider_id', '=', p.id)
      .where('plan_type', '=', 19)
      .executeTakeFirstOrThrow();
    expect(plan).toMatchObject({ allocated_seats: 5, purchased_seats: 0 });

    // The owner accepts with the mailed token and a provider user confirms them with the org key from the provider.
    const mail = t()
      .outbox()
      .find((m) => m.to === owner.email && m.link?.includes('accept-organization'))!;
    expect(mail.link).toContain(`organizationId=${org.id}`);
    const accepted = await t().http.post(`/api/organizations/${org.id}/users/${mail.meta!.organizationUserId}/accept`, {
      token: owner.accessToken,
      json: { token: mail.meta!.token },
    });
    expect(accepted.status).toBe(200);
    const confirm = await t().http.post(`/api/organizations/${org.id}/users/${mail.meta!.organizationUserId}/confirm`, {
      token: p.admin.accessToken,
      json: makeOrgMemberConfirm(orgKey, owner.publicKey),
    });
    expect(confirm.status).toBe(200);
    const after = await t().http.get(`/api/providers/${p.id}/organizations`, { token: p.admin.accessToken });
    expect(after.body.data[0]).toMatchObject({ userCount: 1, occupiedSeats: 1 });
  });

  it('refuses plans the provider type may not manage and bad seats', async () => {
    const p = await createProvider(t());
    const before = await tableCounts(t());
    const { body } = await clientBody(p, { planType: 20 });
    const res = await t().http.post(`/api/providers/${p.id}/clients`, { token: p.admin.accessToken, json: body });
    expect(res.body.message).toBe('Plan is not allowed for this provider type.');
    const zero = await t().http.post(`/api/providers/${p.id}/clients`, {
      token: p.admin.accessToken,
      json: { ...body, planType: 17, seats: 0 },
    });
    expect(zero.body.validationErrors.Seats).toBeDefined();
    expect(await tableCounts(t())).toEqual(before);
  });

  it('provider users act as Owners inside client orgs and opening collection management logs 1903 and 1603', async () => {
    const p = await createProvider(t());
    const svc = await newUser(t(), 'Svc');
    await addMember(t(), p, svc, 1);
    const client = await createClient(t(), p, { planType: 19 });
    const org = await t().http.get(`/api/organizations/${client.orgId}`, { token: svc.accessToken });
    expect(org.body).toMatchObject({ object: 'organization', id: client.orgId, planType: 19 });
    const invite = await t().http.post(`/api/organizations/${client.orgId}/users/invite`, {
      token: svc.accessToken,
      json: { emails: [`staff.${Date.now()}@client.example`], type: 2, collections: [], groups: [] },
    });
    expect(invite.status).toBe(200);
    const users = await t().http.get(`/api/organizations/${client.orgId}/users`, { token: svc.accessToken });
    expect(users.body.data).toHaveLength(2);
    const details = await t().http.get(`/api/organizations/${client.orgId}/collections/details`, {
      token: svc.accessToken,
    });
    expect(details.status).toBe(200);
    const events = await t()
      .db.selectFrom('events')
      .selectAll()
      .where('type', 'in', [1903, 1603])
      .where('acting_user_id', '=', svc.id)
      .execute();
    expect(events.map((e) => [e.type, e.provider_id, e.organization_id, e.provider_organization_id]).sort()).toEqual([
      [1603, p.id, client.orgId, null],
      [1903, p.id, null, client.providerOrganizationId],
    ]);
    // Owner-like everywhere except vault items: routes for those ask for `memberOnly`.
    expect(await loadOrgAccess(t().db, client.orgId, svc.id)).toMatchObject({
      role: 0,
      membership: null,
      providerId: p.id,
    });
    await expect(requireOrgRole(t().db, client.orgId, svc.id, { memberOnly: true })).rejects.toMatchObject({
      status: 404,
    });
    expect((await t().http.get('/api/sync', { token: svc.accessToken })).body.collections).toEqual([]);
    // Outsiders and members of other providers get nothing.
    const outsider = await newUser(t(), 'Out');
    expect((await t().http.get(`/api/organizations/${client.orgId}`, { token: outsider.accessToken })).status).toBe(
      404,
    );
    const p2 = await createProvider(t());
    expect(
      (await t().http.get(`/api/organizations/${client.orgId}/users`, { token: p2.admin.accessToken })).status,
    ).toBe(404);
  });

  it('seat changes: admins freely, service users only within the seat minimum (401 when buying)', async () => {
    const p = await createProvider(t());
    const svc = await newUser(t(), 'Svc');
    await addMember(t(), p, svc, 1);
    const a = await createClient(t(), p, { planType: 17, seats: 20 });
    const path = `/api/providers/${p.id}/clients/${a.providerOrganizationId}`;
    expect(
      (await t().http.put(path, { token: svc.accessToken, json: { assignedSeats: 25, name: 'Within minimum' } }))
        .status,
    ).toBe(200);
    const buy = await t().http.put(path, { token: svc.accessToken, json: { assignedSeats: 26, name: 'Too many' } });
    expect(buy.status).toBe(401);
    expect(buy.body).toMatchObject({ object: 'error', message: 'Service users cannot purchase additional seats.' });
    expect(
      (await t().http.put(path, { token: p.admin.accessToken, json: { assignedSeats: 40, name: 'Bigger' } })).status,
    ).toBe(200);
    const plan = await t()
      .db.selectFrom('provider_plans')
      .selectAll()
      .where('provider_id', '=', p.id)
      .where('plan_type', '=', 17)
      .executeTakeFirstOrThrow();
    expect(plan).toMatchObject({ allocated_seats: 40, purchased_seats: 15 });
    // Above the minimum any increase buys seats; decreases are fine.
    expect(
      (await t().http.put(path, { token: svc.accessToken, json: { assignedSeats: 41, name: 'Bigger' } })).status,
    ).toBe(401);
    expect(
      (await t().http.put(path, { token: svc.accessToken, json: { assignedSeats: 30, name: 'Smaller' } })).status,
    ).toBe(200);
    const org = await t()
      .db.selectFrom('organizations')
      .select(['seats', 'name'])
      .where('id', '=', a.orgId)
      .executeTakeFirstOrThrow();
    expect(org).toEqual({ seats: 30, name: 'Smaller' });
    expect(
      (
        await t().http.put(`/api/providers/${p.id}/clients/${crypto.randomUUID()}`, {
          token: p.admin.accessToken,
          json: { assignedSeats: 1, name: 'x' },
        })
      ).status,
    ).toBe(404);
  });

  it("refuses a new or renamed client that takes another client's name (trimmed, any case)", async () => {
    const p = await createProvider(t());
    const other = await createProvider(t());
    await createClient(t(), other, { name: 'Globex' });
    const a = await createClient(t(), p, { name: 'Acme' });
    const b = await createClient(t(), p, { name: 'Initech' });
    // Stored HTML-encoded, compared as read.
    const encoded = await clientBody(p, { name: 'Acme & Co' });
    const res = await t().http.post(`/api/providers/${p.id}/clients`, {
      token: p.admin.accessToken,
      json: encoded.body,
    });
    expect(res.status).toBe(200);
    const message = 'Another client of this provider is already named "acme & co". Choose a name no other client has.';

    const path = `/api/providers/${p.id}/clients/${b.providerOrganizationId}`;
    const rename = await t().http.put(path, {
      token: p.admin.accessToken,
      json: { assignedSeats: 10, name: '  acme & co ' },
    });
    expect(rename.status).toBe(400);
    expect(rename.body).toMatchObject({ object: 'error', message });
    const kept = await t()
      .db.selectFrom('organizations')
      .select('name')
      .where('id', '=', b.orgId)
      .executeTakeFirstOrThrow();
    expect(kept.name).toBe('Initech');

    const { body } = await clientBody(p, { name: 'ACME & CO' });
    const create = await t().http.post(`/api/providers/${p.id}/clients`, { token: p.admin.accessToken, json: body });
    expect(create.status).toBe(400);
    expect(create.body).toMatchObject({
      object: 'error',
      message: 'Another client of this provider is already named "ACME & CO". Choose a name no other client has.',
    });

    // Its own name (a seat change, or a change of case) and another provider's client names stay free.
    const ownPath = `/api/providers/${p.id}/clients/${a.providerOrganizationId}`;
    const same = await t().http.put(ownPath, { token: p.admin.accessToken, json: { assignedSeats: 12, name: 'ACME' } });
    expect(same.status).toBe(200);
    await createClient(t(), p, { name: 'Globex' });
  });

  it('lists addable orgs and adds an existing one (409 when it has a provider); legacy add too', async () => {
    const p = await createProvider(t());
    const svc = await newUser(t(), 'Svc');
    await addMember(t(), p, svc, 1);
    const teams = await createOrganization(t(), p.admin, { name: 'Own Teams', planType: 17 });
    await createOrganization(t(), p.admin, { name: 'Own Free', planType: 0 });
    const big = await createOrganization(t(), svc, { name: 'Svc Big', planType: 19 });
    await t().db.updateTable('organizations').set({ seats: 100 }).where('id', '=', big.id).execute();
    const addable = await t().http.get(`/api/providers/${p.id}/clients/addable`, { token: p.admin.accessToken });
    expect(addable.body).toEqual([
      { id: teams.id, name: 'Own Teams', plan: 'Teams', seats: teams.body.seats, disabled: false },
    ]);
    const svcAddable = await t().http.get(`/api/providers/${p.id}/clients/addable`, { token: svc.accessToken });
    expect(svcAddable.body).toEqual([
      expect.objectContaining({ id: big.id, plan: 'Enterprise', seats: 100, disabled: true }),
    ]);

    const notOwner = await t().http.post(`/api/providers/${p.id}/clients/existing`, {
      token: p.admin.accessToken,
      json: makeAddExistingOrganization(big.id, big.orgKey, p.providerKey),
    });
    expect(notOwner.status).toBe(401);
    const ok = await t().http.post(`/api/providers/${p.id}/clients/existing`, {
      token: p.admin.accessToken,
      json: makeAddExistingOrganization(teams.id, teams.orgKey, p.providerKey),
    });
    expect(ok.status).toBe(200);
    const org = await t()
      .db.selectFrom('organizations')
      .select(['status', 'billing_email'])
      .where('id', '=', teams.id)
      .executeTakeFirstOrThrow();
    expect(org.status).toBe(2);
    const dup = await t().http.post(`/api/providers/${p.id}/clients/existing`, {
      token: p.admin.accessToken,
      json: makeAddExistingOrganization(teams.id, teams.orgKey, p.providerKey),
    });
    expect(dup.status).toBe(409);
    expect(dup.body.message).toBe('Organization already belongs to a provider.');
    expect(
      (
        await t()
          .db.selectFrom('events')
          .select('type')
          .where('provider_id', '=', p.id)
          .where('type', '=', 1901)
          .execute()
      ).length,
    ).toBe(1);

    const legacyOrg = await createOrganization(t(), p.admin, { name: 'Legacy', planType: 19 });
    const legacy = await t().http.post(`/api/providers/${p.id}/organizations/add`, {
      token: p.admin.accessToken,
      json: makeAddExistingOrganization(legacyOrg.id, legacyOrg.orgKey, p.providerKey),
    });
    expect(legacy.status).toBe(200);
    const again = await t().http.post(`/api/providers/${p.id}/organizations/add`, {
      token: p.admin.accessToken,
      json: makeAddExistingOrganization(legacyOrg.id, legacyOrg.orgKey, p.providerKey),
    });
    expect(again.body.message).toBe('Organization already belongs to a provider.');
  });

  it('unlinks a client that keeps a confirmed owner; logs 1902 and gives the org its billing back', async () => {
    const p = await createProvider(t());
    const own = await createOrganization(t(), p.admin, { name: 'Mine', planType: 17 });
    await t().http.post(`/api/providers/${p.id}/clients/existing`, {
      token: p.admin.accessToken,
      json: makeAddExistingOrganization(own.id, own.orgKey, p.providerKey),
    });
    const fresh = await createClient(t(), p);
    const links = (await t().http.get(`/api/providers/${p.id}/organizations`, { token: p.admin.accessToken })).body
      .data;
    const mine = links.find((l: { organizationId: string }) => l.organizationId === own.id);
    const noOwner = await t().http.delete(`/api/providers/${p.id}/organizations/${fresh.providerOrganizationId}`, {
      token: p.admin.accessToken,
    });
    expect(noOwner.body.message).toBe('Organization must have at least one confirmed owner.');
    const wrong = await t().http.delete(`/api/providers/${p.id}/organizations/${crypto.randomUUID()}`, {
      token: p.admin.accessToken,
    });
    expect(wrong.body.message).toBe('Failed to remove organization vault. Please contact support.');
    const ok = await t().http.delete(`/api/providers/${p.id}/organizations/${mine.id}`, { token: p.admin.accessToken });
    expect(ok.status).toBe(200);
    const org = await t()
      .db.selectFrom('organizations')
      .select(['status', 'billing_email'])
      .where('id', '=', own.id)
      .executeTakeFirstOrThrow();
    expect(org).toEqual({ status: 1, billing_email: p.admin.email });
    const ev = await t()
      .db.selectFrom('events')
      .select(['provider_organization_id'])
      .where('provider_id', '=', p.id)
      .where('type', '=', 1902)
      .execute();
    expect(ev).toEqual([{ provider_organization_id: mine.id }]);
  });

  it('legacy create returns the providerOrganization', async () => {
    const p = await createProvider(t());
    const { body } = await clientBody(p, { planType: 19 });
    const res = await t().http.post(`/api/providers/${p.id}/organizations`, {
      token: p.admin.accessToken,
      json: {
        clientOwnerEmail: body.ownerEmail,
        organizationCreateRequest: {
          name: 'Legacy Client',
          planType: 19,
          key: body.key,
          keys: body.keyPair,
          collectionName: body.collectionName,
          additionalSeats: 3,
        },
      },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      object: 'providerOrganization',
      providerId: p.id,
      seats: 3,
      occupiedSeats: 1,
      plan: 'Enterprise (Monthly)',
    });
    const org = await t()
      .db.selectFrom('organizations')
      .select('status')
      .where('id', '=', res.body.organizationId)
      .executeTakeFirstOrThrow();
    expect(org.status).toBe(1);
  });

  it('a provider-managed org refuses invites beyond its seats with the provider message', async () => {
    const p = await createProvider(t());
    const client = await createClient(t(), p, { seats: 2 });
    const ok = await t().http.post(`/api/organizations/${client.orgId}/users/invite`, {
      token: p.admin.accessToken,
      json: { emails: ['one@client.example'], type: 2, collections: [] },
    });
    expect(ok.status).toBe(200);
    const full = await t().http.post(`/api/organizations/${client.orgId}/users/invite`, {
      token: p.admin.accessToken,
      json: { emails: ['two@client.example'], type: 2, collections: [] },
    });
    expect(full.status).toBe(400);
    expect(full.body.message).toBe('Seat limit has been reached. Please contact your provider to add more seats.');
  });
});
