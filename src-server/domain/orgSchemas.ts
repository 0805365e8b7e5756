// zod pieces shared by the org admin bodies (bitwarden-api.md §7.3–§7.5).
import { z } from 'zod';
import { guid } from '../http/schemas';
import { PERMISSION_NAMES, type PermissionName } from './orgRoles';

/** A GUID in a body, lower-cased (ids are stored lower-case). */
export const lguid = () => guid().transform((v) => v.toLowerCase());

/** `{ id, readOnly, hidePasswords, manage }` */
export const selection = z.object({
  id: lguid(),
  readOnly: z.boolean().default(false),
  hidePasswords: z.boolean().default(false),
  manage: z.boolean().default(false),
});
export type Selection = z.output<typeof selection>;

export const MAX_SELECTIONS = 1000;
export const selections = () => z.array(selection).max(MAX_SELECTIONS);
export const idList = (max = 1000) => z.array(lguid()).min(1).max(max);
export const idsBody = z.object({ ids: idList() });

export const orgUserType = z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(4)], {
  message: 'Not a valid member type.',
});

export const permissionsBody = z.object(
  Object.fromEntries(PERMISSION_NAMES.map((p) => [p, z.boolean().nullish()])) as Record<
    PermissionName,
    z.ZodOptional<z.ZodNullable<z.ZodBoolean>>
  >,
);
export type PermissionsInput = z.output<typeof permissionsBody>;

/** Removes duplicate ids (the last selection for an id wins). */
export function uniqueSelections(list: readonly Selection[]): Selection[] {
  return [...new Map(list.map((s) => [s.id, s])).values()];
}
