/** Member calls of the client-org admin console (bitwarden-api.md §7.3, crypto.md §8.7). */
import { listOf } from './apiSchemas';
import { apiRequest } from './apiRequest';
import { orgPath } from './orgAdminApi';
import {
  bulkResponseSchema,
  orgUserPublicKeySchema,
  orgUserSchema,
  type WireOrgUser,
  type WireSelection,
} from './orgAdminSchemas';
import type { Authorized } from './providerApi';

export interface BulkAnswer {
  id: string;
  error: string | null;
}

const bulkList = listOf(bulkResponseSchema);

export async function fetchOrgUsers(a: Authorized, orgId: string): Promise<WireOrgUser[]> {
  const query = { includeGroups: 'true', includeCollections: 'true' };
  return (await a.http.json(apiRequest(a, 'GET', orgPath(orgId, 'users'), { query }), listOf(orgUserSchema))).data;
}

export interface MemberAccessBody {
  /** OrganizationUserType. */
  type: number;
  permissions: Record<string, boolean> | null;
  collections: WireSelection[];
  groups: string[];
}

export function inviteOrgUsers(
  a: Authorized,
  orgId: string,
  body: MemberAccessBody & { emails: string[]; accessSecretsManager: false },
): Promise<void> {
  return a.http.call(apiRequest(a, 'POST', orgPath(orgId, 'users', 'invite'), { json: body }));
}

export function updateOrgUser(a: Authorized, orgId: string, id: string, body: MemberAccessBody): Promise<void> {
  return a.http.call(apiRequest(a, 'PUT', orgPath(orgId, 'users', id), { json: body }));
}

export async function reinviteOrgUsers(a: Authorized, orgId: string, ids: string[]): Promise<BulkAnswer[]> {
  return (await a.http.json(apiRequest(a, 'POST', orgPath(orgId, 'users', 'reinvite'), { json: { ids } }), bulkList))
    .data;
}

/** Public keys of the **Accepted** members among `ids` (the others are left out). */
export async function fetchOrgUserPublicKeys(a: Authorized, orgId: string, ids: string[]) {
  const answer = await a.http.json(
    apiRequest(a, 'POST', orgPath(orgId, 'users', 'public-keys'), { json: { ids } }),
    listOf(orgUserPublicKeySchema),
  );
  return answer.data;
}

export async function confirmOrgUsers(
  a: Authorized,
  orgId: string,
  body: { keys: { id: string; key: string }[]; defaultUserCollectionName: string },
): Promise<BulkAnswer[]> {
  return (await a.http.json(apiRequest(a, 'POST', orgPath(orgId, 'users', 'confirm'), { json: body }), bulkList)).data;
}

export type Lifecycle = 'revoke' | 'restore' | 'remove';

/** Bulk revoke (`PUT users/revoke`), restore (`PUT users/restore`) or remove (`DELETE users`). */
export async function changeOrgUsers(
  a: Authorized,
  orgId: string,
  action: Lifecycle,
  body: { ids: string[]; defaultUserCollectionName?: string },
): Promise<BulkAnswer[]> {
  const request =
    action === 'remove'
      ? apiRequest(a, 'DELETE', orgPath(orgId, 'users'), { json: body })
      : apiRequest(a, 'PUT', orgPath(orgId, 'users', action), { json: body });
  return (await a.http.json(request, bulkList)).data;
}
