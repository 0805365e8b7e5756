// The `profile` object (sync and GET /accounts/profile; bitwarden-accounts.md §3.1, api §5.2).
import type { Kysely, Transaction } from 'kysely';
import type { Database, User } from '../db/schema';
import { isSet } from '../db/values';
import { profileOrganizations, userMemberships } from './memberships';
import { readFeatures } from './organizations';
import { OrgUserStatus } from './orgRoles';
import { enabledProviders } from './twoFactor';
import { accountKeys } from './users';

type DbOrTrx = Kysely<Database> | Transaction<Database>;

/** Issue 5 fills these (provider memberships and their client orgs). */
export interface ProviderProfileParts {
  providers: unknown[];
  providerOrganizations: unknown[];
}

export type ProviderProfileLoader = (db: DbOrTrx, userId: string) => Promise<ProviderProfileParts>;

let providerLoader: ProviderProfileLoader = async () => ({ providers: [], providerOrganizations: [] });

/** Issue 5 registers the loader for `providers` / `providerOrganizations`. */
export function setProviderProfileLoader(loader: ProviderProfileLoader): void {
  providerLoader = loader;
}

export async function profileResponse(db: DbOrTrx, user: User) {
  const memberships = await userMemberships(db, user.id, [OrgUserStatus.Accepted, OrgUserStatus.Confirmed]);
  const confirmed = memberships.filter((m) => m.membership.status === OrgUserStatus.Confirmed);
  const twoFactor = await enabledProviders(db, user.id);
  const providerParts = await providerLoader(db, user.id);
  return {
    object: 'profile',
    id: user.id,
    name: user.name,
    email: user.email,
    emailVerified: isSet(user.email_verified),
    premium: isSet(user.premium),
    premiumFromOrganization: confirmed.some((m) => readFeatures(m.org).usersGetPremium),
    culture: user.culture,
    twoFactorEnabled: twoFactor.length > 0,
    key: user.key,
    privateKey: user.private_key,
    accountKeys: accountKeys(user),
    securityStamp: user.security_stamp,
    forcePasswordReset: isSet(user.force_password_reset),
    usesKeyConnector: false,
    avatarColor: user.avatar_color,
    creationDate: user.creation_date,
    verifyDevices: isSet(user.verify_devices),
    organizations: profileOrganizations(confirmed),
    organizationsNew: profileOrganizations(memberships),
    providers: providerParts.providers,
    providerOrganizations: providerParts.providerOrganizations,
  };
}
