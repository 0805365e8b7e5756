import { expect, it } from 'vitest';
import { makeOrganization } from '../../src-main/crypto/index';
import { createOrganization, describeServer, registerAndLogin } from './harness';
import { snapshot } from './snapshot';

describeServer('api organizations and sync', (t) => {
  it('creates a standalone org: confirmed Owner, default collection, events, sync shows it', async () => {
    const owner = await registerAndLogin(t());
    const org = await createOrganization(t(), owner, {
      name: 'R&D <Team>',
      planType: 20,
      collectionName: 'Engineering',
    });
    expect(org.body).toMatchObject({
      object: 'organization',
      name: 'R&D <Team>',
      planType: 20,
      seats: 1,
      useEvents: true,
      usePolicies: true,
      hasPublicAndPrivateKeys: true,
      plan: { object: 'plan', type: 20, productTier: 3 },
    });
    const stored = await t()
      .db.selectFrom('organizations')
      .select('name')
      .where('id', '=', org.id)
      .executeTakeFirstOrThrow();
    expect(stored.name).toBe('R&amp;D &lt;Team&gt;');
    const members = await t()
      .db.selectFrom('organization_users')
      .selectAll()
      .where('organization_id', '=', org.id)
      .execute();
    expect(members).toHaveLength(1);
    expect(members[0]).toMatchObject({ user_id: owner.id, type: 0, status: 2 });
    const events = await t().db.selectFrom('events').select('type').where('organization_id', '=', org.id).execute();
    expect(events.map((e) => e.type).sort()).toEqual([1300, 1501]);

    const sync = await t().http.get('/api/sync?excludeDomains=true', { token: owner.accessToken });
    expect(sync.body.object).toBe('sync');
    expect(sync.body.domains).toBeNull();
    const po = sync.body.profile.organizations[0];
    expect(po).toMatchObject({
      object: 'profileOrganization',
      id: org.id,
      name: 'R&D <Team>',
      status: 2,
      type: 0,
      enabled: true,
      userId: owner.id,
      organizationUserId: members[0]!.id,
      productTierType: 3,
    });
    expect(po.key.startsWith('4.')).toBe(true);
    expect(sync.body.collections).toEqual([
      expect.objectContaining({
        object: 'collectionDetails',
        organizationId: org.id,
        readOnly: false,
        hidePasswords: false,
        manage: true,
        type: 0,
      }),
    ]);
    expect(sync.body).toMatchObject({ ciphers: [], folders: [], policies: [], sends: [] });
    expect(sync.body.userDecryption.masterPasswordUnlock).toMatchObject({
      kdf: { kdfType: 0, iterations: 600000 },
      salt: owner.email,
    });

    const list = await t().http.get('/api/organizations', { token: owner.accessToken });
    expect(list.body).toMatchObject({ object: 'list', continuationToken: null });
    expect(list.body.data[0].id).toBe(org.id);
  });

  it('get and update are Owner-only; update writes Organization_Updated', async () => {
    const owner = await registerAndLogin(t());
    const outsider = await registerAndLogin(t());
    const org = await createOrganization(t(), owner, { planType: 18 });
    expect((await t().http.get(`/api/organizations/${org.id}`, { token: owner.accessToken })).status).toBe(200);
    const hidden = await t().http.get(`/api/organizations/${org.id}`, { token: outsider.accessToken });
    expect(hidden.status).toBe(404);
    expect(hidden.body.message).toBe('Resource not found.');
    expect((await t().http.get('/api/organizations/not-a-guid', { token: owner.accessToken })).status).toBe(404);
    const denied = await t().http.put(`/api/organizations/${org.id}`, {
      token: outsider.accessToken,
      json: { name: 'Hijack' },
    });
    expect(denied.status).toBe(401);
    expect(denied.text).toBe('');
    const put = await t().http.put(`/api/organizations/${org.id}`, {
      token: owner.accessToken,
      json: { name: 'Renamed', billingEmail: 'Billing@Example.com' },
    });
    expect(put.body).toMatchObject({ name: 'Renamed', billingEmail: 'billing@example.com' });
    const alias = await t().http.post(`/api/organizations/${org.id}`, {
      token: owner.accessToken,
      json: { name: 'Again' },
    });
    expect(alias.body.name).toBe('Again');
    const updates = await t()
      .db.selectFrom('events')
      .select('type')
      .where('organization_id', '=', org.id)
      .where('type', '=', 1600)
      .execute();
    expect(updates).toHaveLength(2);
    const pub = await t().http.get(`/api/organizations/${org.id}/public-key`, { token: outsider.accessToken });
    expect(pub.body).toMatchObject({ object: 'organizationPublicKey' });
  });

  it('free plan: one admin free org per user', async () => {
    const owner = await registerAndLogin(t());
    await createOrganization(t(), owner, { planType: 0 });
    const { payload } = await makeOrganization(owner.publicKey);
    const second = await t().http.post('/api/organizations', {
      token: owner.accessToken,
      json: { name: 'Second', billingEmail: owner.email, planType: 0, ...payload },
    });
    expect(second.status).toBe(400);
    expect(second.body.message).toBe('You can only be an admin of 1 free organization vault.');
  });

  it('bad create and update bodies: 4xx with the error body, database unchanged', async () => {
    const owner = await registerAndLogin(t());
    const { payload } = await makeOrganization(owner.publicKey);
    const good = { name: 'Valid', billingEmail: owner.email, planType: 20, additionalSeats: 2, ...payload };
    const org = await createOrganization(t(), owner, { planType: 20 });
    const before = await snapshot(t().db);
    const createCases: unknown[] = [
      { ...good, name: undefined },
      { ...good, name: 'x'.repeat(51) },
      { ...good, name: '&'.repeat(11) },
      { ...good, name: 42 },
      { ...good, billingEmail: 'nope' },
      { ...good, key: 'plain text' },
      { ...good, key: '2.abc' },
      { ...good, keys: { publicKey: 'not base64!', encryptedPrivateKey: payload.keys.encryptedPrivateKey } },
      { ...good, keys: undefined },
      { ...good, collectionName: `2.${'A'.repeat(1000)}|B|C` },
      { ...good, planType: 99 },
      { ...good, planType: '20' },
      { ...good, additionalSeats: -1 },
      { ...good, planType: 0, additionalSeats: 3 },
      { ...good, trialLength: 31 },
    ];
    for (const json of createCases) {
      const res = await t().http.post('/api/organizations', { token: owner.accessToken, json });
      expect(res.status, JSON.stringify(json).slice(0, 100)).toBe(400);
      expect(res.body.object).toBe('error');
    }
    for (const json of [{ name: 5 }, { billingEmail: 'x' }, { keys: { publicKey: 'x' } }, { name: 'y'.repeat(60) }]) {
      const res = await t().http.put(`/api/organizations/${org.id}`, { token: owner.accessToken, json });
      expect(res.status).toBe(400);
      expect(res.body.message).toBe('The model state is invalid.');
    }
    const empty = await t().http.post('/api/organizations', { token: owner.accessToken, raw: '' });
    expect(empty.body.validationErrors).toEqual({ '': ['Body is empty.'] });
    const malformed = await t().http.post('/api/organizations', { token: owner.accessToken, raw: '{"name":' });
    expect(malformed.status).toBe(400);
    const huge = await t().http.post('/api/organizations', {
      token: owner.accessToken,
      json: { ...good, name: 'x'.repeat(6 * 1024 * 1024) },
    });
    expect(huge.status).toBe(413);
    expect(huge.body.object).toBe('error');
    expect(await snapshot(t().db)).toBe(before);
  });
});
