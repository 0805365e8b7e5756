import { z } from 'zod';

/**
 * Building blocks of the Provider Portal channels (clients, members, billing, settings, links, queue). Inputs name
 * the provider they act on; the account is the active one unless `accountId` is given. Outputs are display data.
 */

export const guidSchema = z
  .string()
  .trim()
  .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, 'Not a valid id')
  .transform((v) => v.toLowerCase());

export const emailAddressSchema = z
  .string()
  .trim()
  .min(3, 'Enter a valid email address')
  .max(256, 'An email address has at most 256 characters')
  .regex(/^[^\s@,;]+@[^\s@,;]+\.[^\s@,;]+$/, 'Enter a valid email address');

/** Every portal input carries these: which provider, and optionally which signed-in account (default: active). */
export const providerScope = {
  providerId: guidSchema,
  accountId: z.string().min(1).max(200).optional(),
};

export const providerInputSchema = z.object(providerScope).strict();

/** One row of a bulk answer: `ok` false with the server's (or Provider Desk's) reason. */
export const bulkItemResultSchema = z.object({
  id: z.string(),
  ok: z.boolean(),
  error: z.string().nullable(),
});
export type PortalBulkItem = z.infer<typeof bulkItemResultSchema>;

export const portalBulkResultSchema = z.object({
  results: z.array(bulkItemResultSchema),
  succeeded: z.number().int(),
  failed: z.number().int(),
});
export type PortalBulkResult = z.infer<typeof portalBulkResultSchema>;

/** ProviderUserType: 0 ProviderAdmin, 1 ServiceUser. */
export const providerUserTypeSchema = z.union([z.literal(0), z.literal(1)]);

/**
 * The fingerprint phrase shown when confirming: five EFF words joined with `-` (crypto.md §9). Some words have a
 * hyphen of their own (`t-shirt`), so only the shape is checked here.
 */
export const fingerprintSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(200)
  .regex(/^[a-z]+(?:-[a-z]+){4,9}$/, 'A fingerprint phrase is five words joined with "-"');
