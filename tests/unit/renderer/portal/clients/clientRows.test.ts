import { describe, expect, it } from 'vitest';
import { effectLines, emailError, seatsError } from '../../../../../src-renderer/lib/portal/clients/clientForms';
import {
  ClientFilter,
  clientStatus,
  countText,
  planLabel,
} from '../../../../../src-renderer/lib/portal/clients/clientRows';
import { client, seatEffectOf } from './clientFixtures';

describe('client rows', () => {
  it('filters by a substring of the name, ignoring case and accents, keeping the order', () => {
    const rows = [client('Zürich Bank'), client('Acme Corp'), client('Bank of Acme'), client('', { name: null })];
    const filter = new ClientFilter();
    expect(filter.filter(rows, 'zur').map((r) => r.name)).toEqual(['Zürich Bank']);
    expect(filter.filter(rows, ' BANK ').map((r) => r.name)).toEqual(['Zürich Bank', 'Bank of Acme']);
    expect(filter.filter(rows, '')).toBe(rows);
  });

  it('keeps one folded search key per row for the list, made again for a new list', () => {
    const rows = [client('Zürich Bank'), client('ÅSA Dental'), client('', { name: null })];
    const filter = new ClientFilter();
    const keys = filter.searchKeys(rows);
    expect(keys).toEqual(['zurich bank', 'asa dental', '']);
    expect(filter.searchKeys(rows)).toBe(keys);
    const more = [...rows, client('Ökotech')];
    expect(filter.searchKeys(more)).toEqual(['zurich bank', 'asa dental', '', 'okotech']);
    expect(filter.filter(more, 'OKO').map((r) => r.name)).toEqual(['Ökotech']);
  });

  it('reads plan and status as the grid shows them', () => {
    expect(planLabel('Enterprise (Monthly)')).toBe('Enterprise');
    expect(planLabel('Enterprise (Annually)')).toBe('Enterprise (Annually)');
    expect(clientStatus(client('A', { enabled: false })).label).toBe('Disabled');
    expect(clientStatus(client('A', { keyAvailable: false })).label).toBe('No key access');
    expect(clientStatus(client('A', { seats: 2, occupiedSeats: 3 })).tone).toBe('danger');
    expect(clientStatus(client('A')).label).toBe('Active');
    expect(countText(3, 3)).toBe('3 clients');
    expect(countText(1, 5000)).toBe('1 of 5,000 clients');
  });
});

describe('client forms', () => {
  it('checks emails and seats as the contract does', () => {
    expect(emailError('owner@acme.example')).toBeUndefined();
    expect(emailError('owner@acme')).toBe('Enter a valid email address');
    expect(emailError('a b@acme.example')).toBe('Enter a valid email address');
    expect(seatsError(null)).toBe('Enter a number of seats');
    expect(seatsError(4, 4)).toBeUndefined();
    expect(seatsError(3, 4)).toBe('Assign at least 4 seats: that many are in use');
    expect(seatsError(1_000_001)).toBe('That is more seats than a client can have');
  });

  it('words a seat change, with billing lines only when asked', () => {
    const bought = seatEffectOf({
      currentSeats: 10,
      newSeats: 14,
      change: 4,
      unassignedSeatsBefore: 1,
      unassignedSeatsAfter: 0,
      additionalSeatsPurchased: 3,
      costChange: 12,
      cadence: 'Annual',
    });
    expect(effectLines(bought, true)).toEqual([
      'Assigned seats: 10 → 14 (+4).',
      'Unassigned provider seats: 1 → 0.',
      'Additional seats purchased: 3 seats, +$12.00 per year.',
    ]);
    expect(effectLines(bought, false)).toHaveLength(2);
    const released = seatEffectOf({ newSeats: 8, change: -2, additionalSeatsPurchased: -2, costChange: -8 });
    expect(effectLines(released, true).at(-1)).toBe('Purchased seats released: 2 seats, −$8.00 per month.');
    expect(effectLines(seatEffectOf({ additionalSeatsPurchased: 0 }), true).at(-1)).toContain('No change to the bill');
  });
});
