// Provider billing configuration (no payment processor): per-seat prices of the plans providers resell, the
// default seat minimums a new provider gets, and invoice terms. Part of the server configuration
// (`providerBilling`, or the PD_PROVIDER_BILLING environment variable as JSON).
import { z } from 'zod';
import { planFor } from '../plans';
import { PlanType } from './enums';

const price = (value: number) => z.number().min(0).max(100_000).default(value);
const seats = (value: number) => z.number().int().min(0).max(1_000_000).default(value);

export const providerBillingSchema = z.object({
  currency: z.string().length(3).default('USD'),
  /** Price per seat per billing period (a month for monthly plans, a year for annual plans). */
  seatPrices: z
    .object({
      teamsMonthly: price(4),
      teamsAnnually: price(48),
      enterpriseMonthly: price(6),
      enterpriseAnnually: price(72),
    })
    .prefault({}),
  /** Seat minimums given to a new provider's plans (`provider-invite` can override them). */
  seatMinimums: z.object({ teams: seats(25), enterprise: seats(25) }).prefault({}),
  invoiceDueDays: z.number().int().min(0).max(120).default(30),
});

export type ProviderBillingConfig = z.output<typeof providerBillingSchema>;

export const defaultProviderBilling = (): ProviderBillingConfig => providerBillingSchema.parse({});

export interface CataloguePlan {
  type: number;
  name: string;
  productTier: number;
  cadence: 'Monthly' | 'Annual';
  /** Per seat per cadence period. */
  seatPrice: number;
  /** Per seat per month (annual price / 12). */
  monthlySeatPrice: number;
}

/** Teams and Enterprise, monthly and annual, with their configured prices. */
export function planCatalogue(cfg: ProviderBillingConfig): CataloguePlan[] {
  const rows: [number, number][] = [
    [PlanType.TeamsMonthly, cfg.seatPrices.teamsMonthly],
    [PlanType.TeamsAnnually, cfg.seatPrices.teamsAnnually],
    [PlanType.EnterpriseMonthly, cfg.seatPrices.enterpriseMonthly],
    [PlanType.EnterpriseAnnually, cfg.seatPrices.enterpriseAnnually],
  ];
  return rows.map(([type, seatPrice]) => {
    const plan = planFor(type)!;
    const annual = plan.isAnnual;
    return {
      type,
      name: plan.name,
      productTier: plan.productTier,
      cadence: annual ? 'Annual' : 'Monthly',
      seatPrice,
      monthlySeatPrice: annual ? seatPrice / 12 : seatPrice,
    };
  });
}

export function cataloguePlan(cfg: ProviderBillingConfig, planType: number): CataloguePlan | undefined {
  return planCatalogue(cfg).find((p) => p.type === planType);
}

/** The configured seat minimum for a plan type (Teams or Enterprise tier). */
export function defaultSeatMinimum(cfg: ProviderBillingConfig, planType: number): number {
  return planFor(planType)?.productTier === 2 ? cfg.seatMinimums.teams : cfg.seatMinimums.enterprise;
}
