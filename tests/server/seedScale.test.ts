// `seed-scale` (issue 9) at a small size: the counts it promises, seat use as the client list reports it, a real
// login of the admin it prints, and the key chain the desktop app walks (admin → provider key → client org key →
// collection names and the org's private key); a second run writes nothing, a partial database is refused.
import { expect, it } from 'vitest';
import {
  decryptPrivateKey,
  decryptToString,
  unlockUserKey,
  unwrapOrgKey,
  unwrapProviderKey,
  deriveMasterKey,
  DEFAULT_KDF_CONFIG,
} from '../../src-main/crypto/index';
import { SCALE_DONE, seedScale } from '../../src-server/seed/scale';
import { COLLECTIONS } from '../../src-server/seed/scaleData';
import { describeServer } from './harness';
import { passwordForm, passwordHashFor } from './users';

const CLIENTS = 50;
const EVENTS = 2000;

describeServer('seed-scale', (t) => {
  it('seeds the promised rows, and the admin it prints reaches every client key', async () => {
    const s = await seedScale(t().server, { clients: CLIENTS, events: EVENTS });
    expect(s).toMatchObject({ existing: false, clients: CLIENTS, events: EVENTS });
    const db = t().db;
    const count = async (q: Promise<{ n: number | string | bigint }>) => Number((await q).n);

    const links = await db
      .selectFrom('provider_organizations')
      .select(['id', 'organization_id', 'key'])
      .where('provider_id', '=', s.providerId)
      .execute();
    expect(links).toHaveLength(CLIENTS);
    const orgIds = links.map((l) => l.organization_id);
    expect(
      await count(
        db
          .selectFrom('organization_users')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('organization_id', 'in', orgIds)
          .executeTakeFirstOrThrow(),
      ),
    ).toBe(s.organizationUsers);
    // Only the seed writes time-ordered (v7) event ids; every one is within the 90 days.
    const seeded = await db
      .selectFrom('events')
      .select((eb) => [eb.fn.countAll().as('n'), eb.fn.min('date').as('oldest')])
      .where('id', 'like', '________-____-7%')
      .executeTakeFirstOrThrow();
    expect(Number(seeded.n)).toBe(EVENTS);
    expect(Date.parse(String(seeded.oldest))).toBeGreaterThan(Date.now() - 91 * 86_400_000);
    expect(
      await count(
        db
          .selectFrom('events')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('provider_id', '=', s.providerId)
          .where('id', 'like', '________-____-7%')
          .executeTakeFirstOrThrow(),
      ),
    ).toBe(s.providerEvents);
    expect(s.providerEvents).toBeGreaterThan(EVENTS * 0.4);
    expect(s.providerEvents).toBeLessThan(EVENTS * 0.8);

    // The admin logs in with the printed password (client-side KDF, as the app does).
    const login = await t().http.token(
      passwordForm(s.admin.email, await passwordHashFor(s.admin.email, s.admin.password, DEFAULT_KDF_CONFIG)),
    );
    expect(login.status).toBe(200);
    const token = login.body.access_token as string;
    const masterKey = await deriveMasterKey(s.admin.password, s.admin.email, DEFAULT_KDF_CONFIG);
    const privateKey = decryptPrivateKey(login.body.PrivateKey, unlockUserKey(masterKey, login.body.Key));
    const profile = (await t().http.get('/api/accounts/profile', { token })).body;
    const providerKey = unwrapProviderKey(
      profile.providers.find((p: { id: string }) => p.id === s.providerId).key,
      privateKey,
    );

    // The client list: every client, seat use as the memberships say.
    const list = await t().http.get(`/api/providers/${s.providerId}/organizations`, { token });
    expect(list.status).toBe(200);
    expect(list.body.data).toHaveLength(CLIENTS);
    const occupied = await db
      .selectFrom('organization_users')
      .select(['organization_id', (eb) => eb.fn.countAll().as('n')])
      .where('organization_id', 'in', orgIds)
      .where('status', 'in', [0, 1, 2])
      .groupBy('organization_id')
      .execute();
    const byOrg = new Map(occupied.map((r) => [r.organization_id, Number(r.n)]));
    for (const c of list.body.data) {
      expect(c.occupiedSeats).toBe(byOrg.get(c.organizationId) ?? 0);
      expect(c.plan).toMatch(/^(Teams|Enterprise)/);
      expect(c.organizationName.length).toBeGreaterThan(3);
    }
    expect(list.body.data.some((c: { occupiedSeats: number; seats: number }) => c.occupiedSeats > c.seats)).toBe(true);

    // Key chain of a few clients: org key from the provider key, then collection names and the org's key pair.
    for (const c of list.body.data.slice(0, 5)) {
      const orgKey = unwrapOrgKey(c.key, { providerKey });
      const collections = await t().http.get(`/api/organizations/${c.organizationId}/collections`, { token });
      expect(collections.status).toBe(200);
      const names = collections.body.data.map((col: { name: string }) => decryptToString(col.name, orgKey));
      expect(names).toContain('Default collection');
      for (const n of names) expect(['Default collection', ...COLLECTIONS]).toContain(n);
      const org = await db
        .selectFrom('organizations')
        .select(['public_key', 'private_key'])
        .where('id', '=', c.organizationId)
        .executeTakeFirstOrThrow();
      expect(() => decryptPrivateKey(org.private_key!, orgKey, org.public_key!)).not.toThrow();
    }
  });

  it('leaves a seeded database alone and refuses one an earlier run left part-way', async () => {
    const before = await t()
      .db.selectFrom('events')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    const again = await seedScale(t().server, { clients: CLIENTS, events: EVENTS });
    expect(again).toMatchObject({ existing: true, clients: CLIENTS, events: EVENTS });
    const after = await t()
      .db.selectFrom('events')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));

    await t().db.deleteFrom('seed_markers').where('name', '=', SCALE_DONE).execute();
    await expect(seedScale(t().server, { clients: CLIENTS, events: EVENTS })).rejects.toThrow(/part-way/);
  });
});
