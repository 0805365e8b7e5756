import { z } from 'zod';
import { bulkItemResultSchema, guidSchema } from '../portal/common';

/**
 * Pieces every client-org channel shares (bitwarden-api.md §7): the org input, member roles, Custom permissions,
 * collection access levels and per-id results of bulk actions. Display data only crosses the bridge.
 */

const accountId = z.string().min(1).max(200);

/** Every `org.*` channel names the client org; `accountId` defaults to the active account. */
export const orgInputShape = { accountId: accountId.optional(), organizationId: guidSchema };
export const orgInputSchema = z.object(orgInputShape).strict();
export type OrgInput = z.input<typeof orgInputSchema>;

/** 1–500 ids, duplicates removed. */
export const orgIdListSchema = z
  .array(guidSchema)
  .min(1, 'Choose at least one.')
  .max(500)
  .transform((ids) => [...new Set(ids)]);

/** OrganizationUserType: Owner 0, Admin 1, User 2, Custom 4. */
export const memberRoles = ['owner', 'admin', 'user', 'custom'] as const;
export const memberRoleSchema = z.enum(memberRoles);
export type MemberRole = z.infer<typeof memberRoleSchema>;

/** OrganizationUserStatusType: Revoked −1, Invited 0, Accepted 1, Confirmed 2, Staged 3. */
export const memberStatuses = ['revoked', 'invited', 'accepted', 'confirmed', 'staged'] as const;
export const memberStatusSchema = z.enum(memberStatuses);
export type MemberStatus = z.infer<typeof memberStatusSchema>;

/** The `Permissions` flags a Custom member can hold (bitwarden-api.md §7.3). */
export const orgPermissionNames = [
  'accessEventLogs',
  'accessImportExport',
  'accessReports',
  'createNewCollections',
  'editAnyCollection',
  'deleteAnyCollection',
  'manageGroups',
  'managePolicies',
  'manageSso',
  'manageUsers',
  'manageResetPassword',
  'manageScim',
  'manageAccessRules',
] as const;
export type OrgPermissionName = (typeof orgPermissionNames)[number];

export const orgPermissionsSchema = z
  .object(
    Object.fromEntries(orgPermissionNames.map((name) => [name, z.boolean().default(false)])) as Record<
      OrgPermissionName,
      z.ZodDefault<z.ZodBoolean>
    >,
  )
  .strict();
export type OrgPermissions = z.output<typeof orgPermissionsSchema>;

/**
 * Access to a collection, as the web client names it. On the wire: `manage` → canManage; `readOnly` and
 * `hidePasswords` → canViewExceptPasswords; `readOnly` → canView; `hidePasswords` → canEditExceptPasswords;
 * none → canEdit.
 */
export const accessLevels = [
  'canView',
  'canViewExceptPasswords',
  'canEdit',
  'canEditExceptPasswords',
  'canManage',
] as const;
export const accessLevelSchema = z.enum(accessLevels);
export type AccessLevel = z.infer<typeof accessLevelSchema>;

/** Who or what (collection, group, member) gets access at which level; at most one entry per id. */
export const accessGrantSchema = z.object({ id: guidSchema, access: accessLevelSchema }).strict();
export type AccessGrant = z.output<typeof accessGrantSchema>;
export const accessGrantListSchema = z
  .array(accessGrantSchema)
  .max(1000)
  .refine((list) => new Set(list.map((g) => g.id)).size === list.length, 'Each entry may appear only once.');

/** The answer of a bulk action: one line per id, `error` being the server's (or Provider Desk's) reason. */
export const orgBulkResultSchema = z.object({
  results: z.array(
    bulkItemResultSchema.extend({
      /** Refused because the organization would be left without a confirmed owner. */
      lastOwner: z.boolean(),
    }),
  ),
  succeeded: z.number().int(),
  failed: z.number().int(),
});
export type OrgBulkResult = z.infer<typeof orgBulkResultSchema>;
