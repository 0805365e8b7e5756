/** Billing reads (provider-portal.md §8): subscription with derived totals, invoices, an invoice's CSV report. */
import { DeskError, type ProviderSubscription, type ProviderSubscriptionPlan } from '../../../src-shared/contract';
import type { SubscriptionWire } from '../../bitwarden/portalSchemas';
import { fetchInvoiceCsv, fetchInvoices, fetchSubscription } from '../../bitwarden/providerBillingApi';
import type { Parsed } from './parsed';
import type { PortalContext } from './portalContext';

const cents = (n: number) => Math.round(n * 100) / 100;

export function toSubscription(wire: SubscriptionWire): ProviderSubscription {
  const factor = (100 - (wire.discountPercentage ?? 0)) / 100;
  const plans: ProviderSubscriptionPlan[] = wire.plans.map((p) => ({
    planName: p.planName,
    type: p.type,
    productTier: p.productTier,
    seatMinimum: p.seatMinimum,
    purchasedSeats: p.purchasedSeats,
    assignedSeats: p.assignedSeats,
    unassignedSeats: Math.max(0, p.seatMinimum - p.assignedSeats),
    cost: p.cost,
    discountedCost: cents(p.cost * factor),
    cadence: p.cadence,
    // As the web portal lists plans: with purchased seats, or with a seat minimum.
    active: p.purchasedSeats > 0 || p.seatMinimum > 0,
  }));
  const monthlyTotal = plans
    .filter((p) => p.active)
    .reduce((sum, p) => sum + (p.cadence === 'Annual' ? p.discountedCost / 12 : p.discountedCost), 0);
  return {
    status: wire.status ?? 'unknown',
    currentPeriodEndDate: wire.currentPeriodEndDate,
    discountPercentage: wire.discountPercentage,
    collectionMethod: wire.collectionMethod,
    plans,
    monthlyTotal: cents(monthlyTotal),
    accountCredit: wire.accountCredit,
    cancelAt: wire.cancelAt,
    suspension: wire.suspension,
    providerType: wire.providerType,
    paymentSource: wire.paymentSource,
    taxInformation: wire.taxInformation,
  };
}

/** `bitwarden_provider-billing-history_{yyyyMMdd}_{invoiceNumber}.csv`, the date local as the web portal shows it. */
export function invoiceFileName(date: string, number: string): string {
  const d = new Date(date);
  const ymd = Number.isNaN(d.getTime())
    ? date.slice(0, 10).replaceAll('-', '')
    : `${d.getFullYear()}${String(d.getMonth() + 1).padStart(2, '0')}${String(d.getDate()).padStart(2, '0')}`;
  const safeNumber = number.replace(/[^\w.-]+/g, '_');
  return `bitwarden_provider-billing-history_${ymd}_${safeNumber}.csv`;
}

export function createBillingService(ctx: PortalContext) {
  return {
    async subscription(input: Parsed<'billing.subscription'>) {
      const accountId = ctx.accountOf(input.accountId);
      return toSubscription(await ctx.call(accountId, (a) => fetchSubscription(a, input.providerId)));
    },
    async invoices(input: Parsed<'billing.invoices'>) {
      const accountId = ctx.accountOf(input.accountId);
      const invoices = await ctx.call(accountId, (a) => fetchInvoices(a, input.providerId));
      return { invoices };
    },
    async downloadInvoice(input: Parsed<'billing.downloadInvoice'>) {
      const accountId = ctx.accountOf(input.accountId);
      const invoices = await ctx.call(accountId, (a) => fetchInvoices(a, input.providerId));
      const invoice = invoices.find((i) => i.id.toLowerCase() === input.invoiceId);
      if (!invoice) throw new DeskError('not_found', 'That invoice is not in this provider’s billing history.');
      const text = await ctx.call(accountId, (a) => fetchInvoiceCsv(a, input.providerId, invoice.id));
      return { fileName: invoiceFileName(invoice.date, invoice.number), mimeType: 'text/csv' as const, text };
    },
  };
}
