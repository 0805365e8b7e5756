import { z } from 'zod';
import { emailAddressSchema, fingerprintSchema, guidSchema } from '../portal/common';
import {
  accessGrantListSchema,
  accessLevelSchema,
  memberRoleSchema,
  memberStatusSchema,
  orgIdListSchema,
  orgInputShape,
  orgPermissionsSchema,
} from './common';

/** Members of a client org (bitwarden-api.md §7.3): list, invite, confirm with the fingerprint, edit, lifecycle. */

export const orgMemberSchema = z.object({
  /** The organization-user id (what every member action takes). */
  id: z.string(),
  userId: z.string().nullable(),
  name: z.string().nullable(),
  email: z.string().nullable(),
  role: memberRoleSchema,
  /** Custom members only; null for the other roles. */
  permissions: orgPermissionsSchema.nullable(),
  status: memberStatusSchema,
  /** RevocationReason when revoked: 0 Unknown, 1 Manual, 2 two-step login, 3 data ownership, 4 single org. */
  revocationReason: z.number().int().nullable(),
  twoFactorEnabled: z.boolean(),
  /** Enrolled in account recovery (the admin can reset their master password). */
  accountRecoveryEnrolled: z.boolean(),
  /** The only confirmed owner: removing, revoking or demoting them is refused. */
  lastConfirmedOwner: z.boolean(),
  collections: z.array(z.object({ id: z.string(), access: accessLevelSchema })),
  groups: z.array(z.string()),
  creationDate: z.string().nullable(),
});
export type OrgMember = z.infer<typeof orgMemberSchema>;

export const membersListOutputSchema = z.object({ members: z.array(orgMemberSchema) });

const email = emailAddressSchema.toLowerCase();

/** Role with its Custom permissions: permissions are allowed (and only meaningful) for `custom`. */
const roleShape = {
  role: memberRoleSchema,
  permissions: orgPermissionsSchema.partial().optional(),
};
const permissionsOnlyForCustom = (v: { role: string; permissions?: object | undefined }) =>
  v.role === 'custom' || v.permissions === undefined || Object.values(v.permissions).every((p) => !p);
const customMessage = { message: 'Permissions can be set for Custom members only.', path: ['permissions'] };

export const membersInviteInputSchema = z
  .object({
    ...orgInputShape,
    emails: z
      .array(email)
      .min(1, 'Enter at least one email address.')
      .max(20, 'You can only invite up to 20 users at a time.')
      .refine((list) => new Set(list).size === list.length, 'Each email address may appear only once.'),
    ...roleShape,
    collections: accessGrantListSchema.default([]),
    groups: z.array(guidSchema).max(1000).default([]),
  })
  .strict()
  .refine(permissionsOnlyForCustom, customMessage);

export const membersInviteOutputSchema = z.object({
  /** Addresses that got an invitation. */
  invited: z.array(z.string()),
  /** Addresses already in the organization (the server skips them). */
  alreadyMembers: z.array(z.string()),
});

export const orgMemberIdsInputSchema = z.object({ ...orgInputShape, ids: orgIdListSchema }).strict();

export const orgConfirmationDetailsOutputSchema = z.object({
  members: z.array(
    z.object({
      id: z.string(),
      name: z.string().nullable(),
      email: z.string().nullable(),
      /** Five words to compare with the member out of band; null when the member cannot be confirmed. */
      fingerprint: z.string().nullable(),
      /** Why not, e.g. the member has not accepted the invitation yet. */
      error: z.string().nullable(),
    }),
  ),
});

/**
 * Confirm one or many. With `fingerprint` (the phrase the user compared), main recomputes it from the key the
 * server hands out now and refuses that member if it differs.
 */
export const membersConfirmInputSchema = z
  .object({
    ...orgInputShape,
    members: z
      .array(z.object({ id: guidSchema, fingerprint: fingerprintSchema.optional() }).strict())
      .min(1, 'Choose at least one member.')
      .max(500),
  })
  .strict();

export const memberUpdateInputSchema = z
  .object({
    ...orgInputShape,
    id: guidSchema,
    ...roleShape,
    /** Replaces the member's direct collection access. */
    collections: accessGrantListSchema,
    /** Replaces the member's groups. */
    groups: z.array(guidSchema).max(1000),
  })
  .strict()
  .refine(permissionsOnlyForCustom, customMessage);
