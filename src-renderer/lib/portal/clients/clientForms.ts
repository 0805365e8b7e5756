import type { SeatEffect } from '$shared/contract/portal/seats';

/**
 * The client dialogs' field rules, the same as the contract's (`src-shared/contract/portal/clients.ts`) so a
 * mistake is shown at once instead of after a round trip; main validates again. Also the words for a seat
 * change's billing effect (provider-portal.md §5.1–5.2), shared by New client and Manage seats.
 */

export const nameMaxLength = 50;
export const maxSeats = 1_000_000;
const emailPattern = /^[^\s@,;]+@[^\s@,;]+\.[^\s@,;]+$/;

/** How a client name compares with another, as the server compares them: trimmed, ignoring case. */
export function clientNameKey(name: string): string {
  return name.normalize('NFC').trim().toLowerCase();
}

/**
 * `others` are the names of the provider's other clients: a name one of them has is refused (the server refuses it
 * too), since names are how people tell clients apart before acting in one.
 */
export function nameError(name: string, others: readonly (string | null)[] = []): string | undefined {
  const trimmed = name.trim();
  if (trimmed === '') return 'Enter the client organization name';
  if (trimmed.length > nameMaxLength) return `The name has at most ${nameMaxLength} characters`;
  const key = clientNameKey(trimmed);
  const taken = others.find((other) => other !== null && clientNameKey(other) === key);
  if (taken) return `Another client is already named “${taken.trim()}”. Choose a name no other client has`;
  return undefined;
}

export function emailError(email: string): string | undefined {
  const trimmed = email.trim();
  if (trimmed === '') return 'Enter the email address of the client’s owner';
  if (trimmed.length > 256 || !emailPattern.test(trimmed)) return 'Enter a valid email address';
  return undefined;
}

/** `value` as a number input gives it: null when empty or not a number. */
export function seatsError(value: number | null | undefined, min = 1): string | undefined {
  if (value === null || value === undefined || Number.isNaN(value)) return 'Enter a number of seats';
  if (!Number.isInteger(value)) return 'Seats are a whole number';
  if (value < min) {
    return min === 1 ? 'Assign at least 1 seat' : `Assign at least ${min} seats: that many are in use`;
  }
  if (value > maxSeats) return 'That is more seats than a client can have';
  return undefined;
}

export interface NewClientFields {
  name: string;
  ownerEmail: string;
  seats: number | null;
  planType: number | null;
}

export type NewClientErrors = Partial<Record<keyof NewClientFields, string>>;

/** `clientNames`: the provider's clients' names, which a new client may not take. */
export function newClientErrors(
  fields: NewClientFields,
  clientNames: readonly (string | null)[] = [],
): NewClientErrors {
  const errors: NewClientErrors = {
    name: nameError(fields.name, clientNames),
    ownerEmail: emailError(fields.ownerEmail),
    seats: seatsError(fields.seats),
    planType: fields.planType === null ? 'Choose a plan' : undefined,
  };
  return Object.fromEntries(Object.entries(errors).filter(([, error]) => error)) as NewClientErrors;
}

const money = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });

export function formatMoney(amount: number): string {
  return money.format(amount);
}

/** "month" for Monthly plans, "year" for Annual ones. */
export function periodOf(cadence: string | null): string {
  return cadence?.toLowerCase().startsWith('annual') ? 'year' : 'month';
}

const seatsWord = (n: number) => `${n.toLocaleString()} seat${Math.abs(n) === 1 ? '' : 's'}`;
const signed = (n: number) => (n > 0 ? `+${n.toLocaleString()}` : n < 0 ? `−${(-n).toLocaleString()}` : '0');

/**
 * What a seat change does, line by line. The billing lines (seats bought or released and what that costs) are for
 * provider admins only, as in the web portal; everyone sees the seats and the provider's unassigned seats.
 */
export function effectLines(effect: SeatEffect, showBilling: boolean): string[] {
  const lines: string[] = [];
  if (effect.change === 0) lines.push(`Assigned seats stay at ${effect.newSeats.toLocaleString()}.`);
  else {
    lines.push(
      `Assigned seats: ${effect.currentSeats.toLocaleString()} → ${effect.newSeats.toLocaleString()} (${signed(effect.change)}).`,
    );
  }
  if (effect.unassignedSeatsBefore !== null && effect.unassignedSeatsAfter !== null) {
    lines.push(
      effect.unassignedSeatsBefore === effect.unassignedSeatsAfter
        ? `Unassigned provider seats: ${effect.unassignedSeatsAfter.toLocaleString()}.`
        : `Unassigned provider seats: ${effect.unassignedSeatsBefore.toLocaleString()} → ${effect.unassignedSeatsAfter.toLocaleString()}.`,
    );
  }
  if (!showBilling || effect.additionalSeatsPurchased === null) return lines;
  const bought = effect.additionalSeatsPurchased;
  const period = periodOf(effect.cadence);
  const cost =
    effect.costChange === null || effect.costChange === 0
      ? ''
      : `, ${effect.costChange > 0 ? '+' : '−'}${formatMoney(Math.abs(effect.costChange))} per ${period}`;
  if (bought > 0) lines.push(`Additional seats purchased: ${seatsWord(bought)}${cost}.`);
  else if (bought < 0) lines.push(`Purchased seats released: ${seatsWord(-bought)}${cost}.`);
  else lines.push('No change to the bill: the seats are within the provider’s seat minimum.');
  return lines;
}
