// 90 days of history for the demo provider: the rows made today are dated back to when each client joined, then
// realistic activity is added (provider users logging in and opening client vaults, member and collection edits,
// policy changes), daily seat snapshots from each client's start, and the monthly invoices they produce.
import type { ServerContext } from '../context';
import { writeEvents, type EventInput } from '../domain/events';
import { EventType } from '../domain/eventTypes';
import { issueDueInvoices, setInvoiceStatus } from '../domain/providers/invoices';
import { upsertSnapshots, type SnapshotValues } from '../domain/providers/snapshots';
import type { DemoClient } from './demoData';
import type { DemoProvider } from './demoProvider';

const DAY = 86_400_000;
const IPS = ['203.0.113.24', '203.0.113.77', '198.51.100.10', '198.51.100.42'];

function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface ClientRows {
  demo: DemoClient;
  orgId: string;
  linkId: string;
  orgUserIds: string[];
  collectionIds: string[];
  groupIds: string[];
  policyIds: string[];
  occupied: number;
}

async function loadClients(ctx: ServerContext, providerId: string, demo: DemoClient[]): Promise<ClientRows[]> {
  const links = await ctx.db
    .selectFrom('provider_organizations as po')
    .innerJoin('organizations as o', 'o.id', 'po.organization_id')
    .select(['po.id as linkId', 'o.id as orgId', 'o.name'])
    .where('po.provider_id', '=', providerId)
    .execute();
  const out: ClientRows[] = [];
  for (const d of demo) {
    const link = links.find((l) => l.name === d.name.replace(/&/g, '&amp;'));
    if (!link) continue;
    const ids = async (table: 'organization_users' | 'collections' | 'groups' | 'policies') =>
      (await ctx.db.selectFrom(table).select('id').where('organization_id', '=', link.orgId).execute()).map(
        (r) => r.id,
      );
    const occupied = await ctx.db
      .selectFrom('organization_users')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('organization_id', '=', link.orgId)
      .where('status', 'in', [0, 1, 2])
      .executeTakeFirstOrThrow();
    out.push({
      demo: d,
      orgId: link.orgId,
      linkId: link.linkId,
      orgUserIds: await ids('organization_users'),
      collectionIds: await ids('collections'),
      groupIds: await ids('groups'),
      policyIds: await ids('policies'),
      occupied: Number(occupied.n),
    });
  }
  return out;
}

const at = (now: number, daysAgo: number, minutes: number) =>
  new Date(Math.floor((now - daysAgo * DAY) / DAY) * DAY + minutes * 60_000).toISOString();
/** Like `at`, never later than `now`: a history has no events in the future (clients sync up to now). */
const past = (now: number, daysAgo: number, minutes: number) =>
  new Date(Math.min(Date.parse(at(now, daysAgo, minutes)), now)).toISOString();

/** Dates today's rows back: the provider 90 days ago, each client on its joining day. */
async function backdate(ctx: ServerContext, provider: DemoProvider, clients: ClientRows[], now: number): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const start = at(now, 90, 8 * 60 + 30);
    await trx.updateTable('providers').set({ creation_date: start }).where('id', '=', provider.id).execute();
    await trx
      .updateTable('provider_plans')
      .set({ creation_date: start })
      .where('provider_id', '=', provider.id)
      .execute();
    await trx
      .updateTable('provider_users')
      .set({ creation_date: at(now, 89, 9 * 60) })
      .where('provider_id', '=', provider.id)
      .execute();
    const own = await trx
      .selectFrom('events')
      .select(['id'])
      .where('provider_id', '=', provider.id)
      .where('organization_id', 'is', null)
      .where('provider_organization_id', 'is', null)
      .orderBy('date')
      .execute();
    for (const [k, e] of own.entries())
      await trx
        .updateTable('events')
        .set({ date: past(now, 89, 9 * 60 + 5 + k * 11) })
        .where('id', '=', e.id)
        .execute();
    for (const c of clients) {
      const day = c.demo.createdDaysAgo;
      await trx
        .updateTable('organizations')
        .set({ creation_date: at(now, day, 10 * 60) })
        .where('id', '=', c.orgId)
        .execute();
      await trx
        .updateTable('provider_organizations')
        .set({ creation_date: at(now, day, 10 * 60), revision_date: at(now, day, 10 * 60) })
        .where('id', '=', c.linkId)
        .execute();
      const rows = await trx
        .selectFrom('events')
        .select('id')
        .where((eb) => eb.or([eb('organization_id', '=', c.orgId), eb('provider_organization_id', '=', c.linkId)]))
        .orderBy('date')
        .orderBy('id')
        .execute();
      for (const [k, e] of rows.entries())
        await trx
          .updateTable('events')
          .set({ date: past(now, day, 10 * 60 + k * 3) })
          .where('id', '=', e.id)
          .execute();
    }
  });
}

