// Daily seat snapshots per client (the basis of invoices): one row per Managed client and UTC day holding the most
// seats assigned and used that day. Taken on every seat change of the provider routes, by the hourly sweep and on
// billing reads; days without a snapshot (server down) are filled with the last known values.
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema';
import { OrgStatus } from './enums';
import { seatUsage } from './seats';

type DbOrTrx = Kysely<Database> | Transaction<Database>;

const DAY_MS = 24 * 3600 * 1000;
const MAX_FILL_DAYS = 400;

export const dayOf = (date: Date): string => date.toISOString().slice(0, 10);
export const addDays = (day: string, n: number): string => dayOf(new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS));

export interface SnapshotValues {
  organizationId: string;
  organizationName: string;
  planType: number;
  assigned: number;
  used: number;
}

/** Upserts snapshots for one day, keeping the larger of stored and given seat counts. */
export async function upsertSnapshots(
  db: DbOrTrx,
  providerId: string,
  day: string,
  values: SnapshotValues[],
): Promise<void> {
  if (values.length === 0) return;
  const existing = await db
    .selectFrom('provider_seat_snapshots')
    .selectAll()
    .where('provider_id', '=', providerId)
    .where('day', '=', day)
    .where(
      'organization_id',
      'in',
      values.map((v) => v.organizationId),
    )
    .execute();
  const stored = new Map(existing.map((r) => [r.organization_id, r]));
  const rows = values.map((v) => {
    const prev = stored.get(v.organizationId);
    return {
      provider_id: providerId,
      organization_id: v.organizationId,
      day,
      organization_name: v.organizationName,
      plan_type: v.planType,
      assigned_seats: Math.max(v.assigned, prev?.assigned_seats ?? 0),
      used_seats: Math.max(v.used, prev?.used_seats ?? 0),
    };
  });
  for (let i = 0; i < rows.length; i += 100) {
    await db
      .insertInto('provider_seat_snapshots')
      .values(rows.slice(i, i + 100))
      .onConflict((oc) =>
        oc.columns(['provider_id', 'organization_id', 'day']).doUpdateSet((eb) => ({
          organization_name: eb.ref('excluded.organization_name'),
          plan_type: eb.ref('excluded.plan_type'),
          assigned_seats: eb.ref('excluded.assigned_seats'),
          used_seats: eb.ref('excluded.used_seats'),
        })),
      )
      .execute();
  }
}

/** The provider's Managed clients as they are now. */
export async function currentClientSeats(
  db: DbOrTrx,
  providerId: string,
  orgIds?: string[],
): Promise<SnapshotValues[]> {
  let query = db
    .selectFrom('provider_organizations as po')
    .innerJoin('organizations as o', 'o.id', 'po.organization_id')
    .select(['o.id', 'o.name', 'o.plan_type', 'o.seats'])
    .where('po.provider_id', '=', providerId)
    .where('o.status', '=', OrgStatus.Managed);
  if (orgIds) query = query.where('o.id', 'in', orgIds.length ? orgIds : ['']);
  const clients = await query.execute();
  const usage = await seatUsage(
    db,
    clients.map((c) => c.id),
  );
  return clients.map((c) => ({
    organizationId: c.id,
    organizationName: c.name,
    planType: c.plan_type,
    assigned: c.seats ?? 0,
    used: usage.get(c.id)?.occupied ?? 0,
  }));
}

/** Fills missing days up to yesterday with each client's last snapshot. */
async function fillGaps(db: DbOrTrx, providerId: string, orgIds: string[], today: string): Promise<void> {
  if (orgIds.length === 0) return;
  const latest = await db
    .selectFrom('provider_seat_snapshots')
    .select(['organization_id', (eb) => eb.fn.max('day').as('day')])
    .where('provider_id', '=', providerId)
    .where('organization_id', 'in', orgIds)
    .groupBy('organization_id')
    .execute();
  for (const l of latest) {
    const last = String(l.day);
    if (addDays(last, 1) >= today) continue;
    const row = await db
      .selectFrom('provider_seat_snapshots')
      .selectAll()
      .where('provider_id', '=', providerId)
      .where('organization_id', '=', l.organization_id)
      .where('day', '=', last)
      .executeTakeFirstOrThrow();
    const first = [addDays(last, 1), addDays(today, -MAX_FILL_DAYS)].sort()[1]!;
    const fill = [];
    for (let d = first; d < today; d = addDays(d, 1)) fill.push({ ...row, day: d });
    for (let i = 0; i < fill.length; i += 100) {
      await db
        .insertInto('provider_seat_snapshots')
        .values(fill.slice(i, i + 100))
        .onConflict((oc) => oc.doNothing())
        .execute();
    }
  }
}

/** Records today's seats for the provider's Managed clients (all, or the given ones). */
export async function snapshotProviderSeats(
  db: DbOrTrx,
  providerId: string,
  orgIds?: string[],
  now = new Date(),
): Promise<void> {
  const today = dayOf(now);
  const values = await currentClientSeats(db, providerId, orgIds);
  await fillGaps(
    db,
    providerId,
    values.map((v) => v.organizationId),
    today,
  );
  await upsertSnapshots(db, providerId, today, values);
}
