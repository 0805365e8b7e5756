// Monthly provider invoices computed from the daily seat snapshots (no payment processor). For each completed UTC
// month: a line per client = Σ over its days of assigned seats × the plan's monthly seat price / days in the month;
// the invoice total bills each provider plan per day at max(seat minimum, seats assigned to its clients), less the
// provider's discount. Invoices are issued once (unique per provider and month) and start "open".
import Papa from 'papaparse';
import type { Kysely, Transaction } from 'kysely';
import type { Database, Provider } from '../../db/schema';
import { newId, nowIso } from '../../db/values';
import { htmlDecode } from '../htmlNames';
import { planFor } from '../plans';
import { cataloguePlan, type ProviderBillingConfig } from './billingConfig';
import { addDays, dayOf } from './snapshots';

type DbOrTrx = Kysely<Database> | Transaction<Database>;

const monthStart = (day: string) => `${day.slice(0, 7)}-01`;
const nextMonth = (start: string) => {
  const d = new Date(`${start}T00:00:00Z`);
  return dayOf(new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1)));
};
const daysBetween = (a: string, b: string) =>
  Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);

interface InvoiceLine {
  organizationId: string;
  clientName: string;
  planType: number;
  assigned: number;
  used: number;
  cents: number;
}

/** Computes one month's lines and total (in cents) from the snapshots. */
export async function computeInvoice(db: DbOrTrx, provider: Provider, cfg: ProviderBillingConfig, periodStart: string) {
  const periodEnd = nextMonth(periodStart);
  const days = daysBetween(periodStart, periodEnd);
  const discount = (100 - (provider.discount_percentage ?? 0)) / 100;
  const snapshots = await db
    .selectFrom('provider_seat_snapshots')
    .selectAll()
    .where('provider_id', '=', provider.id)
    .where('day', '>=', periodStart)
    .where('day', '<', periodEnd)
    .orderBy('day')
    .execute();
  const price = (planType: number) => cataloguePlan(cfg, planType)?.monthlySeatPrice ?? 0;
  const lines = new Map<string, InvoiceLine>();
  const assignedPerPlanDay = new Map<string, number>();
  for (const s of snapshots) {
    const line = lines.get(s.organization_id) ?? {
      organizationId: s.organization_id,
      clientName: s.organization_name,
      planType: s.plan_type,
      assigned: 0,
      used: 0,
      cents: 0,
    };
    line.clientName = s.organization_name;
    line.planType = s.plan_type;
    line.assigned = s.assigned_seats;
    line.used = s.used_seats;
    line.cents += (s.assigned_seats * price(s.plan_type) * 100) / days;
    lines.set(s.organization_id, line);
    const key = `${s.plan_type}|${s.day}`;
    assignedPerPlanDay.set(key, (assignedPerPlanDay.get(key) ?? 0) + s.assigned_seats);
  }
  // Plans bill their minimum on every day the provider existed, even with no clients on them.
  const plans = await db.selectFrom('provider_plans').selectAll().where('provider_id', '=', provider.id).execute();
  const firstDay = [periodStart, provider.creation_date.slice(0, 10)].sort()[1]!;
  let total = 0;
  const planTypes = new Set([...plans.map((p) => p.plan_type), ...[...lines.values()].map((l) => l.planType)]);
  for (const planType of planTypes) {
    const minimum = plans.find((p) => p.plan_type === planType)?.seat_minimum ?? 0;
    for (let d = firstDay; d < periodEnd; d = addDays(d, 1)) {
      const seats = Math.max(minimum, assignedPerPlanDay.get(`${planType}|${d}`) ?? 0);
      total += (seats * price(planType) * 100) / days;
    }
  }
  const items = [...lines.values()]
    .map((l) => ({ ...l, cents: Math.round(l.cents * discount) }))
    .sort((a, b) => a.clientName.localeCompare(b.clientName));
  return { periodStart, periodEnd, items, totalCents: Math.round(total * discount) };
}