/**
 * Everyday activity: provider users logging in and working in the clients that existed that day. Today's activity
 * stops at `now`: an event dated later would sit above everything the admin does next in every event log.
 */
export function activity(
  provider: Pick<DemoProvider, 'id' | 'actors'>,
  clients: ClientRows[],
  now: number,
): EventInput[] {
  const rand = prng(42);
  const pick = <T>(list: T[]) => list[Math.floor(rand() * list.length)]!;
  const events: EventInput[] = [];
  for (let d = 89; d >= 0; d--) {
    const weekday = new Date(now - d * DAY).getUTCDay();
    if ((weekday === 0 || weekday === 6) && rand() < 0.8) continue;
    for (const actor of provider.actors) {
      if (rand() < 0.85)
        events.push({
          type: EventType.User_LoggedIn,
          userId: actor.id,
          actingUserId: actor.id,
          providerId: provider.id,
          deviceType: pick([9, 10, 25]),
          ipAddress: pick(IPS),
          date: at(now, d, 7 * 60 + Math.floor(rand() * 120)),
        });
    }
    for (const c of clients) {
      if (c.demo.createdDaysAgo <= d) continue;
      const actor = pick(provider.actors);
      const origin = { actingUserId: actor.id, providerId: provider.id, deviceType: 9, ipAddress: pick(IPS) };
      const time = () => at(now, d, 9 * 60 + Math.floor(rand() * 8 * 60));
      if (rand() < 0.12) {
        const date = time();
        events.push({
          ...origin,
          type: EventType.ProviderOrganization_VaultAccessed,
          providerOrganizationId: c.linkId,
          date,
        });
        events.push({ ...origin, type: EventType.Organization_VaultAccessed, organizationId: c.orgId, date });
      }
      if (rand() < 0.06 && c.orgUserIds.length)
        events.push({
          ...origin,
          type: EventType.OrganizationUser_Updated,
          organizationId: c.orgId,
          organizationUserId: pick(c.orgUserIds),
          date: time(),
        });
      if (rand() < 0.05 && c.collectionIds.length)
        events.push({
          ...origin,
          type: EventType.Collection_Updated,
          organizationId: c.orgId,
          collectionId: pick(c.collectionIds),
          date: time(),
        });
      if (rand() < 0.03 && c.groupIds.length)
        events.push({
          ...origin,
          type: EventType.Group_Updated,
          organizationId: c.orgId,
          groupId: pick(c.groupIds),
          date: time(),
        });
      if (rand() < 0.02 && c.policyIds.length)
        events.push({
          ...origin,
          type: EventType.Policy_Updated,
          organizationId: c.orgId,
          policyId: pick(c.policyIds),
          date: time(),
        });
    }
  }
  return events.filter((event) => event.date !== undefined && Date.parse(event.date) <= now);
}

/** Daily seats from each client's start to yesterday: assigned as today, use growing to today's. */
async function snapshots(ctx: ServerContext, providerId: string, clients: ClientRows[], now: number): Promise<void> {
  for (let d = 89; d >= 1; d--) {
    const day = new Date(now - d * DAY).toISOString().slice(0, 10);
    const values: SnapshotValues[] = [];
    for (const c of clients) {
      const start = c.demo.createdDaysAgo;
      if (start < d) continue;
      const progress = start === 0 ? 1 : (start - d) / start;
      const used = c.occupied === 0 ? 0 : Math.max(1, Math.round(1 + (c.occupied - 1) * Math.min(1, progress * 1.3)));
      values.push({
        organizationId: c.orgId,
        organizationName: c.demo.name.replace(/&/g, '&amp;'),
        planType: c.demo.planType,
        assigned: d <= 7 ? c.demo.finalSeats : c.demo.seats,
        used,
      });
    }
    await upsertSnapshots(ctx.db, providerId, day, values);
  }
}

export async function seedHistory(
  ctx: ServerContext,
  provider: DemoProvider,
  demo: DemoClient[],
  now = Date.now(),
): Promise<{ events: number; invoices: number }> {
  const clients = await loadClients(ctx, provider.id, demo);
  await backdate(ctx, provider, clients, now);
  const events = activity(provider, clients, now);
  await ctx.db.transaction().execute((trx) => writeEvents(trx, events));
  await snapshots(ctx, provider.id, clients, now);
  const row = await ctx.db.selectFrom('providers').selectAll().where('id', '=', provider.id).executeTakeFirstOrThrow();
  const issued = await issueDueInvoices(ctx.db, row, ctx.config.providerBilling, new Date(now));
  const invoices = await ctx.db
    .selectFrom('provider_invoices')
    .select('id')
    .where('provider_id', '=', provider.id)
    .orderBy('period_start', 'desc')
    .execute();
  for (const inv of invoices.slice(1)) await setInvoiceStatus(ctx.db, inv.id, 'paid');
  return { events: events.length, invoices: issued };
}
