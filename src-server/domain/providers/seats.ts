// Seats: used ("occupied") seats per client org, and the provider's plans scaled to what its clients are
// assigned (bitwarden-api.md §6.5–6.6, provider-portal.md §5.2). Only Managed clients (consolidated billing) count.
import type { Kysely, Transaction } from 'kysely';
import type { Database, Provider } from '../../db/schema';
import { nowIso } from '../../db/values';
import { OrgStatus } from './enums';

type DbOrTrx = Kysely<Database> | Transaction<Database>;

export interface SeatUsage {
  /** Invited, Accepted or Confirmed members (Revoked and Staged excluded). */
  occupied: number;
  /** Confirmed members. */
  confirmed: number;
}

export async function seatUsage(db: DbOrTrx, orgIds: readonly string[]): Promise<Map<string, SeatUsage>> {
  const usage = new Map<string, SeatUsage>(orgIds.map((id) => [id, { occupied: 0, confirmed: 0 }]));
  // Kept by triggers on organization_users (migration 004_seat_counts): one row per org, no membership counting.
  for (let i = 0; i < orgIds.length; i += 500) {
    const rows = await db
      .selectFrom('organization_seat_counts')
      .selectAll()
      .where('organization_id', 'in', orgIds.slice(i, i + 500))
      .execute();
    for (const r of rows)
      usage.set(r.organization_id, { occupied: Number(r.occupied), confirmed: Number(r.confirmed) });
  }
  return usage;
}

/** Seats assigned to the provider's Managed clients, per plan type. */
export async function assignedSeatsByPlan(db: DbOrTrx, providerId: string): Promise<Map<number, number>> {
  const rows = await db
    .selectFrom('provider_organizations as po')
    .innerJoin('organizations as o', 'o.id', 'po.organization_id')
    .select(['o.plan_type', (eb) => eb.fn.sum<number | string>('o.seats').as('seats')])
    .where('po.provider_id', '=', providerId)
    .where('o.status', '=', OrgStatus.Managed)
    .groupBy('o.plan_type')
    .execute();
  return new Map(rows.map((r) => [r.plan_type, Number(r.seats ?? 0)]));
}

/**
 * Bitwarden's SeatAdjustmentResultsInPurchase: going from at or below the minimum to above it, or further above
 * it, buys seats.
 */
export function adjustmentPurchasesSeats(currentAssigned: number, newAssigned: number, seatMinimum: number): boolean {
  return (
    (currentAssigned <= seatMinimum && newAssigned > seatMinimum) ||
    (currentAssigned > seatMinimum && newAssigned > currentAssigned)
  );
}

/** Re-derives each provider plan's allocated and purchased seats from its clients (inside the caller's transaction). */
export async function rescaleProviderPlans(trx: DbOrTrx, provider: Pick<Provider, 'id'>): Promise<void> {
  const assigned = await assignedSeatsByPlan(trx, provider.id);
  const plans = await trx.selectFrom('provider_plans').selectAll().where('provider_id', '=', provider.id).execute();
  const now = nowIso();
  for (const plan of plans) {
    const allocated = assigned.get(plan.plan_type) ?? 0;
    const purchased = Math.max(0, allocated - plan.seat_minimum);
    if (allocated === plan.allocated_seats && purchased === plan.purchased_seats) continue;
    await trx
      .updateTable('provider_plans')
      .set({ allocated_seats: allocated, purchased_seats: purchased, revision_date: now })
      .where('id', '=', plan.id)
      .execute();
  }
}

/** Would assigning `delta` more seats on `planType` buy seats? (Plans the provider has no minimum for: any increase.) */
export async function wouldPurchaseSeats(
  db: DbOrTrx,
  providerId: string,
  planType: number,
  delta: number,
): Promise<boolean> {
  if (delta <= 0) return false;
  const plan = await db
    .selectFrom('provider_plans')
    .selectAll()
    .where('provider_id', '=', providerId)
    .where('plan_type', '=', planType)
    .executeTakeFirst();
  const current = (await assignedSeatsByPlan(db, providerId)).get(planType) ?? 0;
  return adjustmentPurchasesSeats(current, current + delta, plan?.seat_minimum ?? 0);
}

/**
 * For the org member routes: provider-managed orgs never autoscale; an invite beyond their seats fails with the
 * message of bitwarden-api.md §7.3 (null when no provider manages the org).
 */
export async function providerSeatLimitMessage(db: DbOrTrx, orgId: string): Promise<string | null> {
  const row = await db
    .selectFrom('provider_organizations as po')
    .innerJoin('providers as p', 'p.id', 'po.provider_id')
    .select('p.type')
    .where('po.organization_id', '=', orgId)
    .executeTakeFirst();
  if (!row) return null;
  return row.type === 1
    ? 'Seat limit has been reached. Contact your provider to purchase additional seats.'
    : 'Seat limit has been reached. Please contact your provider to add more seats.';
}
