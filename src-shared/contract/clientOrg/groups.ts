import { z } from 'zod';
import { accessGrantListSchema, accessLevelSchema, orgIdListSchema, orgInputShape } from './common';
import { guidSchema } from '../portal/common';

/** Groups (bitwarden-api.md §7.4): plaintext names, members, and collection access per collection. */

export const orgGroupSchema = z.object({
  id: z.string(),
  name: z.string().nullable(),
  externalId: z.string().nullable(),
  collections: z.array(z.object({ id: z.string(), access: accessLevelSchema })),
  /** Organization-user ids of the members. */
  memberIds: z.array(z.string()),
});
export type OrgGroup = z.infer<typeof orgGroupSchema>;

export const groupsListOutputSchema = z.object({ groups: z.array(orgGroupSchema) });

const groupShape = {
  name: z.string().trim().min(1, 'Enter a name.').max(100, 'At most 100 characters.'),
  collections: accessGrantListSchema.default([]),
  memberIds: z
    .array(guidSchema)
    .max(10_000)
    .transform((ids) => [...new Set(ids)])
    .default([]),
};

export const groupCreateInputSchema = z.object({ ...orgInputShape, ...groupShape }).strict();
/** Replaces name, collection access and members. */
export const groupUpdateInputSchema = z.object({ ...orgInputShape, id: guidSchema, ...groupShape }).strict();
export const groupOutputSchema = z.object({ group: orgGroupSchema });
export const groupsDeleteInputSchema = z.object({ ...orgInputShape, ids: orgIdListSchema }).strict();
export const orgDeletedOutputSchema = z.object({ deleted: z.number().int() });
