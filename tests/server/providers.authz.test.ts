// Authorization matrix of every provider route (provider admin, service user, admin of another provider, an owner
// of a client org without a provider role, anonymous) and cross-provider isolation (issue 5).
import { beforeAll, expect, it } from 'vitest';
import { makeProviderMemberConfirm } from '../../src-main/crypto/index';
import { describeServer } from './harness';
import { addMember, newUser, tableCounts } from './providers/fixtures';
import { buildWorld, CALLERS, resolvePath, routeCases, tokenFor, type World } from './providers/matrix';

describeServer('providers: authorization', (t) => {
  let w: World;
  beforeAll(async () => {
    w = await buildWorld(t());
  });

  it('every route answers each caller with the reference status, and refusals change nothing', async () => {
    const failures: string[] = [];
    let checked = 0;
    const routes = routeCases(t(), w);
    for (const route of routes) {
      for (const caller of CALLERS) {
        checked++;
        const path = await resolvePath(t(), w, route.path);
        const json = route.body ? await route.body() : undefined;
        const before = await tableCounts(t());
        const res = await t().http.request(route.method, path, {
          token: tokenFor(w, caller),
          ...(json === undefined ? {} : { json }),
        });
        const want = route.expect[caller];
        if (res.status !== want) {
          failures.push(`${route.name} as ${caller}: ${res.status} (want ${want}) ${res.text.slice(0, 160)}`);
          continue;
        }
        if (res.status >= 400) {
          const after = await tableCounts(t());
          if (JSON.stringify(after) !== JSON.stringify(before))
            failures.push(`${route.name} as ${caller}: database changed`);
          if (res.status === 403 && res.text !== '') failures.push(`${route.name} as ${caller}: 403 with a body`);
          if (res.status === 401 && caller !== 'anonymous' && res.body?.message !== 'Unauthorized.')
            failures.push(`${route.name} as ${caller}: 401 body ${res.text}`);
          if (res.status === 404 && res.body?.message !== 'Resource not found.')
            failures.push(`${route.name} as ${caller}: 404 body ${res.text}`);
        }
      }
    }
    expect(failures).toEqual([]);
    expect(checked).toBe(routes.length * 5);
  });

  it("no route reaches another provider's members, clients, events or invoices", async () => {
    const Q = `/api/providers/${w.other.id}`;
    const token = w.other.admin.accessToken;
    const pUser = await newUser(t(), 'PMember');
    const accepted = await addMember(t(), w.p, pUser, 1, { confirm: false });
    const invoice = await t()
      .db.selectFrom('provider_invoices')
      .select('id')
      .where('provider_id', '=', w.p.id)
      .executeTakeFirstOrThrow();
    const before = await tableCounts(t());
    const single = [
      ['GET', `${Q}/users/${w.serviceProviderUserId}`],
      ['PUT', `${Q}/users/${w.serviceProviderUserId}`, { type: 0 }],
      ['DELETE', `${Q}/users/${w.serviceProviderUserId}`],
      ['POST', `${Q}/users/${accepted}/confirm`, makeProviderMemberConfirm(w.other.providerKey, pUser.publicKey)],
      ['POST', `${Q}/users/${accepted}/reinvite`],
      ['GET', `${Q}/users/${w.serviceProviderUserId}/events`],
      ['PUT', `${Q}/clients/${w.clientPoId}`, { assignedSeats: 99, name: 'Stolen' }],
      ['GET', `${Q}/billing/invoices/${invoice.id}`],
    ] as const;
    for (const [method, path, json] of single) {
      const res = await t().http.request(method, path, { token, ...(json ? { json } : {}) });
      expect([method, path, res.status]).toEqual([method, path, 404]);
    }
    const unlink = await t().http.delete(`${Q}/organizations/${w.clientPoId}`, { token });
    expect(unlink.body.message).toBe('Failed to remove organization vault. Please contact support.');
    const reinvite = await t().http.post(`${Q}/users/reinvite`, { token, json: { ids: [w.serviceProviderUserId] } });
    expect(reinvite.body.data[0].error).toBe('User invalid.');
    const keys = await t().http.post(`${Q}/users/public-keys`, { token, json: { ids: [accepted] } });
    expect(keys.body.data).toEqual([]);
    const bulkConfirm = await t().http.post(`${Q}/users/confirm`, {
      token,
      json: { keys: [{ id: accepted, ...makeProviderMemberConfirm(w.other.providerKey, pUser.publicKey) }] },
    });
    expect(bulkConfirm.body.data[0].error).toBe('Invalid user.');
    const bulkRemove = await t().http.delete(`${Q}/users`, { token, json: { ids: [w.serviceProviderUserId] } });
    expect(bulkRemove.body.data[0].error).toBe('Invalid user.');
    expect(await tableCounts(t())).toEqual(before);

    const users = (await t().http.get(`${Q}/users`, { token })).body.data;
    expect(users.map((u: { id: string }) => u.id)).toEqual([w.other.adminProviderUserId]);
    expect((await t().http.get(`${Q}/organizations`, { token })).body.data).toEqual([]);
    const events = (await t().http.get(`${Q}/events`, { token })).body.data as { providerId: string }[];
    expect(events.every((e) => e.providerId === w.other.id)).toBe(true);
    expect((await t().http.get(`${Q}/billing/invoices`, { token })).body.invoices).toEqual([]);
    const orgId = (
      await t()
        .db.selectFrom('provider_organizations')
        .select('organization_id')
        .where('id', '=', w.clientPoId)
        .executeTakeFirstOrThrow()
    ).organization_id;
    expect((await t().http.get(`/api/organizations/${orgId}`, { token })).status).toBe(404);
    const sync = await t().http.get('/api/sync', { token });
    expect(sync.body.profile.providerOrganizations).toEqual([]);
    expect(sync.body.profile.providers.map((p: { id: string }) => p.id)).toEqual([w.other.id]);
  });

  it('answers 404 for ids that are not GUIDs', async () => {
    for (const path of [
      `/api/providers/nope`,
      `/api/providers/${w.p.id}/users/nope`,
      `/api/providers/nope/events`,
      `/api/providers/nope/billing/subscription`,
    ]) {
      const res = await t().http.get(path, { token: w.p.admin.accessToken });
      expect([path, res.status]).toEqual([path, 404]);
    }
  });
});
