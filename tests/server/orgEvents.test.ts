// Organization events (bitwarden-api.md §7.10, paging §6.8): range defaults and limits, pages of 50 with
// continuation tokens, member and cipher events, orgs without events, and the authorization matrix.
import { beforeAll, expect, it } from 'vitest';
import { encryptToString } from '../../src-main/crypto/index';
import { writeEvents } from '../../src-server/domain/events';
import { describeServer } from './harness';
import { expectMatrix } from './orgAssertions';
import { buildWorld, type Actor, type World } from './orgWorld';
import { createOrganization, registerAndLogin } from './users';

const READERS: Actor[] = ['owner', 'admin', 'customWith'];
const DAY = 24 * 60 * 60 * 1000;

describeServer('org events', (t) => {
  let w: World;
  const path = () => `/api/organizations/${w.org.id}/events`;
  const get = (p: string, token = w.users.owner.accessToken) => t().http.get(p, { token });

  beforeAll(async () => {
    w = await buildWorld(t(), ['accessEventLogs']);
  });

  it('lists the org log newest first, as event objects', async () => {
    const res = await get(path());
    expect(res.status).toBe(200);
    expect(res.body.object).toBe('list');
    const types = res.body.data.map((e: any) => e.type);
    expect(types).toEqual(expect.arrayContaining([1501, 1500]));
    expect(res.body.data[0]).toMatchObject({
      object: 'event',
      organizationId: w.org.id,
      date: expect.any(String),
      ipAddress: expect.any(String),
    });
    const dates = res.body.data.map((e: any) => e.date);
    expect([...dates].sort().reverse()).toEqual(dates);
  });

  it('pages by 50 with an opaque continuation token and no repeats', async () => {
    const base = Date.now() - 5 * DAY;
    await writeEvents(
      t().db,
      Array.from({ length: 120 }, (_, i) => ({
        type: 1601,
        organizationId: w.org.id,
        date: new Date(base + (i % 7) * 1000).toISOString(),
      })),
    );
    const start = new Date(base - DAY).toISOString();
    const end = new Date(base + DAY).toISOString();
    const seen: string[] = [];
    let token: string | null = null;
    let pages = 0;
    do {
      const q = new URLSearchParams({ start, end, ...(token ? { continuationToken: token } : {}) });
      const res = await get(`${path()}?${q}`);
      seen.push(...res.body.data.map((e: any) => `${e.date}|${e.type}|${JSON.stringify(e)}`));
      expect(res.body.data.length).toBeLessThanOrEqual(50);
      token = res.body.continuationToken;
      pages++;
    } while (token && pages < 10);
    expect(pages).toBe(3);
    expect(seen).toHaveLength(120);
    // Swapped bounds are corrected.
    const swapped = await get(`${path()}?${new URLSearchParams({ start: end, end: start })}`);
    expect(swapped.body.data).toHaveLength(50);
  });

  it('defaults to the last 30 days, refuses ranges over 367 days and bad dates', async () => {
    await writeEvents(t().db, [
      { type: 1602, organizationId: w.org.id, date: new Date(Date.now() - 40 * DAY).toISOString() },
    ]);
    const recent = await get(path());
    expect(recent.body.data.some((e: any) => e.type === 1602)).toBe(false);
    const old = await get(
      `${path()}?start=${new Date(Date.now() - 41 * DAY).toISOString()}&end=${new Date(Date.now() - 39 * DAY).toISOString()}`,
    );
    expect(old.body.data.map((e: any) => e.type)).toEqual([1602]);
    const tooLarge = await get(`${path()}?start=2024-01-01T00:00:00Z&end=2025-01-05T00:00:00Z`);
    expect(tooLarge.body).toMatchObject({ object: 'error', message: 'Range too large.' });
    expect((await get(`${path()}?start=yesterday&end=today`)).status).toBe(400);
    expect((await get(`${path()}?continuationToken=%%%`)).status).toBe(400);
  });

  it("lists one member's actions and one org cipher's events", async () => {
    await t().http.post(`/api/organizations/${w.org.id}/collections`, {
      token: w.users.admin.accessToken,
      json: { name: encryptToString('A', w.org.orgKey) },
    });
    const mine = await get(`/api/organizations/${w.org.id}/users/${w.orgUserIds.admin}/events`);
    expect(mine.body.data.length).toBeGreaterThan(0);
    expect(mine.body.data.every((e: any) => e.actingUserId === w.users.admin.id)).toBe(true);
    await t().http.post(`/api/ciphers/import-organization?organizationId=${w.org.id}`, {
      token: w.users.owner.accessToken,
      json: { ciphers: [{ type: 2, name: encryptToString('n', w.org.orgKey) }] },
    });
    const cipher = await t()
      .db.selectFrom('ciphers')
      .select('id')
      .where('organization_id', '=', w.org.id)
      .executeTakeFirstOrThrow();
    const events = await get(`/api/ciphers/${cipher.id}/events`);
    expect(events.body.data.map((e: any) => e.type)).toEqual([1100]);
    expect((await get(`/api/ciphers/${cipher.id}/events`, w.users.user.accessToken)).status).toBe(404);
  });

  it('shows an empty log for orgs without events', async () => {
    const owner = await registerAndLogin(t());
    const free = await createOrganization(t(), owner);
    const res = await get(`/api/organizations/${free.id}/events`, owner.accessToken);
    expect(res.body).toEqual({ object: 'list', data: [], continuationToken: null });
  });

  it('authorization matrix: org events and member events', async () => {
    await expectMatrix(t(), w, READERS, (token) => t().http.get(path(), token ? { token } : {}));
    await expectMatrix(t(), w, READERS, (token) =>
      t().http.get(`/api/organizations/${w.org.id}/users/${w.orgUserIds.user}/events`, token ? { token } : {}),
    );
  });
});
