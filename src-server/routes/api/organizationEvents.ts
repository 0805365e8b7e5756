// Organization events (bitwarden-api.md §7.10): the org log, one member's actions, one org cipher's events.
// AccessEventLogs; orgs without `useEvents` show an empty log (upstream writes none for them).
import type { FastifyRequest } from 'fastify';
import type { RouteModule } from '../../context';
import { eventPage, type EventQuery } from '../../domain/eventPaging';
import { canAccessEventLogs, pathId, requireOrgAccess } from '../../domain/orgAccess';
import { readFeatures } from '../../domain/organizations';
import type { OrgAccess } from '../../domain/orgRoles';
import { requireAuth } from '../../http/auth';
import { notFound } from '../../http/errors';

type Route = { Params: Record<string, string | undefined>; Querystring: EventQuery };

const empty = { object: 'list', data: [], continuationToken: null };

const organizationEvents: RouteModule = (app, ctx) => {
  const access = (request: FastifyRequest<Route>, orgId: string): Promise<OrgAccess> =>
    requireOrgAccess(ctx.db, orgId, requireAuth(request).userId, canAccessEventLogs);
  const base = (orgId: string) => ctx.db.selectFrom('events').selectAll().where('organization_id', '=', orgId);

  app.get<Route>('/organizations/:orgId/events', async (request) => {
    const a = await access(request, pathId(request.params.orgId));
    if (!readFeatures(a.org).useEvents) return empty;
    return eventPage(base(a.org.id), request.query);
  });

  app.get<Route>('/organizations/:orgId/users/:id/events', async (request) => {
    const a = await access(request, pathId(request.params.orgId));
    const member = await ctx.db
      .selectFrom('organization_users')
      .select('user_id')
      .where('id', '=', pathId(request.params.id))
      .where('organization_id', '=', a.org.id)
      .executeTakeFirst();
    if (!member?.user_id) throw notFound();
    if (!readFeatures(a.org).useEvents) return empty;
    return eventPage(base(a.org.id).where('acting_user_id', '=', member.user_id), request.query);
  });

  app.get<Route>('/ciphers/:id/events', async (request) => {
    const id = pathId(request.params.id);
    const cipher = await ctx.db
      .selectFrom('ciphers')
      .select(['id', 'organization_id'])
      .where('id', '=', id)
      .executeTakeFirst();
    if (!cipher?.organization_id) throw notFound();
    const a = await access(request, cipher.organization_id);
    if (!readFeatures(a.org).useEvents) return empty;
    return eventPage(base(a.org.id).where('cipher_id', '=', id), request.query);
  });
};

export default organizationEvents;
