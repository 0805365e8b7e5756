// `GET /providers/{pid}/billing/subscription` (ProviderSubscriptionResponse, bitwarden-api.md §6.7) and the
// billing address / payment method kept on the provider (no payment processor).
import type { Kysely, Transaction } from 'kysely';
import type { Database, Provider } from '../../db/schema';
import { isSet, parseJson } from '../../db/values';
import { planFor } from '../plans';
import { cataloguePlan, type ProviderBillingConfig } from './billingConfig';

type DbOrTrx = Kysely<Database> | Transaction<Database>;

export interface BillingAddress {
  country: string;
  postalCode: string;
  line1?: string | null;
  line2?: string | null;
  city?: string | null;
  state?: string | null;
  taxId?: { code: string; value: string } | null;
}

export interface StoredPaymentMethod {
  type: 'card' | 'bankAccount' | 'payPal';
  description: string;
}

const PAYMENT_METHOD_TYPE: Record<StoredPaymentMethod['type'], number> = { card: 0, bankAccount: 1, payPal: 2 };

export const readBillingAddress = (p: Provider) => parseJson<BillingAddress | null>(p.billing_address, null);
export const readPaymentMethod = (p: Provider) => parseJson<StoredPaymentMethod | null>(p.payment_method, null);

export function describePaymentMethod(type: StoredPaymentMethod['type']): StoredPaymentMethod {
  return {
    type,
    description: { card: 'Card on file', bankAccount: 'Bank account on file', payPal: 'PayPal account on file' }[type],
  };
}

function endOfPeriod(now: Date): string {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1)).toISOString();
}

export async function subscriptionResponse(
  db: DbOrTrx,
  provider: Provider,
  cfg: ProviderBillingConfig,
  now = new Date(),
) {
  const plans = await db
    .selectFrom('provider_plans')
    .selectAll()
    .where('provider_id', '=', provider.id)
    .orderBy('plan_type')
    .execute();
  const address = readBillingAddress(provider);
  const payment = readPaymentMethod(provider);
  const enabled = isSet(provider.enabled);
  return {
    status: enabled ? 'active' : 'unpaid',
    currentPeriodEndDate: endOfPeriod(now),
    discountPercentage: provider.discount_percentage,
    collectionMethod: 'send_invoice',
    plans: plans.map((p) => {
      const plan = planFor(p.plan_type);
      const catalogue = cataloguePlan(cfg, p.plan_type);
      return {
        planName: plan?.name ?? String(p.plan_type),
        type: p.plan_type,
        productTier: plan?.productTier ?? 0,
        seatMinimum: p.seat_minimum,
        purchasedSeats: p.purchased_seats,
        assignedSeats: p.allocated_seats,
        cost: Math.round((p.seat_minimum + p.purchased_seats) * (catalogue?.seatPrice ?? 0) * 100) / 100,
        cadence: catalogue?.cadence ?? 'Monthly',
      };
    }),
    accountCredit: 0,
    taxInformation: {
      country: address?.country ?? null,
      postalCode: address?.postalCode ?? null,
      taxId: address?.taxId?.value ?? null,
      taxIdType: address?.taxId?.code ?? null,
      line1: address?.line1 ?? null,
      line2: address?.line2 ?? null,
      city: address?.city ?? null,
      state: address?.state ?? null,
    },
    cancelAt: null,
    suspension: enabled
      ? null
      : { suspensionDate: provider.revision_date, unpaidPeriodEndDate: provider.revision_date, gracePeriod: 0 },
    providerType: provider.type,
    paymentSource: payment
      ? { type: PAYMENT_METHOD_TYPE[payment.type], description: payment.description, needsVerification: false }
      : null,
  };
}
