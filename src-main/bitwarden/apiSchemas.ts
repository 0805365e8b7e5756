/**
 * API service answers used by sessions and sync (bitwarden-api.md §5, §6.4–6.5, §6.8, §8.3), read after
 * `camelizeKeys`. Optional fields are lenient (servers differ by version); anything required to show the data is
 * required here.
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

export function listOf<T extends z.ZodType>(item: T) {
  return z.object({
    data: z
      .array(item)
      .nullish()
      .transform((v) => v ?? []),
    continuationToken: str,
  });
}

export const profileProviderSchema = z.object({
  id,
  name: str,
  key: str,
  status: z.number().int(),
  type: z.number().int(),
  enabled: bool,
  useEvents: bool,
  providerStatus: int,
  providerType: int,
});

export const profileProviderOrganizationSchema = z.object({
  id,
  name: str,
  key: str,
  providerId: str,
  enabled: z
    .boolean()
    .nullish()
    .transform((v) => v ?? null),
  productTierType: int,
});

export const profileSchema = z.object({
  id,
  name: str,
  email: z.string(),
  emailVerified: bool,
  premium: bool,
  twoFactorEnabled: bool,
  key: str,
  privateKey: str,
  accountKeys: z
    .object({ publicKeyEncryptionKeyPair: z.object({ wrappedPrivateKey: z.string(), publicKey: str }).nullish() })
    .nullish(),
  providers: z
    .array(profileProviderSchema)
    .nullish()
    .transform((v) => v ?? []),
  providerOrganizations: z
    .array(profileProviderOrganizationSchema)
    .nullish()
    .transform((v) => v ?? []),
});
export type Profile = z.output<typeof profileSchema>;

/** `GET /providers/{pid}/organizations` items (§6.5). `id` is the ProviderOrganization id. */
export const providerOrganizationSchema = z.object({
  id,
  organizationId: id,
  key: str,
  userCount: int,
  seats: int,
  occupiedSeats: int,
  remainingSeats: int,
  plan: str,
  organizationName: str,
  creationDate: str,
});
export type ProviderOrganization = z.output<typeof providerOrganizationSchema>;

/** `GET /providers/{pid}/users` items (§6.4). */
export const providerUserSchema = z.object({
  id,
  userId: str,
  type: z.number().int(),
  status: z.number().int(),
  name: str,
  email: str,
});
export type ProviderUser = z.output<typeof providerUserSchema>;

/** `object: "event"` (§8.3). */
export const eventSchema = z.object({
  type: z.number().int(),
  date: z.string().min(1),
  actingUserId: str,
  userId: str,
  organizationId: str,
  organizationUserId: str,
  providerId: str,
  providerUserId: str,
  providerOrganizationId: str,
  cipherId: str,
  collectionId: str,
  groupId: str,
  policyId: str,
  installationId: str,
  deviceType: int,
  ipAddress: str,
  systemUser: int,
  domainName: str,
  secretId: str,
  projectId: str,
  serviceAccountId: str,
  grantedServiceAccountId: str,
  sendId: str,
});
export type WireEvent = z.output<typeof eventSchema>;
