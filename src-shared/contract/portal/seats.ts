/**
 * Seat arithmetic of the Manage seats and New client dialogs (provider-portal.md §5.1–5.2), shared so the renderer
 * can show the effect as the number changes and main applies the same rules before it saves.
 *
 * A provider plan has a seat minimum (billed whether used or not). Seats assigned to clients up to the minimum are
 * free to hand out ("unassigned seats"); seats beyond it are purchased and billed on top.
 */

/** One plan of `billing.subscription` as the rules need it. */
export interface PlanSeats {
  planName: string;
  seatMinimum: number;
  purchasedSeats: number;
  /** Seats assigned to this plan's clients, all together. */
  assignedSeats: number;
  /** Cost per period of (seatMinimum + purchasedSeats) seats, before the discount. */
  cost: number;
  cadence: string;
}

export interface SeatChange {
  /** The acting user's role in the provider: 0 ProviderAdmin, 1 ServiceUser. */
  role: number;
  /** Seats in use by the client (its floor); 0 for a new client. */
  occupiedSeats: number;
  currentSeats: number;
  newSeats: number;
  /** The provider plan the client is on; null when it cannot be matched (no billing effect shown). */
  plan: PlanSeats | null;
  discountPercentage: number | null;
}

export type SeatRefusal = 'belowOccupied' | 'serviceUserPurchasedSeats' | 'serviceUserNoUnassignedSeats';

export interface SeatEffect {
  currentSeats: number;
  newSeats: number;
  change: number;
  minimumSeats: number;
  planName: string | null;
  unassignedSeatsBefore: number | null;
  unassignedSeatsAfter: number | null;
  purchasedSeatsBefore: number | null;
  purchasedSeatsAfter: number | null;
  /** Seats bought (positive) or released (negative) by this change. */
  additionalSeatsPurchased: number | null;
  /** Price of one seat per `cadence` period, after the discount. */
  seatPrice: number | null;
  /** Change of the provider's bill per `cadence` period (after the discount). */
  costChange: number | null;
  cadence: string | null;
  allowed: boolean;
  refusal: SeatRefusal | null;
  message: string | null;
}

export const PROVIDER_ADMIN = 0;
export const SERVICE_USER = 1;

const cents = (n: number) => Math.round(n * 100) / 100;

export function seatEffect(c: SeatChange): SeatEffect {
  const change = c.newSeats - c.currentSeats;
  const plan = c.plan;
  const unassigned = (assigned: number) => (plan ? Math.max(0, plan.seatMinimum - assigned) : null);
  const purchased = (assigned: number) => (plan ? Math.max(0, assigned - plan.seatMinimum) : null);
  const before = plan?.assignedSeats ?? 0;
  const purchasedBefore = purchased(before);
  const purchasedAfter = purchased(before + change);
  const additional = purchasedBefore === null || purchasedAfter === null ? null : purchasedAfter - purchasedBefore;
  const billedSeats = plan ? plan.seatMinimum + plan.purchasedSeats : 0;
  const discount = (100 - (c.discountPercentage ?? 0)) / 100;
  const seatPrice = plan && billedSeats > 0 ? cents((plan.cost / billedSeats) * discount) : null;
  const refusal = refusalOf(c, change, unassigned(before));
  return {
    currentSeats: c.currentSeats,
    newSeats: c.newSeats,
    change,
    minimumSeats: c.occupiedSeats,
    planName: plan?.planName ?? null,
    unassignedSeatsBefore: unassigned(before),
    unassignedSeatsAfter: unassigned(before + change),
    purchasedSeatsBefore: purchasedBefore,
    purchasedSeatsAfter: purchasedAfter,
    additionalSeatsPurchased: additional,
    seatPrice,
    costChange: seatPrice === null || additional === null ? null : cents(additional * seatPrice),
    cadence: plan?.cadence ?? null,
    allowed: refusal === null,
    refusal,
    message: refusal ? refusalMessage(refusal, c, unassigned(before) ?? 0) : null,
  };
}

function refusalOf(c: SeatChange, change: number, unassignedBefore: number | null): SeatRefusal | null {
  if (c.newSeats < c.occupiedSeats) return 'belowOccupied';
  if (c.role !== SERVICE_USER || change <= 0 || !c.plan) return null;
  // Service users may only hand out seats the provider already pays for (manage-client-subscription-dialog).
  if (c.plan.purchasedSeats > 0) return 'serviceUserPurchasedSeats';
  if (change > (unassignedBefore ?? 0)) return 'serviceUserNoUnassignedSeats';
  return null;
}

function refusalMessage(refusal: SeatRefusal, c: SeatChange, unassigned: number): string {
  const contact = 'Contact your provider admin for additional seats.';
  if (refusal === 'belowOccupied') {
    return `Assigned seats cannot be fewer than the ${c.occupiedSeats} seat${c.occupiedSeats === 1 ? '' : 's'} in use.`;
  }
  if (refusal === 'serviceUserPurchasedSeats') return `This provider has no unassigned seats left. ${contact}`;
  return `Only ${unassigned} unassigned seat${unassigned === 1 ? ' is' : 's are'} available. ${contact}`;
}
