// POST /events/collect — client-side events (bitwarden-api.md §8.5). Only client event types are accepted.
import { z } from 'zod';
import type { RouteModule } from '../../context';
import { writeEvents, eventOrigin, type EventInput } from '../../domain/events';
import { loadOrgAccess } from '../../domain/orgRoles';
import { requireAuth } from '../../http/auth';
import { parseBody } from '../../http/validate';

const CLIENT_TYPES = new Set([
  1007,
  ...Array.from({ length: 26 }, (_, i) => 1107 + i),
  1602,
  1618,
  1619,
  1620,
  1621,
  1627,
  1522,
  2400,
  2401,
  2402,
]);

const body = z
  .array(
    z.object({
      type: z.number().int(),
      cipherId: z.uuid().nullish(),
      date: z.iso.datetime({ offset: true }),
      organizationId: z.uuid().nullish(),
    }),
  )
  .max(500);

const collect: RouteModule = (app, ctx) => {
  app.post('/collect', async (request, reply) => {
    const auth = requireAuth(request);
    const items = parseBody(body, request.body).filter((e) => CLIENT_TYPES.has(e.type));
    const origin = eventOrigin(request);
    const events: EventInput[] = [];
    for (const e of items) {
      if (e.organizationId && !(await loadOrgAccess(ctx.db, e.organizationId, auth.userId))) continue;
      events.push({
        ...origin,
        type: e.type,
        userId: auth.userId,
        cipherId: e.cipherId ?? null,
        organizationId: e.organizationId ?? null,
        date: new Date(e.date).toISOString(),
      });
    }
    await ctx.db.transaction().execute((trx) => writeEvents(trx, events));
    return reply.status(200).send();
  });
};

export default collect;
