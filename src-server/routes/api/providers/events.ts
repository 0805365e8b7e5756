// Provider event log (bitwarden-api.md §6.8, §8.4): ProviderAdmin only, otherwise 404.
import type { FastifyRequest } from 'fastify';
import type { RouteModule } from '../../../context';
import { isGuid } from '../../../domain/orgRoles';
import { requireProviderEventsAccess } from '../../../domain/providers/access';
import { eventDateRange, providerEventPage } from '../../../domain/providers/events';
import { requireAuth } from '../../../http/auth';
import { notFound } from '../../../http/errors';

type Query = { start?: string; end?: string; continuationToken?: string };

const events: RouteModule = (app, ctx) => {
  const access = (request: FastifyRequest<{ Params: { pid: string } }>) =>
    requireProviderEventsAccess(ctx.db, request.params.pid, requireAuth(request).userId);
  const clip = (v: unknown) => (typeof v === 'string' ? v.slice(0, 200) : undefined);

  app.get<{ Params: { pid: string }; Querystring: Query }>('/providers/:pid/events', async (request) => {
    const { provider } = await access(request);
    const range = eventDateRange(clip(request.query.start), clip(request.query.end));
    return providerEventPage(ctx.db, {
      providerId: provider.id,
      range,
      continuationToken: clip(request.query.continuationToken),
    });
  });

  app.get<{ Params: { pid: string; id: string }; Querystring: Query }>(
    '/providers/:pid/users/:id/events',
    async (request) => {
      const { provider } = await access(request);
      if (!isGuid(request.params.id)) throw notFound();
      const target = await ctx.db
        .selectFrom('provider_users')
        .select(['user_id'])
        .where('id', '=', request.params.id.toLowerCase())
        .where('provider_id', '=', provider.id)
        .executeTakeFirst();
      if (!target) throw notFound();
      const range = eventDateRange(clip(request.query.start), clip(request.query.end));
      if (!target.user_id) return { object: 'list', data: [], continuationToken: null };
      return providerEventPage(ctx.db, {
        providerId: provider.id,
        actingUserId: target.user_id,
        range,
        continuationToken: clip(request.query.continuationToken),
      });
    },
  );
};

export default events;
