// `seed-demo` (issue 5), on a few clients: provider users in each state, clients with members in every status,
// collections, groups, policies, 90 days of events, snapshots and invoices; a second run adds nothing.
import { expect, it } from 'vitest';
import { seedDemo } from '../../src-server/seed/demo';
import { demoClients } from '../../src-server/seed/demoData';
import { describeServer } from './harness';
import { registerUser } from './users';
import { tableCounts } from './providers/fixtures';

const CLIENTS = 7;

describeServer('providers: seed-demo', (t) => {
  it('seeds through the routes, and is idempotent', async () => {
    const first = await seedDemo(t().server, { clients: CLIENTS });
    const db = t().db;
    const pu = await db
      .selectFrom('provider_users')
      .select(['type', 'status'])
      .where('provider_id', '=', first.providerId)
      .orderBy('type')
      .orderBy('status')
      .execute();
    expect(pu).toEqual([
      { type: 0, status: 2 },
      { type: 0, status: 2 },
      { type: 1, status: 0 },
      { type: 1, status: 1 },
      { type: 1, status: 2 },
    ]);
    const provider = await db
      .selectFrom('providers')
      .selectAll()
      .where('id', '=', first.providerId)
      .executeTakeFirstOrThrow();
    expect(provider).toMatchObject({ status: 2, type: 0, name: 'Northwind IT Partners' });

    const links = await db
      .selectFrom('provider_organizations')
      .select('organization_id')
      .where('provider_id', '=', first.providerId)
      .execute();
    expect(links).toHaveLength(CLIENTS);
    const orgIds = links.map((l) => l.organization_id);
    const statuses = await db
      .selectFrom('organization_users')
      .select('status')
      .distinct()
      .where('organization_id', 'in', orgIds)
      .execute();
    expect(statuses.map((s) => s.status).sort()).toEqual([-1, 0, 1, 2]);
    const plans = await db
      .selectFrom('organizations')
      .select(['plan_type', 'status'])
      .where('id', 'in', orgIds)
      .execute();
    expect(new Set(plans.map((p) => p.plan_type))).toEqual(new Set([17, 19]));
    expect(plans.every((p) => p.status === 2)).toBe(true);
    expect(
      (await db.selectFrom('policies').select('id').where('organization_id', 'in', orgIds).execute()).length,
    ).toBeGreaterThan(3);
    expect(
      (await db.selectFrom('groups').select('id').where('organization_id', 'in', orgIds).execute()).length,
    ).toBeGreaterThan(0);

    // Seat use from empty to over the limit, as the clients list shows it.
    const admin = first.accounts[0]!;
    expect(admin.password).toMatch(/^[a-z]+-[a-z]+-[a-z]+-\d\d$/);
    const used = await db
      .selectFrom('organization_users')
      .select(['organization_id', (eb) => eb.fn.countAll().as('n')])
      .where('organization_id', 'in', orgIds)
      .where('status', 'in', [0, 1, 2])
      .groupBy('organization_id')
      .execute();
    const seats = await db.selectFrom('organizations').select(['id', 'seats']).where('id', 'in', orgIds).execute();
    const use = seats.map((s) => Number(used.find((u) => u.organization_id === s.id)?.n ?? 0) / (s.seats ?? 1));
    expect(Math.min(...use)).toBe(0);
    expect(Math.max(...use)).toBeGreaterThan(1);

    const events = await db
      .selectFrom('events')
      .select(['type', 'date'])
      .where('provider_id', '=', first.providerId)
      .orderBy('date')
      .execute();
    const spanDays = (Date.parse(events[events.length - 1]!.date) - Date.parse(events[0]!.date)) / 86_400_000;
    expect(spanDays).toBeGreaterThan(85);
    // Nothing dated in the future (issue 12): the admin's own next actions must be the newest events.
    const all = await db.selectFrom('events').select('date').execute();
    expect(Math.max(...all.map((e) => Date.parse(e.date)))).toBeLessThanOrEqual(Date.now());
    for (const type of [1000, 1800, 1801, 1900, 1903]) expect(events.some((e) => e.type === type)).toBe(true);
    const invoices = await db
      .selectFrom('provider_invoices')
      .select(['status'])
      .where('provider_id', '=', first.providerId)
      .orderBy('period_start')
      .execute();
    expect(invoices.length).toBeGreaterThanOrEqual(3);
    expect(invoices[invoices.length - 1]!.status).toBe('open');
    expect(first.accounts.filter((a) => a.password).length).toBe(
      4 +
        demoClients(CLIENTS).reduce(
          (n, c) => n + (c.owner ? 1 : 0) + c.members.filter((m) => m.status !== 'invited').length,
          0,
        ),
    );

    const before = await tableCounts(t());
    const second = await seedDemo(t().server, { clients: CLIENTS });
    expect(second).toMatchObject({ providerId: first.providerId, createdClients: 0, events: 0, invoices: 0 });
    expect(second.accounts).toEqual(first.accounts);
    expect(await tableCounts(t())).toEqual(before);
  });
});

// `npm start` seeds and then serves: the seed's ~150 registrations must not count against the first person who signs
// up after it (they did: the mail rate limit of 127.0.0.1 was spent, and sign-up answered 429 for 15 minutes).
describeServer(
  'providers: seed-demo leaves no rate-limit counters',
  (t) => {
    it("lets the first real sign-up through right after seeding, with a limit below the seed's registrations", async () => {
      const seeded = await seedDemo(t().server, { clients: 3 });
      expect(seeded.accounts.filter((a) => a.password).length).toBeGreaterThan(3);
      expect(await t().db.selectFrom('login_backoff').select('scope_key').execute()).toEqual([]);
      const user = await registerUser(t());
      expect(user.email).toContain('@');
    });
  },
  { mailRateLimit: { perIp: 3, perEmail: 10, windowSeconds: 900 } },
);
