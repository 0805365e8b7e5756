/**
 * Key payloads for provider and organization requests (crypto.md §8.3–8.8, bitwarden-api.md §6 and §9).
 * Builders that create keys return `{ payload, secrets }`: `payload` is exactly the key fields of the request
 * body (the caller adds names, emails, tokens and billing), `secrets` are the raw new keys for the session.
 * Builders that only wrap existing keys return the payload alone.
 */
import { rsaEncapsulate, rsaGenerateKeyPair } from './rsa';
import { encryptToString, generateSymmetricKey, wrapSymmetricKey } from './symmetric';

/** `POST /providers/{pid}/setup` `key`: a new provider key wrapped to the caller's own public key (type 4). */
export function makeProviderSetup(userPublicKey: string): {
  payload: { key: string };
  secrets: { providerKey: Uint8Array };
} {
  const providerKey = generateSymmetricKey();
  return { payload: { key: rsaEncapsulate(providerKey, userPublicKey) }, secrets: { providerKey } };
}

/** An org RSA key pair with the private key under the org key (type 2), as `keyPair` / `keys` expect. */
async function makeOrgKeyPair(orgKey: Uint8Array) {
  const { publicKey, privateKey } = await rsaGenerateKeyPair();
  return {
    keyPair: { publicKey, encryptedPrivateKey: encryptToString(privateKey, orgKey) },
    orgPrivateKey: privateKey,
  };
}

export interface ClientOrganizationPayload {
  /** Org key under the provider key (type 2); stored as the ProviderOrganization key. */
  key: string;
  keyPair: { publicKey: string; encryptedPrivateKey: string };
  /** Default collection name under the org key (type 2). */
  collectionName: string;
}

/**
 * `POST /providers/{pid}/clients` key fields; the caller adds `name`, `ownerEmail`, `planType`, `seats`.
 * `collectionName` is the (localized) plain name of the default collection.
 */
export async function makeClientOrganization(
  providerKey: Uint8Array,
  collectionName = 'Default collection',
): Promise<{ payload: ClientOrganizationPayload; secrets: { orgKey: Uint8Array; orgPrivateKey: Uint8Array } }> {
  const orgKey = generateSymmetricKey();
  const { keyPair, orgPrivateKey } = await makeOrgKeyPair(orgKey);
  const payload = {
    key: wrapSymmetricKey(orgKey, providerKey),
    keyPair,
    collectionName: encryptToString(collectionName, orgKey),
  };
  return { payload, secrets: { orgKey, orgPrivateKey } };
}

export interface OrganizationPayload {
  /** Org key wrapped to the creator's public key (type 4); becomes the owner's membership key. */
  key: string;
  keys: { publicKey: string; encryptedPrivateKey: string };
  collectionName: string;
}

/** `POST /organizations` (standalone org, bitwarden-accounts.md §2.1) key fields; used by seeding and tests. */
export async function makeOrganization(
  creatorPublicKey: string,
  collectionName = 'Default collection',
): Promise<{ payload: OrganizationPayload; secrets: { orgKey: Uint8Array; orgPrivateKey: Uint8Array } }> {
  const orgKey = generateSymmetricKey();
  const { keyPair, orgPrivateKey } = await makeOrgKeyPair(orgKey);
  const payload = {
    key: rsaEncapsulate(orgKey, creatorPublicKey),
    keys: keyPair,
    collectionName: encryptToString(collectionName, orgKey),
  };
  return { payload, secrets: { orgKey, orgPrivateKey } };
}

/** `POST /providers/{pid}/clients/existing` (and legacy `/organizations/add`): the org key under the provider key. */
export function makeAddExistingOrganization(
  organizationId: string,
  orgKey: Uint8Array,
  providerKey: Uint8Array,
): { key: string; organizationId: string } {
  return { key: wrapSymmetricKey(orgKey, providerKey), organizationId };
}

/** Provider user confirm `key`: the provider key wrapped to the member's public key (type 4). */
export function makeProviderMemberConfirm(providerKey: Uint8Array, memberPublicKey: string): { key: string } {
  return { key: rsaEncapsulate(providerKey, memberPublicKey) };
}

/**
 * Org member confirm body: the org key wrapped to the member's public key (type 4) and the member's default
 * collection name under the org key ("My Items", as the official CLI sends; `null` leaves it out).
 */
export function makeOrgMemberConfirm(
  orgKey: Uint8Array,
  memberPublicKey: string,
  defaultUserCollectionName: string | null = 'My Items',
): { key: string; defaultUserCollectionName?: string } {
  const key = rsaEncapsulate(orgKey, memberPublicKey);
  if (defaultUserCollectionName === null) return { key };
  return { key, defaultUserCollectionName: encryptToString(defaultUserCollectionName, orgKey) };
}

/** Business-unit setup (crypto.md §8.8): a new provider key to the user, the existing org key under it. */
export function makeBusinessUnitSetup(
  orgKey: Uint8Array,
  userPublicKey: string,
): { payload: { providerKey: string; organizationKey: string }; secrets: { providerKey: Uint8Array } } {
  const { payload, secrets } = makeProviderSetup(userPublicKey);
  return {
    payload: { providerKey: payload.key, organizationKey: wrapSymmetricKey(orgKey, secrets.providerKey) },
    secrets,
  };
}
