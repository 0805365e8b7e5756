// Mapping the subscription for the Billing page, and the invoice file name of the web portal.
import { describe, expect, it } from 'vitest';
import { subscriptionWireSchema } from '../../../../../src-main/bitwarden/portalSchemas';
import { invoiceFileName, toSubscription } from '../../../../../src-main/services/portal/billingService';
import { camelizeKeys } from '../../../../../src-main/bitwarden/camelCase';

describe('toSubscription', () => {
  it('reads either casing, derives unassigned seats, discounted costs and the monthly total', () => {
    const wire = subscriptionWireSchema.parse(
      camelizeKeys({
        Status: 'active',
        CurrentPeriodEndDate: '2026-12-01T00:00:00Z',
        DiscountPercentage: 10,
        CollectionMethod: 'send_invoice',
        Plans: [
          {
            PlanName: 'Teams (Monthly)',
            Type: 17,
            ProductTier: 2,
            SeatMinimum: 25,
            PurchasedSeats: 5,
            AssignedSeats: 30,
            Cost: 120,
            Cadence: 'Monthly',
          },
          {
            PlanName: 'Enterprise (Annually)',
            Type: 20,
            ProductTier: 3,
            SeatMinimum: 10,
            PurchasedSeats: 0,
            AssignedSeats: 4,
            Cost: 720,
            Cadence: 'Annual',
          },
          {
            PlanName: 'Enterprise (Monthly)',
            Type: 19,
            ProductTier: 3,
            SeatMinimum: 0,
            PurchasedSeats: 0,
            AssignedSeats: 0,
            Cost: 0,
            Cadence: 'Monthly',
          },
        ],
        AccountCredit: 0,
        ProviderType: 0,
      }),
    );
    const sub = toSubscription(wire);
    expect(sub.plans.map((p) => [p.type, p.unassignedSeats, p.discountedCost, p.active])).toEqual([
      [17, 0, 108, true],
      [20, 6, 648, true],
      [19, 0, 0, false],
    ]);
    expect(sub.monthlyTotal).toBe(108 + 54);
    expect(sub).toMatchObject({ status: 'active', suspension: null, paymentSource: null, taxInformation: null });
  });
});

describe('invoiceFileName', () => {
  it('names the file as the web portal does, with the local invoice date', () => {
    const date = new Date(2026, 9, 1, 12).toISOString();
    expect(invoiceFileName(date, 'PD-202609-ABCD1234')).toBe(
      'bitwarden_provider-billing-history_20261001_PD-202609-ABCD1234.csv',
    );
    expect(invoiceFileName('2026-10-01', 'A/B C')).toMatch(/_A_B_C\.csv$/);
  });
});
