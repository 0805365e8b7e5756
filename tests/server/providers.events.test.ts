// Provider event log (issue 5): admins only, date range defaults and limits, 50 per page with continuation tokens.
import { expect, it } from 'vitest';
import { writeEvents } from '../../src-server/domain/events';
import { describeServer } from './harness';
import { addMember, createProvider, newUser } from './providers/fixtures';

const DAY = 86_400_000;

describeServer('providers: events', (t) => {
  it('pages every event of the provider newest first, within the range', async () => {
    const p = await createProvider(t());
    const svc = await newUser(t(), 'Svc');
    const svcId = await addMember(t(), p, svc, 1);
    const now = Date.now();
    await writeEvents(t().db, [
      ...Array.from({ length: 120 }, (_, i) => ({
        type: 1903,
        providerId: p.id,
        actingUserId: i % 2 ? svc.id : p.admin.id,
        providerOrganizationId: crypto.randomUUID(),
        date: new Date(now - 3600_000 - (i % 60) * 60_000).toISOString(),
      })),
      { type: 1800, providerId: p.id, date: new Date(now - 40 * DAY).toISOString() },
      { type: 1800, providerId: crypto.randomUUID(), date: new Date(now - 3600_000).toISOString() },
    ]);
    const seen: string[] = [];
    let token: string | null = null;
    let pages = 0;
    do {
      const res: {
        body: { data: { date: string; providerId: string; type: number }[]; continuationToken: string | null };
      } = await t().http.get(
        `/api/providers/${p.id}/events${token ? `?continuationToken=${encodeURIComponent(token)}` : ''}`,
        { token: p.admin.accessToken },
      );
      expect(res.body.data.length).toBeLessThanOrEqual(50);
      for (const e of res.body.data) {
        expect(e.providerId).toBe(p.id);
        seen.push(e.date);
      }
      token = res.body.continuationToken;
      pages++;
    } while (token && pages < 10);
    // 120 synthetic + invite 1800 + confirm 1801 of the service user; the 40-day-old one is outside the default range.
    expect(seen).toHaveLength(122);
    expect(pages).toBe(3);
    expect([...seen].sort().reverse()).toEqual(seen);

    const old = await t().http.get(
      `/api/providers/${p.id}/events?start=${new Date(now - 41 * DAY).toISOString()}&end=${new Date(now - 39 * DAY).toISOString()}`,
      { token: p.admin.accessToken },
    );
    expect(old.body.data.map((e: { type: number }) => e.type)).toEqual([1800]);
    const swapped = await t().http.get(
      `/api/providers/${p.id}/events?start=${new Date(now - 39 * DAY).toISOString()}&end=${new Date(now - 41 * DAY).toISOString()}`,
      { token: p.admin.accessToken },
    );
    expect(swapped.body.data).toHaveLength(1);
    const tooLarge = await t().http.get(
      `/api/providers/${p.id}/events?start=2020-01-01T00:00:00Z&end=2021-01-05T00:00:00Z`,
      { token: p.admin.accessToken },
    );
    expect(tooLarge.status).toBe(400);
    expect(tooLarge.body.message).toBe('Range too large.');
    const badDate = await t().http.get(`/api/providers/${p.id}/events?start=yesterday&end=today`, {
      token: p.admin.accessToken,
    });
    expect(badDate.status).toBe(400);

    const mine = await t().http.get(`/api/providers/${p.id}/users/${svcId}/events`, { token: p.admin.accessToken });
    expect(mine.body.data.length).toBe(50);
    expect(mine.body.data.every((e: { actingUserId: string }) => e.actingUserId === svc.id)).toBe(true);
    expect(mine.body.data[0]).toMatchObject({ object: 'event', type: 1903, providerId: p.id, organizationId: null });
  });

  it('answers 404 to anyone but a provider admin', async () => {
    const p = await createProvider(t());
    const svc = await newUser(t(), 'Svc');
    await addMember(t(), p, svc, 1);
    const other = await createProvider(t());
    for (const token of [svc.accessToken, other.admin.accessToken]) {
      expect((await t().http.get(`/api/providers/${p.id}/events`, { token })).status).toBe(404);
      expect(
        (await t().http.get(`/api/providers/${p.id}/users/${p.adminProviderUserId}/events`, { token })).status,
      ).toBe(404);
    }
    expect(
      (
        await t().http.get(`/api/providers/${p.id}/users/${other.adminProviderUserId}/events`, {
          token: p.admin.accessToken,
        })
      ).status,
    ).toBe(404);
    expect((await t().http.get(`/api/providers/${p.id}/events`)).status).toBe(401);
  });

  it('writes no provider events while useEvents is off', async () => {
    const p = await createProvider(t());
    await t().db.updateTable('providers').set({ use_events: 0 }).where('id', '=', p.id).execute();
    await t().http.post(`/api/providers/${p.id}/users/invite`, {
      token: p.admin.accessToken,
      json: { emails: ['quiet@example.com'], type: 1 },
    });
    expect(await t().db.selectFrom('events').select('id').where('provider_id', '=', p.id).execute()).toEqual([]);
  });
});
