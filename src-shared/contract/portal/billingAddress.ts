import { z } from 'zod';

/** A billing address as provider setup takes it (bitwarden-api.md §6.3); the tax id is optional. */
export const billingAddressSchema = z
  .object({
    country: z
      .string()
      .trim()
      .regex(/^[A-Za-z]{2}$/, 'Use a 2-letter country code')
      .transform((v) => v.toUpperCase()),
    postalCode: z.string().trim().min(1, 'Enter the postal code').max(20),
    line1: z.string().trim().max(200).optional(),
    line2: z.string().trim().max(200).optional(),
    city: z.string().trim().max(100).optional(),
    state: z.string().trim().max(100).optional(),
    taxId: z.object({ code: z.string().trim().min(1).max(50), value: z.string().trim().min(1).max(100) }).optional(),
  })
  .strict();
export type BillingAddress = z.infer<typeof billingAddressSchema>;
