import { z } from 'zod';
import { accessGrantListSchema, accessLevelSchema, orgIdListSchema, orgInputShape } from './common';
import { guidSchema } from '../portal/common';

/**
 * Collections (bitwarden-api.md §7.5). Names are encrypted with the org key; main decrypts and encrypts them, the
 * renderer sees text. Nesting is by name: `Parent/Child` is a child of `Parent`.
 */

export const orgCollectionSchema = z.object({
  id: z.string(),
  /** The full decrypted name (`Parent/Child`); null when it could not be decrypted. */
  name: z.string().nullable(),
  /** The name split on `/`: the last segment is the collection's own name. */
  path: z.array(z.string()),
  /** The collection whose name is this one's parent path, when there is one. */
  parentId: z.string().nullable(),
  externalId: z.string().nullable(),
  /** `defaultUser`: a member's "My Items" collection (cannot be edited or deleted). */
  kind: z.enum(['shared', 'defaultUser']),
  defaultUserEmail: z.string().nullable(),
  groups: z.array(z.object({ id: z.string(), access: accessLevelSchema })),
  members: z.array(z.object({ id: z.string(), access: accessLevelSchema })),
  /** Nobody can manage it (no member or group holds canManage). */
  unmanaged: z.boolean(),
});
export type OrgCollection = z.infer<typeof orgCollectionSchema>;

export const collectionsListInputSchema = z
  .object({
    ...orgInputShape,
    /**
     * With group and member access (what the collections page shows). Opening it that way is logged as the
     * provider accessing the client's vault (events 1903 and 1603, provider-portal.md §12); pickers pass false.
     */
    includeAccess: z.boolean().default(true),
  })
  .strict();

export const collectionsListOutputSchema = z.object({
  collections: z.array(orgCollectionSchema),
  /** false: `groups` and `members` are empty because access was not asked for. */
  accessIncluded: z.boolean(),
});

/** The longest collection name EncString the server takes (CollectionRequestModel: `EncryptedStringLength(1000)`). */
export const maxEncryptedCollectionName = 1000;

/**
 * The length of the type-2 EncString (`2.<iv>|<data>|<mac>`, AES-256-CBC with HMAC-SHA256) of a `bytes`-long
 * UTF-8 text: a 16-byte IV and 32-byte MAC in base64, and the text padded (PKCS#7) to the next whole 16-byte block.
 */
export function encryptedNameLength(bytes: number): number {
  const base64 = (n: number) => 4 * Math.ceil(n / 3);
  return '2.'.length + base64(16) + 1 + base64(16 * (Math.floor(bytes / 16) + 1)) + 1 + base64(32);
}

/** The longest name, in UTF-8 bytes, whose EncString stays within the server's limit: 687. */
export const maxCollectionNameBytes = (() => {
  let bytes = 0;
  while (encryptedNameLength(bytes + 1) <= maxEncryptedCollectionName) bytes++;
  return bytes;
})();

const utf8Length = (text: string) => new TextEncoder().encode(text).length;

/** A full collection name (parents included) the server would refuse once encrypted: an error to show, if any. */
export function collectionNameLengthError(fullName: string): string | undefined {
  if (utf8Length(fullName) <= maxCollectionNameBytes) return undefined;
  return `Too long: a name, with its parents, has at most ${maxCollectionNameBytes} characters (fewer with accents or emoji).`;
}

/** One name segment, or several joined with `/`; no empty segments. */
const collectionName = z
  .string()
  .trim()
  .min(1, 'Enter a name.')
  .refine((name) => collectionNameLengthError(name) === undefined, {
    message: `Too long: a name has at most ${maxCollectionNameBytes} characters (fewer with accents or emoji).`,
  })
  .refine((name) => name.split('/').every((part) => part.trim().length > 0), 'A name cannot have an empty part.');

export const collectionCreateInputSchema = z
  .object({
    ...orgInputShape,
    name: collectionName,
    /** Nest under this collection: the stored name becomes `<parent name>/<name>`. */
    parentId: guidSchema.optional(),
    externalId: z.string().trim().max(300).optional(),
    groups: accessGrantListSchema.default([]),
    members: accessGrantListSchema.default([]),
  })
  .strict();

export const collectionUpdateInputSchema = z
  .object({
    ...orgInputShape,
    id: guidSchema,
    /** The collection's own name (last segment, or a `/` path); unchanged when omitted. */
    name: collectionName.optional(),
    /** Move under another collection (null: to the top level); unchanged when omitted. */
    parentId: guidSchema.nullable().optional(),
    /** Replace group access; unchanged when omitted. */
    groups: accessGrantListSchema.optional(),
    /** Replace member access; unchanged when omitted. */
    members: accessGrantListSchema.optional(),
  })
  .strict();

export const collectionOutputSchema = z.object({ collection: orgCollectionSchema });
export const collectionsDeleteInputSchema = z.object({ ...orgInputShape, ids: orgIdListSchema }).strict();
