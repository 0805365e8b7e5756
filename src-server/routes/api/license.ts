// `GET /organizations/{id}/license?installationId=` (bitwarden-api.md §7.9): Owner only (provider users pass
// through orgRoles); records the org ↔ installation link and answers the signed license (no `object` field).
import { z } from 'zod';
import type { RouteModule } from '../../context';
import { nowIso } from '../../db/values';
import { ownerOnly, pathId, requireOrgAccess } from '../../domain/orgAccess';
import { buildLicense } from '../../domain/orgLicense';
import { requireAuth } from '../../http/auth';
import { guid } from '../../http/schemas';
import { parseValue } from '../../http/validate';

const query = z.object({ installationId: guid() });

const license: RouteModule = (app, ctx) => {
  app.get<{ Params: { orgId: string }; Querystring: Record<string, string | undefined> }>(
    '/organizations/:orgId/license',
    async (request) => {
      const a = await requireOrgAccess(ctx.db, pathId(request.params.orgId), requireAuth(request).userId, ownerOnly);
      const installationId = parseValue(query, {
        installationId: request.query.installationId,
      }).installationId.toLowerCase();
      const now = nowIso();
      await ctx.db.transaction().execute(async (trx) => {
        await trx
          .insertInto('organization_installations')
          .values({
            organization_id: a.org.id,
            installation_id: installationId,
            creation_date: now,
            revision_date: now,
          })
          .onConflict((oc) => oc.columns(['organization_id', 'installation_id']).doUpdateSet({ revision_date: now }))
          .execute();
      });
      return buildLicense(ctx.db, a.org, installationId);
    },
  );
};

export default license;
