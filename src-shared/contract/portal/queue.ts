import { z } from 'zod';
import { fingerprintSchema, guidSchema, providerScope } from './common';

/**
 * The cross-client queue (provider-portal.md §14 item 11): across the provider and every client org, the people
 * waiting for confirmation (Accepted) and invitations older than N days (5 by default, when invitations expire),
 * oldest first, with bulk confirm (fingerprints shown and checked) and bulk reinvite.
 */

export const queuePendingInputSchema = z
  .object({ ...providerScope, invitedOlderThanDays: z.number().int().min(0).max(365).default(5) })
  .strict();

export const queueItemSchema = z.object({
  /** `provider`: a provider member (`id` = provider user id); `client`: a member of a client org (org user id). */
  scope: z.enum(['provider', 'client']),
  id: z.string(),
  organizationId: z.string().nullable(),
  providerOrganizationId: z.string().nullable(),
  clientName: z.string().nullable(),
  userId: z.string().nullable(),
  name: z.string().nullable(),
  email: z.string().nullable(),
  /** `accepted`: waiting for confirmation; `invited`: invitation not accepted yet. */
  status: z.enum(['invited', 'accepted']),
  /** Provider: 0 ProviderAdmin, 1 ServiceUser. Client org: 0 Owner, 1 Admin, 2 User, 4 Custom. */
  type: z.number().int(),
  /**
   * When the invitation was made, when known (client org members: the membership's creation; provider members:
   * their latest "invited" event). Null for an invitation older than the event window Provider Desk read.
   */
  invitedAt: z.string().nullable(),
  /** Accepted people: the fingerprint phrase of their public key, to compare before confirming. */
  fingerprint: z.string().nullable(),
});
export type QueueItem = z.infer<typeof queueItemSchema>;

export const queuePendingOutputSchema = z.object({
  items: z.array(queueItemSchema),
  /** Client orgs read (orgs with no pending people are skipped without a request). */
  clientsChecked: z.number().int(),
  /** Client orgs that could not be read, with the reason (the rest of the queue is still shown). */
  problems: z.array(z.object({ organizationId: z.string(), clientName: z.string().nullable(), message: z.string() })),
  /** False for service users: provider members are listed for provider admins only. */
  includesProviderMembers: z.boolean(),
  generatedAt: z.string(),
});

const itemRef = {
  scope: z.enum(['provider', 'client']),
  id: guidSchema,
  /** Required for `client` items. */
  organizationId: guidSchema.optional(),
};
const refine = <T extends { scope: string; organizationId?: string | undefined }>(item: T) =>
  item.scope === 'provider' || !!item.organizationId;

export const queueConfirmInputSchema = z
  .object({
    ...providerScope,
    items: z
      .array(
        z
          .object({ ...itemRef, fingerprint: fingerprintSchema.optional() })
          .strict()
          .refine(refine, 'A client member needs its organizationId'),
      )
      .min(1, 'Select at least one person')
      .max(500, 'At most 500 people at a time'),
  })
  .strict();

export const queueReinviteInputSchema = z
  .object({
    ...providerScope,
    items: z
      .array(z.object(itemRef).strict().refine(refine, 'A client member needs its organizationId'))
      .min(1, 'Select at least one person')
      .max(8000, 'At most 8000 people at a time'),
  })
  .strict();
