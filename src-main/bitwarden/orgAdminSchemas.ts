/**
 * Client-org admin answers (bitwarden-api.md §5.4, §7.2–§7.11), read after `camelizeKeys`. Lenient where servers
 * differ by version; strict only about what the admin console needs.
 */
import { z } from 'zod';

const str = z
  .string()
  .nullish()
  .transform((v) => v ?? null);
const int = z
  .number()
  .int()
  .nullish()
  .transform((v) => v ?? null);
const bool = z
  .boolean()
  .nullish()
  .transform((v) => v ?? false);
const id = z.string().min(1);
const list = <T extends z.ZodType>(item: T) =>
  z
    .array(item)
    .nullish()
    .transform((v) => v ?? []);

/** `{ id, readOnly, hidePasswords, manage }` */
export const wireSelectionSchema = z.object({ id, readOnly: bool, hidePasswords: bool, manage: bool });
export type WireSelection = z.output<typeof wireSelectionSchema>;

const featureFlags = {
  usePolicies: bool,
  useSso: bool,
  useGroups: bool,
  useEvents: bool,
  use2fa: bool,
  useResetPassword: bool,
  useCustomPermissions: bool,
  useScim: bool,
  useDirectory: bool,
  useKeyConnector: bool,
  useTotp: bool,
  useApi: bool,
  useOrganizationDomains: bool,
  useActivateAutofillPolicy: bool,
  selfHost: bool,
};

/** `GET /organizations/{id}` (§7.2). */
export const organizationSchema = z.object({
  id,
  name: str,
  planType: int,
  plan: z.object({ name: str, productTier: int }).nullish(),
  seats: int,
  maxAutoscaleSeats: int,
  maxCollections: int,
  maxStorageGb: int,
  ...featureFlags,
});
export type WireOrganization = z.output<typeof organizationSchema>;

/** The profile's org lists (§5.4): enough to find the org key and the provider. */
const profileOrgSchema = z.object({
  id,
  name: str,
  key: str,
  type: int,
  providerId: str,
  providerName: str,
  providerType: int,
  productTierType: int,
  ...featureFlags,
});
export type ProfileOrg = z.output<typeof profileOrgSchema>;

export const profileOrgsSchema = z.object({
  providers: list(z.object({ id, name: str, key: str, type: int, providerType: int })),
  organizations: list(profileOrgSchema),
  providerOrganizations: list(profileOrgSchema),
});
export type ProfileOrgs = z.output<typeof profileOrgsSchema>;

/** `organizationUserUserDetails` (§7.3). */
export const orgUserSchema = z.object({
  id,
  userId: str,
  type: z.number().int(),
  status: z.number().int(),
  name: str,
  email: str,
  permissions: z.record(z.string(), z.unknown()).nullish(),
  twoFactorEnabled: bool,
  resetPasswordEnrolled: bool,
  revocationReason: int,
  collections: list(wireSelectionSchema),
  groups: list(z.string()),
  creationDate: str,
});
export type WireOrgUser = z.output<typeof orgUserSchema>;

export const orgUserPublicKeySchema = z.object({ id, userId: id, key: z.string().min(1) });

export const bulkResponseSchema = z.object({ id, error: str });

/** `groupDetails` (§7.4). */
export const groupDetailsSchema = z.object({
  id,
  name: str,
  externalId: str,
  collections: list(wireSelectionSchema),
});
export type WireGroup = z.output<typeof groupDetailsSchema>;

/** `collection` and `collectionAccessDetails` (§7.5); `name` is an EncString. */
export const collectionSchema = z.object({
  id,
  name: z.string(),
  externalId: str,
  type: int,
  defaultUserCollectionEmail: str,
  groups: list(wireSelectionSchema),
  users: list(wireSelectionSchema),
  unmanaged: bool,
});
export type WireCollection = z.output<typeof collectionSchema>;

/** Policy status (§7.6). */
export const policyStatusSchema = z.object({
  type: z.number().int(),
  enabled: bool,
  data: z.record(z.string(), z.unknown()).nullish(),
  canToggleState: z
    .boolean()
    .nullish()
    .transform((v) => v ?? true),
});
export type WirePolicyStatus = z.output<typeof policyStatusSchema>;

/** `organizationSso` (§7.7). `data` is read field by field by the SSO service. */
export const ssoSchema = z.object({
  enabled: bool,
  identifier: str,
  data: z.record(z.string(), z.unknown()).nullish(),
});
export type WireSso = z.output<typeof ssoSchema>;

/** `GET /organizations/{id}/subscription` (§7.11); only what the subscription page shows. */
export const orgSubscriptionSchema = z.object({
  subscription: z
    .object({
      status: str,
      periodStartDate: str,
      periodEndDate: str,
      cancelled: bool,
      items: list(
        z.object({
          name: str,
          quantity: z
            .number()
            .nullish()
            .transform((v) => v ?? null),
          amount: z
            .number()
            .nullish()
            .transform((v) => v ?? null),
          interval: str,
        }),
      ),
    })
    .nullish(),
});

/** The license (§7.9): a plain object, passed on as JSON text. */
export const licenseSchema = z.record(z.string(), z.unknown());
