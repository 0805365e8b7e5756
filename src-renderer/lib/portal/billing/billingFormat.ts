/** How billing figures read (provider-portal.md §8): money, plan lines, period words, invoice statuses. */
import type { ProviderSubscription, ProviderSubscriptionPlan } from '$shared/contract/portal/billing';

const usd = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });

export function money(amount: number): string {
  return usd.format(amount);
}

/** `Monthly` → `month`, `Annual` → `year`. */
export function periodWord(cadence: string): string {
  return cadence.toLowerCase().startsWith('annual') ? 'year' : 'month';
}

export function billedSeats(plan: ProviderSubscriptionPlan): number {
  return plan.seatMinimum + plan.purchasedSeats;
}

/** `Teams seats (Monthly) ×100 @ $4.00`: as the web portal's details table words a plan, the price discounted. */
export function planLine(plan: ProviderSubscriptionPlan): string {
  const seats = billedSeats(plan);
  const word = plan.planName.split(/\s+/)[0] ?? plan.planName;
  const each = seats > 0 ? plan.discountedCost / seats : 0;
  return `${word} seats (${plan.cadence}) ×${seats} @ ${money(each)}`;
}

/** Plans the web portal lists: with purchased seats, or with a seat minimum. */
export function activePlans(subscription: ProviderSubscription): ProviderSubscriptionPlan[] {
  return subscription.plans.filter((plan) => plan.active);
}

/** Σ discounted cost of the active plans, each per its own period (the portal's Total row). */
export function subscriptionTotal(subscription: ProviderSubscription): number {
  const total = activePlans(subscription).reduce((sum, plan) => sum + plan.discountedCost, 0);
  return Math.round(total * 100) / 100;
}

const statusLabels: Record<string, string> = {
  active: 'Active',
  trialing: 'Trial',
  past_due: 'Past due',
  unpaid: 'Unpaid',
  canceled: 'Cancelled',
  incomplete: 'Incomplete',
  incomplete_expired: 'Expired',
  paused: 'Paused',
  open: 'Open',
  paid: 'Paid',
  uncollectible: 'Uncollectible',
};

/** A status word for people: `past_due` → `Past due`. */
export function statusLabel(status: string): string {
  const known = statusLabels[status.toLowerCase()];
  if (known) return known;
  const words = status.replaceAll('_', ' ').trim();
  return words ? words[0]!.toUpperCase() + words.slice(1) : 'Unknown';
}

const mediumDate = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

export function dateLabel(iso: string | null | undefined): string {
  if (!iso) return '—';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : mediumDate.format(date);
}
