// Provider lifecycle (issue 5): provider-invite → setup link → setup; details; status; sync fields.
import { expect, it } from 'vitest';
import { decryptToString, makeProviderSetup, unwrapOrgKey, unwrapProviderKey } from '../../src-main/crypto/index';
import { describeServer } from './harness';
import {
  addMember,
  createClient,
  createProvider,
  newUser,
  pendingProvider,
  setupTokenFor,
  tableCounts,
} from './providers/fixtures';

describeServer('providers: lifecycle', (t) => {
  it('provider-invite creates a pending provider and mails a signed setup link', async () => {
    const admin = await newUser(t(), 'Owner');
    const r = await pendingProvider(t(), admin.email);
    const mail = t()
      .outbox()
      .find((m) => m.meta?.providerId === r.providerId)!;
    expect(mail.to).toBe(admin.email);
    expect(mail.link).toMatch(
      new RegExp(`/providers/setup-provider\\?providerId=${r.providerId}&email=.+&token=BwProviderSetupToken_`),
    );
    const p = await t().db.selectFrom('providers').selectAll().where('id', '=', r.providerId).executeTakeFirstOrThrow();
    expect(p).toMatchObject({ status: 0, type: 0, enabled: 1, use_events: 1, name: null });
    const plans = await t()
      .db.selectFrom('provider_plans')
      .select(['plan_type', 'seat_minimum'])
      .where('provider_id', '=', r.providerId)
      .orderBy('plan_type')
      .execute();
    expect(plans).toEqual([
      { plan_type: 17, seat_minimum: 25 },
      { plan_type: 19, seat_minimum: 25 },
    ]);
    // Pending: details yes, everything else refused until setup.
    expect((await t().http.get(`/api/providers/${r.providerId}`, { token: admin.accessToken })).body).toMatchObject({
      object: 'provider',
      name: null,
    });
    const users = await t().http.get(`/api/providers/${r.providerId}/users`, { token: admin.accessToken });
    expect(users.status).toBe(400);
    expect(users.body.message).toBe('Provider setup is not complete.');
    const sub = await t().http.get(`/api/providers/${r.providerId}/billing/subscription`, { token: admin.accessToken });
    expect(sub.status).toBe(401);
  });

  it('setup checks the token, the caller and the status, then makes the caller the first admin', async () => {
    const admin = await newUser(t(), 'Founder');
    const other = await newUser(t(), 'Stranger');
    const { providerId } = await pendingProvider(t(), admin.email);
    const token = setupTokenFor(t(), providerId);
    const { payload, secrets } = makeProviderSetup(admin.publicKey);
    const body = {
      name: 'Contoso & Co <MSP>',
      businessName: 'Contoso Ltd',
      billingEmail: 'Billing@Contoso.example',
      token,
      ...payload,
      billingAddress: {
        country: 'DE',
        postalCode: '10115',
        line1: 'Main St 1',
        city: 'Berlin',
        taxId: { code: 'eu_vat', value: 'DE123' },
      },
    };

    expect(
      (await t().http.post(`/api/providers/${providerId}/setup`, { token: other.accessToken, json: body })).status,
    ).toBe(403);
    const before = await tableCounts(t());
    const bad = await t().http.post(`/api/providers/${providerId}/setup`, {
      token: admin.accessToken,
      json: { ...body, token: `${token.slice(0, -3)}AAA` },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toBe('Invalid token.');
    expect(await tableCounts(t())).toEqual(before);

    const ok = await t().http.post(`/api/providers/${providerId}/setup`, { token: admin.accessToken, json: body });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({
      object: 'provider',
      id: providerId,
      name: 'Contoso & Co <MSP>',
      businessName: 'Contoso Ltd',
      billingEmail: 'billing@contoso.example',
      businessCountry: 'DE',
      businessTaxNumber: 'DE123',
      type: 0,
    });
    const stored = await t()
      .db.selectFrom('providers')
      .select(['name', 'status'])
      .where('id', '=', providerId)
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({ name: 'Contoso &amp; Co &lt;MSP&gt;', status: 2 });

    const again = await t().http.post(`/api/providers/${providerId}/setup`, { token: admin.accessToken, json: body });
    expect(again.body.message).toBe('Provider is already setup.');

    const profile = await t().http.get('/api/accounts/profile', { token: admin.accessToken });
    const [p] = profile.body.providers;
    expect(p).toEqual({
      object: 'profileProvider',
      id: providerId,
      name: 'Contoso & Co <MSP>',
      key: payload.key,
      status: 2,
      type: 0,
      enabled: true,
      permissions: expect.objectContaining({ manageUsers: false, accessEventLogs: false }),
      userId: admin.id,
      useEvents: true,
      providerStatus: 2,
      providerType: 0,
    });
    expect(Buffer.from(unwrapProviderKey(p.key, admin.privateKey))).toEqual(Buffer.from(secrets.providerKey));
  });

  it('an owner without an account yet registers, then sets up', async () => {
    const email = `later.${Date.now()}@example.com`;
    const { providerId } = await pendingProvider(t(), email, 'reseller');
    const row = await t()
      .db.selectFrom('provider_users')
      .selectAll()
      .where('provider_id', '=', providerId)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ user_id: null, email, status: 0, type: 0 });
    const admin = await newUserWithEmail(email);
    const { payload } = makeProviderSetup(admin.publicKey);
    const ok = await t().http.post(`/api/providers/${providerId}/setup`, {
      token: admin.accessToken,
      json: { name: 'Resell', billingEmail: email, token: setupTokenFor(t(), providerId), ...payload },
    });
    expect(ok.status).toBe(200);
    const p = await t()
      .db.selectFrom('providers')
      .select('status')
      .where('id', '=', providerId)
      .executeTakeFirstOrThrow();
    expect(p.status).toBe(1); // resellers are Created, not Billable
    const linked = await t()
      .db.selectFrom('provider_users')
      .selectAll()
      .where('id', '=', row.id)
      .executeTakeFirstOrThrow();
    expect(linked).toMatchObject({ user_id: admin.id, email: null, status: 2 });
  });

  it('gets and updates details; service users read but cannot update', async () => {
    const p = await createProvider(t());
    const svc = await newUser(t(), 'Svc');
    await addMember(t(), p, svc, 1);
    expect((await t().http.get(`/api/providers/${p.id}`, { token: svc.accessToken })).body.name).toBe('Acme MSP');
    const body = { name: 'Renamed MSP', businessName: 'Renamed Ltd', billingEmail: 'ap@renamed.example' };
    expect((await t().http.put(`/api/providers/${p.id}`, { token: svc.accessToken, json: body })).status).toBe(403);
    const put = await t().http.put(`/api/providers/${p.id}`, { token: p.admin.accessToken, json: body });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject(body);
    const post = await t().http.post(`/api/providers/${p.id}`, {
      token: p.admin.accessToken,
      json: { ...body, name: 'Again' },
    });
    expect(post.body.name).toBe('Again');
  });

  it('a disabled provider refuses its service users and client changes, not its admins', async () => {
    const p = await createProvider(t());
    const svc = await newUser(t(), 'Svc');
    await addMember(t(), p, svc, 1);
    const client = await createClient(t(), p);
    await t().db.updateTable('providers').set({ enabled: 0 }).where('id', '=', p.id).execute();
    expect((await t().http.get(`/api/providers/${p.id}/organizations`, { token: svc.accessToken })).status).toBe(403);
    expect((await t().http.get(`/api/organizations/${client.orgId}`, { token: svc.accessToken })).status).toBe(404);
    expect((await t().http.get(`/api/providers/${p.id}/organizations`, { token: p.admin.accessToken })).status).toBe(
      200,
    );
    const put = await t().http.put(`/api/providers/${p.id}/clients/${client.providerOrganizationId}`, {
      token: p.admin.accessToken,
      json: { assignedSeats: 12, name: 'X' },
    });
    expect(put.body.message).toBe('Provider is disabled.');
    const sync = await t().http.get('/api/sync', { token: svc.accessToken });
    expect(sync.body.profile.providers[0].enabled).toBe(false);
    // A payment method re-enables it.
    const pm = await t().http.put(`/api/providers/${p.id}/billing/vnext/payment-method`, {
      token: p.admin.accessToken,
      json: { type: 'card', token: 'tok_x' },
    });
    expect(pm.status).toBe(200);
    expect((await t().http.get(`/api/providers/${p.id}/organizations`, { token: svc.accessToken })).status).toBe(200);
  });

  it('sync lists the client orgs with the org key under the provider key', async () => {
    const p = await createProvider(t());
    const svc = await newUser(t(), 'Tech');
    await addMember(t(), p, svc, 1);
    const client = await createClient(t(), p, { name: 'Fabrikam', planType: 19, seats: 7, collectionName: 'Shared' });
    const sync = await t().http.get('/api/sync?excludeDomains=true', { token: svc.accessToken });
    const [provider] = sync.body.profile.providers;
    const orgs = sync.body.profile.providerOrganizations;
    expect(orgs).toHaveLength(1);
    expect(orgs[0]).toMatchObject({
      object: 'profileProviderOrganization',
      id: client.orgId,
      name: 'Fabrikam',
      enabled: true,
      status: 2,
      type: 0,
      userId: svc.id,
      providerId: p.id,
      providerName: 'Acme MSP',
      providerType: 0,
      productTierType: 3,
      seats: 7,
      accessSecretsManager: false,
      accessPam: false,
      usePolicies: true,
      permissions: expect.objectContaining({ manageUsers: false }),
    });
    const providerKey = unwrapProviderKey(provider.key, svc.privateKey);
    const orgKey = unwrapOrgKey(orgs[0].key, { providerKey });
    expect(Buffer.from(orgKey)).toEqual(Buffer.from(client.orgKey));
    const list = await t().http.get(`/api/organizations/${client.orgId}/collections`, { token: svc.accessToken });
    expect(list.body.data.map((c: { name: string }) => decryptToString(c.name, orgKey))).toEqual(['Shared']);
    // The org list for members does not include provider orgs; the profile has no membership of it.
    expect(sync.body.profile.organizations).toEqual([]);
  });

  async function newUserWithEmail(email: string) {
    const { registerAndLogin } = await import('./users');
    const { FAST_KDF } = await import('./providers/fixtures');
    return registerAndLogin(t(), { email, kdf: FAST_KDF, name: 'Later' });
  }
});
