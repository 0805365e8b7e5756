/**
 * Client-org member calls the portal's cross-client queue and "add existing organization" use
 * (bitwarden-api.md §5.4, §7.3).
 */
import { listOf } from './apiSchemas';
import { apiRequest, segment } from './apiRequest';
import {
  bulkAnswerSchema,
  orgUserSchema,
  profileOrganizationsSchema,
  publicKeysSchema,
  type OrgUser,
  type PublicKeyRow,
} from './portalSchemas';
import type { Authorized } from './providerApi';

const usersPath = (orgId: string, rest = '') => `/organizations/${segment(orgId)}/users${rest}`;

/** The caller's own org memberships (`profile.organizations[]`, keys wrapped to the caller). */
export async function fetchMyOrganizations(a: Authorized) {
  return (await a.http.json(apiRequest(a, 'GET', '/accounts/profile'), profileOrganizationsSchema)).organizations;
}

export async function fetchOrgUsers(a: Authorized, orgId: string): Promise<OrgUser[]> {
  return (await a.http.json(apiRequest(a, 'GET', usersPath(orgId)), listOf(orgUserSchema))).data;
}

/** Public keys of the Accepted members among `ids`. */
export async function orgUserPublicKeys(a: Authorized, orgId: string, ids: string[]): Promise<PublicKeyRow[]> {
  return (
    await a.http.json(apiRequest(a, 'POST', usersPath(orgId, '/public-keys'), { json: { ids } }), publicKeysSchema)
  ).data;
}

export async function confirmOrgUsers(
  a: Authorized,
  orgId: string,
  body: { keys: { id: string; key: string }[]; defaultUserCollectionName?: string },
) {
  return (await a.http.json(apiRequest(a, 'POST', usersPath(orgId, '/confirm'), { json: body }), bulkAnswerSchema))
    .data;
}

export async function reinviteOrgUsers(a: Authorized, orgId: string, ids: string[]) {
  return (await a.http.json(apiRequest(a, 'POST', usersPath(orgId, '/reinvite'), { json: { ids } }), bulkAnswerSchema))
    .data;
}
