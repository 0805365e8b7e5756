import { z } from 'zod';
import { emailAddressSchema, providerScope } from './common';

/** Settings (provider-portal.md §9): the provider's details, editable by provider admins. */

export const providerDetailsSchema = z.object({
  id: z.string(),
  name: z.string().nullable(),
  businessName: z.string().nullable(),
  billingEmail: z.string().nullable(),
  businessAddress1: z.string().nullable(),
  businessAddress2: z.string().nullable(),
  businessAddress3: z.string().nullable(),
  businessCountry: z.string().nullable(),
  businessTaxNumber: z.string().nullable(),
  creationDate: z.string().nullable(),
  /** ProviderType: 0 Msp, 1 Reseller, 2 BusinessUnit. */
  type: z.number().int().nullable(),
});
export type ProviderDetails = z.infer<typeof providerDetailsSchema>;

export const updateProviderDetailsInputSchema = z
  .object({
    ...providerScope,
    name: z.string().trim().min(1, 'Enter the provider name').max(50, 'The name has at most 50 characters'),
    billingEmail: emailAddressSchema,
  })
  .strict();
