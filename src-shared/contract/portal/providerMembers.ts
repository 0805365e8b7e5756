import { z } from 'zod';
import { emailAddressSchema, fingerprintSchema, guidSchema, providerScope, providerUserTypeSchema } from './common';

/**
 * Members page actions (provider-portal.md §6): invite → the person accepts → a provider admin confirms after
 * comparing the fingerprint phrase (computed in main from the member's public key). Bulk limits as the web portal:
 * 20 emails per invite, 500 members per confirm or remove, 8000 per reinvite.
 */

export const MAX_INVITE_EMAILS = 20;
export const MAX_BULK_MEMBERS = 500;
export const MAX_BULK_REINVITE = 8000;

/** A comma-separated string (as typed in the dialog) or a list; trimmed, de-duplicated, at most 20. */
export const inviteEmailsSchema = z
  .union([z.string().max(20_000), z.array(z.string().max(1000)).max(1000)])
  .transform((value) =>
    (typeof value === 'string' ? value.split(/[,;\n]/) : value).map((e) => e.trim()).filter((e) => e !== ''),
  )
  .pipe(
    z
      .array(emailAddressSchema)
      .min(1, 'Enter at least one email address')
      .transform((emails) => [...new Set(emails.map((e) => e.toLowerCase()))])
      .refine((emails) => emails.length <= MAX_INVITE_EMAILS, `Invite at most ${MAX_INVITE_EMAILS} people at a time`),
  );

export const inviteMembersInputSchema = z
  .object({ ...providerScope, emails: inviteEmailsSchema, type: providerUserTypeSchema })
  .strict();

export const inviteMembersOutputSchema = z.object({
  /** New invitations (an email went to each). */
  invited: z.array(z.object({ id: z.string(), email: z.string() })),
  /** Already invited or already members: skipped, as the server does. */
  skipped: z.array(z.string()),
});

const ids = (max: number) =>
  z
    .array(guidSchema)
    .min(1, 'Select at least one member')
    .max(max, `At most ${max} members at a time`)
    .transform((list) => [...new Set(list)]);

export const providerMemberIdsInputSchema = z.object({ ...providerScope, ids: ids(MAX_BULK_MEMBERS) }).strict();
export const reinviteMembersInputSchema = z.object({ ...providerScope, ids: ids(MAX_BULK_REINVITE) }).strict();

export const providerMemberFingerprintSchema = z.object({
  id: z.string(),
  userId: z.string(),
  fingerprint: z.string(),
});
export const providerConfirmationDetailsOutputSchema = z.object({
  members: z.array(providerMemberFingerprintSchema),
  /** Ids that are not waiting for confirmation (not Accepted, or not in this provider). */
  notAwaiting: z.array(z.string()),
});

/**
 * Confirm one or many. With `fingerprint` (what the admin compared), main refuses that member if the key the server
 * hands out now gives another phrase.
 */
export const confirmMembersInputSchema = z
  .object({
    ...providerScope,
    members: z
      .array(z.object({ id: guidSchema, fingerprint: fingerprintSchema.optional() }).strict())
      .min(1, 'Select at least one member')
      .max(MAX_BULK_MEMBERS, `At most ${MAX_BULK_MEMBERS} members at a time`),
  })
  .strict();

export const changeRoleInputSchema = z
  .object({ ...providerScope, id: guidSchema, type: providerUserTypeSchema })
  .strict();
export const changeRoleOutputSchema = z.object({ id: z.string(), type: z.number().int() });
