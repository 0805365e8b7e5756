// The seat rules of Manage seats and New client (provider-portal.md §5.1–5.2): unassigned and purchased seats, the
// billing effect, the service-user rule and the floor of seats in use.
import { describe, expect, it } from 'vitest';
import { seatEffect, type PlanSeats } from '../../../../../src-shared/contract';

const teams = (o: Partial<PlanSeats> = {}): PlanSeats => ({
  planName: 'Teams (Monthly)',
  seatMinimum: 25,
  purchasedSeats: 0,
  assignedSeats: 10,
  cost: 100,
  cadence: 'Monthly',
  ...o,
});
const change = (o: Partial<Parameters<typeof seatEffect>[0]> = {}) =>
  seatEffect({
    role: 0,
    occupiedSeats: 2,
    currentSeats: 5,
    newSeats: 5,
    plan: teams(),
    discountPercentage: null,
    ...o,
  });

describe('seatEffect', () => {
  it('uses unassigned seats first and buys the rest', () => {
    expect(change({ newSeats: 15 })).toMatchObject({
      change: 10,
      unassignedSeatsBefore: 15,
      unassignedSeatsAfter: 5,
      purchasedSeatsBefore: 0,
      purchasedSeatsAfter: 0,
      additionalSeatsPurchased: 0,
      costChange: 0,
      allowed: true,
      refusal: null,
      message: null,
    });
    expect(change({ newSeats: 25 })).toMatchObject({
      unassignedSeatsAfter: 0,
      purchasedSeatsAfter: 5,
      additionalSeatsPurchased: 5,
      seatPrice: 4,
      costChange: 20,
    });
  });

  it('releases purchased seats when reducing, and applies the discount to prices', () => {
    const plan = teams({ assignedSeats: 35, purchasedSeats: 10, cost: 140 });
    expect(change({ plan, currentSeats: 20, newSeats: 12, discountPercentage: 25 })).toMatchObject({
      change: -8,
      purchasedSeatsBefore: 10,
      purchasedSeatsAfter: 2,
      additionalSeatsPurchased: -8,
      seatPrice: 3,
      costChange: -24,
      allowed: true,
    });
  });

  it('never goes below the seats in use', () => {
    expect(change({ occupiedSeats: 4, newSeats: 3 })).toMatchObject({
      allowed: false,
      refusal: 'belowOccupied',
      message: 'Assigned seats cannot be fewer than the 4 seats in use.',
    });
    expect(change({ occupiedSeats: 1, newSeats: 0 }).message).toBe(
      'Assigned seats cannot be fewer than the 1 seat in use.',
    );
  });

  it('lets a service user hand out unassigned seats only, and none once the provider bought seats', () => {
    expect(change({ role: 1, newSeats: 20 })).toMatchObject({ allowed: true });
    expect(change({ role: 1, newSeats: 21 })).toMatchObject({
      allowed: false,
      refusal: 'serviceUserNoUnassignedSeats',
      message: 'Only 15 unassigned seats are available. Contact your provider admin for additional seats.',
    });
    const bought = teams({ assignedSeats: 30, purchasedSeats: 5, cost: 120 });
    expect(change({ role: 1, plan: bought, newSeats: 6 })).toMatchObject({
      allowed: false,
      refusal: 'serviceUserPurchasedSeats',
    });
    expect(change({ role: 1, plan: bought, newSeats: 4 })).toMatchObject({ allowed: true });
    expect(change({ role: 0, plan: bought, newSeats: 50 })).toMatchObject({
      allowed: true,
      additionalSeatsPurchased: 45,
    });
  });

  it('shows no billing effect without a matching plan (the server still decides)', () => {
    expect(change({ plan: null, role: 1, newSeats: 500 })).toMatchObject({
      planName: null,
      unassignedSeatsBefore: null,
      additionalSeatsPurchased: null,
      seatPrice: null,
      costChange: null,
      allowed: true,
    });
  });
});