/** Issues the invoices of every completed month with snapshots that has none yet. */
export async function issueDueInvoices(
  db: Kysely<Database>,
  provider: Provider,
  cfg: ProviderBillingConfig,
  now = new Date(),
): Promise<number> {
  const first = await db
    .selectFrom('provider_seat_snapshots')
    .select((eb) => eb.fn.min('day').as('day'))
    .where('provider_id', '=', provider.id)
    .executeTakeFirst();
  if (!first?.day) return 0;
  const current = monthStart(dayOf(now));
  let issued = 0;
  for (let start = monthStart(String(first.day)); start < current; start = nextMonth(start)) {
    const exists = await db
      .selectFrom('provider_invoices')
      .select('id')
      .where('provider_id', '=', provider.id)
      .where('period_start', '=', start)
      .executeTakeFirst();
    if (exists) continue;
    const invoice = await computeInvoice(db, provider, cfg, start);
    const id = newId();
    const issuedAt = new Date(`${invoice.periodEnd}T00:00:00Z`);
    const inserted = await db.transaction().execute(async (trx) => {
      const row = await trx
        .insertInto('provider_invoices')
        .values({
          id,
          provider_id: provider.id,
          number: `PD-${start.slice(0, 4)}${start.slice(5, 7)}-${provider.id.slice(0, 8).toUpperCase()}`,
          period_start: start,
          period_end: invoice.periodEnd,
          date: issuedAt.toISOString(),
          due_date: new Date(issuedAt.getTime() + cfg.invoiceDueDays * 86_400_000).toISOString(),
          total_cents: invoice.totalCents,
          status: 'open',
          creation_date: nowIso(),
        })
        .onConflict((oc) => oc.doNothing())
        .returning('id')
        .executeTakeFirst();
      // Another instance sharing the database issued this month's invoice a moment ago (scale-out): keep theirs.
      if (!row) return false;
      const items = invoice.items.map((l) => ({
        invoice_id: id,
        organization_id: l.organizationId,
        client_name: l.clientName,
        plan_type: l.planType,
        assigned_seats: l.assigned,
        used_seats: l.used,
        total_cents: l.cents,
      }));
      for (let i = 0; i < items.length; i += 100)
        await trx
          .insertInto('provider_invoice_items')
          .values(items.slice(i, i + 100))
          .execute();
      return true;
    });
    if (inserted) issued++;
  }
  return issued;
}

/** Marks an invoice paid (bookkeeping outside a payment processor; used by the demo seed). */
export async function setInvoiceStatus(
  db: DbOrTrx,
  invoiceId: string,
  status: 'open' | 'paid' | 'uncollectible',
): Promise<void> {
  await db.updateTable('provider_invoices').set({ status }).where('id', '=', invoiceId).execute();
}

export async function invoiceList(db: DbOrTrx, providerId: string, baseUrl: string) {
  const rows = await db
    .selectFrom('provider_invoices')
    .selectAll()
    .where('provider_id', '=', providerId)
    .orderBy('period_start', 'desc')
    .execute();
  return {
    invoices: rows.map((r) => ({
      id: r.id,
      date: r.date,
      number: r.number,
      total: r.total_cents / 100,
      status: r.status,
      dueDate: r.due_date,
      url: `${baseUrl}/api/providers/${providerId}/billing/invoices/${r.id}`,
    })),
  };
}

export function formatMoney(cents: number, currency: string): string {
  const amount = (cents / 100).toFixed(2);
  return currency === 'USD' ? `$${amount}` : `${amount} ${currency}`;
}

/** The client invoice report (columns of ProviderClientInvoiceReportRow), or null when not this provider's. */
export async function invoiceCsv(
  db: DbOrTrx,
  providerId: string,
  invoiceId: string,
  currency: string,
): Promise<{ csv: string; number: string } | null> {
  const invoice = await db
    .selectFrom('provider_invoices')
    .selectAll()
    .where('id', '=', invoiceId)
    .where('provider_id', '=', providerId)
    .executeTakeFirst();
  if (!invoice) return null;
  const items = await db
    .selectFrom('provider_invoice_items')
    .selectAll()
    .where('invoice_id', '=', invoiceId)
    .orderBy('client_name')
    .execute();
  const csv = Papa.unparse(
    {
      fields: ['Client', 'Id', 'Assigned', 'Used', 'Remaining', 'Plan', 'Estimated total'],
      data: items.map((i) => [
        htmlDecode(i.client_name) ?? '',
        i.organization_id,
        i.assigned_seats,
        i.used_seats,
        i.assigned_seats - i.used_seats,
        planFor(i.plan_type)?.name ?? String(i.plan_type),
        formatMoney(i.total_cents, currency),
      ]),
    },
    { escapeFormulae: true },
  );
  return { csv, number: invoice.number };
}
