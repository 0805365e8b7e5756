// Organization license for a self-hosted installation (bitwarden-api.md §7.9): the license fields, a SHA-256
// `hash` of them, an RSA-SHA256 `signature` and a signed JWT `token`, all with this server's license key
// (RSA 2048, kept in `server_keys` as `license_signing`, made on first use).
import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  sign,
  verify,
  type KeyObject,
} from 'node:crypto';
import { SignJWT } from 'jose';
import type { Kysely, Transaction } from 'kysely';
import type { Database, Organization } from '../db/schema';
import { isSet } from '../db/values';
import { htmlDecode } from './htmlNames';
import { readFeatures } from './organizations';
import { planFor } from './plans';

type DbOrTrx = Kysely<Database> | Transaction<Database>;

const KEY_NAME = 'license_signing';
export const LICENSE_VERSION = 16;
const DAY = 24 * 60 * 60 * 1000;

export async function licenseSigningKey(db: DbOrTrx): Promise<KeyObject> {
  const found = await db.selectFrom('server_keys').select('value').where('name', '=', KEY_NAME).executeTakeFirst();
  if (found) return createPrivateKey(found.value);
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  await db
    .insertInto('server_keys')
    .values({ name: KEY_NAME, value: pem })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
  const stored = await db
    .selectFrom('server_keys')
    .select('value')
    .where('name', '=', KEY_NAME)
    .executeTakeFirstOrThrow();
  return createPrivateKey(stored.value);
}

/** The public half, PEM (what a self-hosted installation would trust). */
export async function licensePublicKeyPem(db: DbOrTrx): Promise<string> {
  return createPublicKey(await licenseSigningKey(db))
    .export({ type: 'spki', format: 'pem' })
    .toString();
}

/** The bytes the hash and signature cover: every field except hash, signature and token, in a fixed order. */
export function licenseSignedData(license: Record<string, unknown>): string {
  const data = Object.fromEntries(
    Object.entries(license)
      .filter(([k]) => !['hash', 'signature', 'token'].includes(k))
      .sort(([a], [b]) => a.localeCompare(b)),
  );
  return JSON.stringify(data);
}

export function verifyLicenseSignature(license: Record<string, unknown>, publicKeyPem: string): boolean {
  const data = licenseSignedData(license);
  const hash = createHash('sha256').update(data, 'utf8').digest('base64');
  return (
    hash === license.hash &&
    verify('sha256', Buffer.from(data, 'utf8'), publicKeyPem, Buffer.from(String(license.signature), 'base64'))
  );
}

export async function buildLicense(db: DbOrTrx, org: Organization, installationId: string) {
  const f = readFeatures(org);
  const plan = planFor(org.plan_type);
  const issued = new Date();
  const expires = new Date(issued.getTime() + 365 * DAY);
  const fields = {
    licenseKey: org.license_key,
    installationId,
    id: org.id,
    name: htmlDecode(org.name),
    billingEmail: org.billing_email,
    businessName: htmlDecode(org.business_name),
    enabled: isSet(org.enabled),
    plan: plan?.name ?? 'Custom',
    planType: org.plan_type,
    seats: org.seats,
    maxCollections: org.max_collections,
    usePolicies: f.usePolicies,
    useSso: f.useSso,
    useKeyConnector: f.useKeyConnector,
    useScim: f.useScim,
    useGroups: f.useGroups,
    useEvents: f.useEvents,
    useDirectory: f.useDirectory,
    useTotp: f.useTotp,
    use2fa: f.use2fa,
    useApi: f.useApi,
    useResetPassword: f.useResetPassword,
    maxStorageGb: org.max_storage_gb,
    selfHost: f.selfHost,
    usersGetPremium: f.usersGetPremium,
    useCustomPermissions: f.useCustomPermissions,
    version: LICENSE_VERSION,
    issued: issued.toISOString(),
    refresh: new Date(issued.getTime() + 30 * DAY).toISOString(),
    expires: expires.toISOString(),
    expirationWithoutGracePeriod: expires.toISOString(),
    trial: false,
    licenseType: 1,
    usePasswordManager: f.usePasswordManager,
    useSecretsManager: f.useSecretsManager,
    smSeats: org.sm_seats,
    smServiceAccounts: org.sm_service_accounts,
    useRiskInsights: f.useRiskInsights,
    usePhishingBlocker: f.usePhishingBlocker,
    limitCollectionCreationDeletion: isSet(org.limit_collection_creation) || isSet(org.limit_collection_deletion),
    allowAdminAccessToAllCollectionItems: isSet(org.allow_admin_access_to_all_collection_items),
    useOrganizationDomains: f.useOrganizationDomains,
    useAdminSponsoredFamilies: f.useAdminSponsoredFamilies,
    useAutomaticUserConfirmation: f.useAutomaticUserConfirmation,
    useDisableSmAdsForUsers: f.useDisableSMAdsForUsers,
    useMyItems: f.useMyItems,
    useInviteLinks: f.useInviteLinks,
    usePam: f.usePam,
  };
  const key = await licenseSigningKey(db);
  const data = licenseSignedData(fields);
  const hash = createHash('sha256').update(data, 'utf8').digest('base64');
  const signature = sign('sha256', Buffer.from(data, 'utf8'), key).toString('base64');
  const token = await new SignJWT({ ...fields, hash })
    .setProtectedHeader({ alg: 'RS256', typ: 'JWT' })
    .setIssuer('Provider Desk')
    .setSubject(org.id)
    .setIssuedAt(Math.floor(issued.getTime() / 1000))
    .setExpirationTime(Math.floor(expires.getTime() / 1000))
    .sign(key);
  return { ...fields, hash, signature, token };
}
