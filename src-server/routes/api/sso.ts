// Organization SSO configuration (bitwarden-api.md §7.7): get and save (POST; there is no PUT). ManageSso.
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { RouteModule, ServerContext } from '../../context';
import { flag, isSet, nowIso, parseJson } from '../../db/values';
import { writeEvents, type EventInput } from '../../domain/events';
import { EventType } from '../../domain/eventTypes';
import { canManageSso, pathId, requireOrgAccess, orgEventOrigin } from '../../domain/orgAccess';
import { readFeatures } from '../../domain/organizations';
import { bumpOrgRevision } from '../../domain/revisions';
import { normalizeSsoData, ssoDataErrors, ssoDataSchema, ssoUrls } from '../../domain/ssoConfig';
import { requireAuth } from '../../http/auth';
import { badRequest, validationFailed } from '../../http/errors';
import { parseBody } from '../../http/validate';

type Route = { Params: Record<string, string | undefined> };
const PATH = '/organizations/:orgId/sso';

const saveBody = z.object({
  enabled: z.boolean(),
  identifier: z.string().trim().max(50).nullish(),
  data: ssoDataSchema,
});

async function ssoResponse(ctx: ServerContext, orgId: string) {
  const org = await ctx.db
    .selectFrom('organizations')
    .select(['identifier'])
    .where('id', '=', orgId)
    .executeTakeFirstOrThrow();
  const config = await ctx.db
    .selectFrom('sso_configs')
    .selectAll()
    .where('organization_id', '=', orgId)
    .executeTakeFirst();
  return {
    object: 'organizationSso',
    enabled: isSet(config?.enabled),
    identifier: org.identifier,
    data: parseJson<Record<string, unknown> | null>(config?.data, null),
    urls: ssoUrls(ctx.baseUrl(), orgId),
  };
}

const access = (ctx: ServerContext, request: FastifyRequest<Route>) =>
  requireOrgAccess(ctx.db, pathId(request.params.orgId), requireAuth(request).userId, canManageSso);

const sso: RouteModule = (app, ctx) => {
  app.get<Route>(PATH, async (request) => ssoResponse(ctx, (await access(ctx, request)).org.id));

  app.post<Route>(PATH, async (request) => {
    const a = await access(ctx, request);
    const b = parseBody(saveBody, request.body);
    const errors = ssoDataErrors(b.data);
    if (Object.keys(errors).length) throw validationFailed(errors);
    if (!readFeatures(a.org).useSso) throw badRequest('Organization cannot use SSO.');
    const orgId = a.org.id;
    const identifier = b.identifier ? b.identifier : a.org.identifier;
    if (identifier && identifier !== a.org.identifier) {
      const taken = await ctx.db
        .selectFrom('organizations')
        .select('id')
        .where('identifier', '=', identifier)
        .where('id', '!=', orgId)
        .executeTakeFirst();
      if (taken) throw badRequest('Organization with this SSO identifier already exists.');
    }
    const data = normalizeSsoData(b.data);
    const origin = orgEventOrigin(request, a);
    await ctx.db.transaction().execute(async (trx) => {
      const existing = await trx
        .selectFrom('sso_configs')
        .selectAll()
        .where('organization_id', '=', orgId)
        .executeTakeFirst();
      const now = nowIso();
      const values = { enabled: flag(b.enabled), data: JSON.stringify(data), revision_date: now };
      if (existing) await trx.updateTable('sso_configs').set(values).where('organization_id', '=', orgId).execute();
      else
        await trx
          .insertInto('sso_configs')
          .values({ organization_id: orgId, creation_date: now, ...values })
          .execute();
      if (identifier !== a.org.identifier)
        await trx
          .updateTable('organizations')
          .set({ identifier, revision_date: now })
          .where('id', '=', orgId)
          .execute();
      const wasEnabled = isSet(existing?.enabled);
      const wasKeyConnector =
        parseJson<{ memberDecryptionType?: number }>(existing?.data, {}).memberDecryptionType === 1;
      const events: EventInput[] = [];
      if (b.enabled !== wasEnabled)
        events.push({
          ...origin,
          type: b.enabled ? EventType.Organization_EnabledSso : EventType.Organization_DisabledSso,
          organizationId: orgId,
        });
      const keyConnector = data.memberDecryptionType === 1;
      if (keyConnector !== wasKeyConnector)
        events.push({
          ...origin,
          type: keyConnector ? EventType.Organization_EnabledKeyConnector : EventType.Organization_DisabledKeyConnector,
          organizationId: orgId,
        });
      if (events.length === 0) events.push({ ...origin, type: EventType.Organization_Updated, organizationId: orgId });
      await writeEvents(trx, events);
      await bumpOrgRevision(trx, orgId);
    });
    return ssoResponse(ctx, orgId);
  });
};

export default sso;
