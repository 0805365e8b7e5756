// Pieces shared by the member route files.
import type { FastifyRequest } from 'fastify';
import type { AuthContext } from '../../../http/auth';
import { requireAuth } from '../../../http/auth';
import { pathId } from '../../../domain/orgAccess';

export type Route = { Params: Record<string, string | undefined>; Querystring: Record<string, string | undefined> };
export const PREFIX = '/organizations/:orgId/users';

/** The caller and the lower-cased org id of the path. */
export function orgCall(request: FastifyRequest<Route>): { auth: AuthContext; orgId: string } {
  const auth = requireAuth(request);
  return { auth, orgId: pathId(request.params.orgId) };
}

export const bulkResult = (id: string, error = '') => ({ object: 'OrganizationBulkConfirmResponseModel', id, error });
export const listOf = <T>(data: T[]) => ({ object: 'list', data, continuationToken: null });
export const queryFlag = (v: string | undefined) => String(v ?? '').toLowerCase() === 'true';
