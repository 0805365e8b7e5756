import { z } from 'zod';
import { emailAddressSchema, guidSchema, providerScope } from './common';

/**
 * Clients page actions (provider-portal.md §5): create a client, add an existing organization, manage seats (with
 * the billing effect shown first), rename, unlink. Each success refreshes the cached client list through sync.
 */

/** PlanType values a client may be created on: TeamsMonthly 17, EnterpriseMonthly 19, EnterpriseAnnually 20. */
export const clientPlanTypeSchema = z.union([z.literal(17), z.literal(19), z.literal(20)]);

const clientName = z
  .string()
  .trim()
  .min(1, 'Enter the client organization name')
  .max(50, 'The name has at most 50 characters');
const seats = z
  .number()
  .int('Seats are a whole number')
  .min(1, 'Assign at least 1 seat')
  .max(1_000_000, 'That is more seats than a client can have');

export const createClientInputSchema = z
  .object({
    ...providerScope,
    name: clientName,
    ownerEmail: emailAddressSchema,
    planType: clientPlanTypeSchema,
    seats,
  })
  .strict();

export const seatEffectSchema = z.object({
  currentSeats: z.number().int(),
  newSeats: z.number().int(),
  change: z.number().int(),
  minimumSeats: z.number().int(),
  planName: z.string().nullable(),
  unassignedSeatsBefore: z.number().int().nullable(),
  unassignedSeatsAfter: z.number().int().nullable(),
  purchasedSeatsBefore: z.number().int().nullable(),
  purchasedSeatsAfter: z.number().int().nullable(),
  additionalSeatsPurchased: z.number().int().nullable(),
  seatPrice: z.number().nullable(),
  costChange: z.number().nullable(),
  cadence: z.string().nullable(),
  allowed: z.boolean(),
  refusal: z.enum(['belowOccupied', 'serviceUserPurchasedSeats', 'serviceUserNoUnassignedSeats']).nullable(),
  message: z.string().nullable(),
});
export type SeatEffectOutput = z.infer<typeof seatEffectSchema>;

/** The client as the grid shows it after a change (same fields as the synced `ProviderClient`, minus cache flags). */
export const clientSummarySchema = z.object({
  id: z.string(),
  organizationId: z.string(),
  name: z.string().nullable(),
  seats: z.number().int().nullable(),
  occupiedSeats: z.number().int().nullable(),
  remainingSeats: z.number().int().nullable(),
  plan: z.string().nullable(),
});
export type ClientSummary = z.infer<typeof clientSummarySchema>;

export const createClientOutputSchema = z.object({
  /** The new client, or null when it could not be read back (the next sync brings it). */
  client: clientSummarySchema.nullable(),
  /** The owner was invited by email; the client appears with 1 seat used. */
  ownerEmail: z.string(),
  effect: seatEffectSchema,
});

export const addableOrganizationSchema = z.object({
  organizationId: z.string(),
  name: z.string(),
  plan: z.string(),
  seats: z.number().int(),
  /** A service user would have to buy seats to add it (`assignedExceedsAvailable`). */
  disabled: z.boolean(),
});
export const addableOutputSchema = z.object({ organizations: z.array(addableOrganizationSchema) });

export const addExistingInputSchema = z.object({ ...providerScope, organizationId: guidSchema }).strict();
export const addExistingOutputSchema = z.object({ client: clientSummarySchema.nullable() });

const link = { ...providerScope, providerOrganizationId: guidSchema };

export const seatsInputSchema = z
  .object({ ...link, assignedSeats: z.number().int('Seats are a whole number').min(0).max(1_000_000) })
  .strict();
export const updateSeatsOutputSchema = z.object({ client: clientSummarySchema, effect: seatEffectSchema });

export const renameClientInputSchema = z.object({ ...link, name: clientName }).strict();
export const clientOutputSchema = z.object({ client: clientSummarySchema });

/** Unlinking is destructive: the client's name must be typed back (compared trimmed, case-sensitively). */
export const unlinkClientInputSchema = z
  .object({ ...link, confirmName: z.string().trim().min(1, 'Type the client name to confirm').max(200) })
  .strict();
export const unlinkClientOutputSchema = z.object({ organizationId: z.string(), name: z.string().nullable() });
