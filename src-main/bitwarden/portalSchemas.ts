/**
 * Answers of the provider and client-org admin endpoints the portal calls (bitwarden-api.md §6.3–6.7, §7.3), read
 * after `camelizeKeys`, so either casing parses. Lenient on optional fields, strict on what the portal shows.
 */
import { z } from 'zod';
import { listOf } from './apiSchemas';

const str = z
  .string()
  .nullish()
  .transform((v) => v ?? null);
const int = z
  .number()
  .int()
  .nullish()
  .transform((v) => v ?? null);
const num = z
  .number()
  .nullish()
  .transform((v) => v ?? null);
const bool = z
  .boolean()
  .nullish()
  .transform((v) => v ?? false);
const id = z.string().min(1);
const array = <T extends z.ZodType>(item: T) =>
  z
    .array(item)
    .nullish()
    .transform((v) => v ?? []);

/** `object: "provider"` (§6.3). */
export const providerWireSchema = z.object({
  id,
  name: str,
  businessName: str,
  businessAddress1: str,
  businessAddress2: str,
  businessAddress3: str,
  businessCountry: str,
  businessTaxNumber: str,
  billingEmail: str,
  creationDate: str,
  type: int,
});
export type ProviderWire = z.output<typeof providerWireSchema>;

/** Bulk answers: `{ id, error }` per id, `error` empty on success (§6.4, §7.3). */
export const bulkAnswerSchema = listOf(z.object({ id, error: str }));

/** `POST …/users/public-keys`: Accepted users only (§6.4, §7.3). */
export const publicKeysSchema = listOf(z.object({ id, userId: id, key: z.string().min(1) }));
export type PublicKeyRow = z.output<typeof publicKeysSchema>['data'][number];

/** `GET /providers/{pid}/clients/addable`: a plain array (§6.6). */
export const addableSchema = z.array(
  z.object({
    id,
    name: z
      .string()
      .nullish()
      .transform((v) => v ?? ''),
    plan: z
      .string()
      .nullish()
      .transform((v) => v ?? ''),
    seats: z
      .number()
      .int()
      .nullish()
      .transform((v) => v ?? 0),
    disabled: bool,
  }),
);

/** `ProviderSubscriptionResponse` (§6.7). */
export const subscriptionWireSchema = z.object({
  status: str,
  currentPeriodEndDate: str,
  discountPercentage: num,
  collectionMethod: str,
  plans: array(
    z.object({
      planName: z.string(),
      type: z.number().int(),
      productTier: z
        .number()
        .int()
        .nullish()
        .transform((v) => v ?? 0),
      seatMinimum: z.number().int(),
      purchasedSeats: z.number().int(),
      assignedSeats: z.number().int(),
      cost: z.number(),
      cadence: z
        .string()
        .nullish()
        .transform((v) => v ?? 'Monthly'),
    }),
  ),
  accountCredit: num,
  taxInformation: z
    .object({
      country: str,
      postalCode: str,
      taxId: str,
      taxIdType: str,
      line1: str,
      line2: str,
      city: str,
      state: str,
    })
    .nullish()
    .transform((v) => v ?? null),
  cancelAt: str,
  suspension: z
    .object({ suspensionDate: str, unpaidPeriodEndDate: str, gracePeriod: num })
    .nullish()
    .transform((v) => v ?? null),
  providerType: int,
  paymentSource: z
    .object({ type: int, description: str })
    .nullish()
    .transform((v) => v ?? null),
});
export type SubscriptionWire = z.output<typeof subscriptionWireSchema>;

/** `GET /providers/{pid}/billing/invoices` (§6.7). */
export const invoicesWireSchema = z.object({
  invoices: array(
    z.object({
      id,
      date: z.string().min(1),
      number: z
        .string()
        .nullish()
        .transform((v) => v ?? ''),
      total: z.number(),
      status: z
        .string()
        .nullish()
        .transform((v) => v ?? ''),
      dueDate: str,
    }),
  ),
});

/** `GET /organizations/{orgId}/users` items (§7.3), the fields the queue reads. */
export const orgUserSchema = z.object({
  id,
  userId: str,
  type: z.number().int(),
  status: z.number().int(),
  name: str,
  email: str,
  creationDate: str,
});
export type OrgUser = z.output<typeof orgUserSchema>;

/** The caller's own org memberships from `GET /accounts/profile` (`organizations[]`, type 4 keys). */
export const profileOrganizationsSchema = z.object({
  organizations: array(z.object({ id, key: str, type: int, status: int, name: str })),
});
