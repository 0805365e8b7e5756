import { z } from 'zod';
import { guidSchema, providerScope } from './common';

/**
 * Billing (provider-portal.md §8): the subscription (plans, seat minimums, purchased and assigned seats, discount)
 * and the billing history with each invoice's client report as CSV text for the renderer to save.
 */

const nullableString = z.string().nullable();
const nullableNumber = z.number().nullable();

export const providerSubscriptionPlanSchema = z.object({
  planName: z.string(),
  /** PlanType: 17 TeamsMonthly, 19 EnterpriseMonthly, 20 EnterpriseAnnually, … */
  type: z.number().int(),
  productTier: z.number().int(),
  seatMinimum: z.number().int(),
  purchasedSeats: z.number().int(),
  assignedSeats: z.number().int(),
  /** Seat minimum minus assigned seats, never below 0. */
  unassignedSeats: z.number().int(),
  /** Cost per period of (seatMinimum + purchasedSeats) seats, before the discount. */
  cost: z.number(),
  /** The same after the discount. */
  discountedCost: z.number(),
  cadence: z.string(),
  /** Active as the web portal counts it: purchased seats, or a seat minimum. */
  active: z.boolean(),
});
export type ProviderSubscriptionPlan = z.infer<typeof providerSubscriptionPlanSchema>;

export const providerSubscriptionSchema = z.object({
  status: z.string(),
  currentPeriodEndDate: nullableString,
  discountPercentage: nullableNumber,
  collectionMethod: nullableString,
  plans: z.array(providerSubscriptionPlanSchema),
  /** Σ discounted cost of the active plans, per month (annual plans divided by 12). */
  monthlyTotal: z.number(),
  accountCredit: nullableNumber,
  cancelAt: nullableString,
  suspension: z
    .object({ suspensionDate: nullableString, unpaidPeriodEndDate: nullableString, gracePeriod: nullableNumber })
    .nullable(),
  /** ProviderType: 0 Msp, 1 Reseller, 2 BusinessUnit. */
  providerType: z.number().int().nullable(),
  paymentSource: z.object({ type: z.number().int().nullable(), description: nullableString }).nullable(),
  taxInformation: z
    .object({
      country: nullableString,
      postalCode: nullableString,
      taxId: nullableString,
      taxIdType: nullableString,
      line1: nullableString,
      line2: nullableString,
      city: nullableString,
      state: nullableString,
    })
    .nullable(),
});
export type ProviderSubscription = z.infer<typeof providerSubscriptionSchema>;

export const providerInvoiceSchema = z.object({
  id: z.string(),
  date: z.string(),
  number: z.string(),
  total: z.number(),
  status: z.string(),
  dueDate: nullableString,
});
export type ProviderInvoice = z.infer<typeof providerInvoiceSchema>;

export const invoicesOutputSchema = z.object({ invoices: z.array(providerInvoiceSchema) });

export const invoiceInputSchema = z.object({ ...providerScope, invoiceId: guidSchema }).strict();

/** `bitwarden_provider-billing-history_{yyyyMMdd}_{invoiceNumber}.csv`, `text/csv`. */
export const invoiceFileSchema = z.object({
  fileName: z.string(),
  mimeType: z.literal('text/csv'),
  text: z.string().max(50_000_000),
});
