/**
 * API calls of the client-org admin console (bitwarden-api.md §7.2, §7.4–§7.11): the org, groups, collections,
 * policies, SSO, import, license and subscription. Members are in `orgMembersApi.ts`.
 */
import { listOf } from './apiSchemas';
import { apiRequest, segment } from './apiRequest';
import {
  collectionSchema,
  groupDetailsSchema,
  licenseSchema,
  organizationSchema,
  orgSubscriptionSchema,
  policyStatusSchema,
  profileOrgsSchema,
  ssoSchema,
  type WireCollection,
  type WireGroup,
  type WireOrganization,
  type WirePolicyStatus,
  type WireSelection,
  type WireSso,
} from './orgAdminSchemas';
import type { Authorized } from './providerApi';

/** `/organizations/{orgId}` plus `rest`, each segment escaped. */
export const orgPath = (orgId: string, ...rest: string[]) =>
  ['/organizations', ...[orgId, ...rest].map(segment)].join('/');

export function fetchProfileOrgs(a: Authorized) {
  return a.http.json(apiRequest(a, 'GET', '/accounts/profile'), profileOrgsSchema);
}

export function fetchOrganization(a: Authorized, orgId: string): Promise<WireOrganization> {
  return a.http.json(apiRequest(a, 'GET', orgPath(orgId)), organizationSchema);
}

// Groups (§7.4)

export interface GroupBody {
  name: string;
  collections: WireSelection[];
  users: string[];
}

export async function fetchGroups(a: Authorized, orgId: string): Promise<WireGroup[]> {
  return (await a.http.json(apiRequest(a, 'GET', orgPath(orgId, 'groups', 'details')), listOf(groupDetailsSchema)))
    .data;
}

export async function createGroup(a: Authorized, orgId: string, body: GroupBody): Promise<{ id: string }> {
  return a.http.json(apiRequest(a, 'POST', orgPath(orgId, 'groups'), { json: body }), groupDetailsSchema);
}

export async function updateGroup(a: Authorized, orgId: string, id: string, body: GroupBody): Promise<void> {
  await a.http.call(apiRequest(a, 'PUT', orgPath(orgId, 'groups', id), { json: body }));
}

export function deleteGroups(a: Authorized, orgId: string, ids: string[]): Promise<void> {
  return a.http.call(apiRequest(a, 'DELETE', orgPath(orgId, 'groups'), { json: { ids } }));
}

// Collections (§7.5)

export interface CollectionBody {
  /** EncString under the org key. */
  name: string;
  externalId?: string | null;
  groups?: WireSelection[];
  users?: WireSelection[];
}

/** With access lists. A provider user calling this logs 1903/1603 (opening the collections view). */
export async function fetchCollectionDetails(a: Authorized, orgId: string): Promise<WireCollection[]> {
  return (await a.http.json(apiRequest(a, 'GET', orgPath(orgId, 'collections', 'details')), listOf(collectionSchema)))
    .data;
}

/** Without access lists (and without the vault-access events). */
export async function fetchCollections(a: Authorized, orgId: string): Promise<WireCollection[]> {
  return (await a.http.json(apiRequest(a, 'GET', orgPath(orgId, 'collections')), listOf(collectionSchema))).data;
}

export function createCollection(a: Authorized, orgId: string, body: CollectionBody): Promise<WireCollection> {
  return a.http.json(apiRequest(a, 'POST', orgPath(orgId, 'collections'), { json: body }), collectionSchema);
}

export function updateCollection(
  a: Authorized,
  orgId: string,
  id: string,
  body: Partial<CollectionBody>,
): Promise<WireCollection> {
  return a.http.json(apiRequest(a, 'PUT', orgPath(orgId, 'collections', id), { json: body }), collectionSchema);
}

export function deleteCollections(a: Authorized, orgId: string, ids: string[]): Promise<void> {
  return a.http.call(apiRequest(a, 'DELETE', orgPath(orgId, 'collections'), { json: { ids } }));
}

// Policies (§7.6)

export async function fetchPolicies(a: Authorized, orgId: string): Promise<WirePolicyStatus[]> {
  return (await a.http.json(apiRequest(a, 'GET', orgPath(orgId, 'policies')), listOf(policyStatusSchema))).data;
}

export function savePolicy(
  a: Authorized,
  orgId: string,
  type: number,
  body: { policy: { enabled: boolean; data: Record<string, unknown> | null }; metadata?: Record<string, unknown> },
): Promise<WirePolicyStatus> {
  return a.http.json(
    apiRequest(a, 'PUT', orgPath(orgId, 'policies', String(type)), { json: body }),
    policyStatusSchema,
  );
}

// SSO (§7.7): saved with POST, there is no PUT.

export function fetchSso(a: Authorized, orgId: string): Promise<WireSso> {
  return a.http.json(apiRequest(a, 'GET', orgPath(orgId, 'sso')), ssoSchema);
}

export function saveSso(
  a: Authorized,
  orgId: string,
  body: { enabled: boolean; identifier: string; data: Record<string, unknown> },
): Promise<WireSso> {
  return a.http.json(apiRequest(a, 'POST', orgPath(orgId, 'sso'), { json: body }), ssoSchema);
}

// Import (§7.8)

export interface ImportOrganizationBody {
  collections: { id?: string; name: string }[];
  ciphers: Record<string, unknown>[];
  collectionRelationships: { key: number; value: number }[];
  folders: [];
  folderRelationships: [];
}

export function importOrganization(a: Authorized, orgId: string, body: ImportOrganizationBody): Promise<void> {
  return a.http.call(
    apiRequest(a, 'POST', '/ciphers/import-organization', { query: { organizationId: orgId }, json: body }),
  );
}

// License and subscription (§7.9, §7.11)

export function fetchLicense(a: Authorized, orgId: string, installationId: string): Promise<Record<string, unknown>> {
  return a.http.json(apiRequest(a, 'GET', orgPath(orgId, 'license'), { query: { installationId } }), licenseSchema);
}

export function fetchOrgSubscription(a: Authorized, orgId: string) {
  return a.http.json(apiRequest(a, 'GET', orgPath(orgId, 'subscription')), orgSubscriptionSchema);
}
