// Organization policies (bitwarden-api.md §7.6): status list, one status, save with per-type data validation
// and the SingleOrg dependencies; the invitee's view by invite token; the master-password policy.
import { z } from 'zod';
import type { RouteModule } from '../../context';
import type { Policy } from '../../db/schema';
import { flag, isSet, newId, normalizeEmail, nowIso, parseJson } from '../../db/values';
import { writeEvent } from '../../domain/events';
import { EventType } from '../../domain/eventTypes';
import { verifyInvite } from '../../domain/invites';
import { canManagePolicies, pathId, requireOrgAccess, orgEventOrigin } from '../../domain/orgAccess';
import { readFeatures } from '../../domain/organizations';
import { applyPolicyEnabled } from '../../domain/policyEffects';
import {
  isPolicyType,
  loadPolicy,
  NEEDS_SINGLE_ORG,
  POLICY_NAMES,
  PolicyType,
  policyResponse,
  validatePolicyData,
} from '../../domain/policyTypes';
import { bumpOrgRevision } from '../../domain/revisions';
import { requireAuth } from '../../http/auth';
import { badRequest, notFound } from '../../http/errors';
import { encString } from '../../http/schemas';
import { parseBody } from '../../http/validate';

type Route = { Params: Record<string, string | undefined>; Querystring: Record<string, string | undefined> };
const PREFIX = '/organizations/:orgId/policies';

const saveBody = z.object({
  policy: z.object({ enabled: z.boolean(), data: z.unknown().optional() }),
  metadata: z.object({ defaultUserCollectionName: encString(1000).nullish() }).nullish(),
});

const listOf = <T>(data: T[]) => ({ object: 'list', data, continuationToken: null });

function statusResponse(orgId: string, type: number, p: Policy | undefined, canToggleState = true) {
  return {
    object: 'policyStatus',
    organizationId: orgId,
    type,
    data: parseJson<Record<string, unknown> | null>(p?.data, null),
    enabled: isSet(p?.enabled),
    canToggleState,
  };
}

function policyType(value: string | undefined): number {
  const n = Number(value);
  if (!/^\d{1,3}$/.test(value ?? '') || !isPolicyType(n)) throw notFound();
  return n;
}

const name = (type: number) => POLICY_NAMES[type] ?? String(type);

async function checkDependencies(db: Parameters<typeof loadPolicy>[0], orgId: string, type: number, enabled: boolean) {
  if (enabled && NEEDS_SINGLE_ORG.includes(type)) {
    const single = await loadPolicy(db, orgId, PolicyType.SingleOrg);
    if (!isSet(single?.enabled))
      throw badRequest(
        `Turn on the ${name(PolicyType.SingleOrg)} policy because it is required for the ${name(type)} policy.`,
      );
  }
  if (!enabled && type === PolicyType.SingleOrg) {
    for (const dependent of NEEDS_SINGLE_ORG) {
      const p = await loadPolicy(db, orgId, dependent);
      if (isSet(p?.enabled))
        throw badRequest(
          `Turn off the ${name(dependent)} policy because it requires the ${name(PolicyType.SingleOrg)} policy.`,
        );
    }
  }
}

const policies: RouteModule = (app, ctx) => {
  app.get<Route>(PREFIX, async (request) => {
    const a = await requireOrgAccess(
      ctx.db,
      pathId(request.params.orgId),
      requireAuth(request).userId,
      canManagePolicies,
    );
    const rows = await ctx.db
      .selectFrom('policies')
      .selectAll()
      .where('organization_id', '=', a.org.id)
      .orderBy('type')
      .execute();
    const data = rows.map((p) => statusResponse(a.org.id, p.type, p));
    if (!rows.some((p) => p.type === PolicyType.SendControls))
      data.push(statusResponse(a.org.id, PolicyType.SendControls, undefined));
    return listOf(data);
  });

  app.get<Route>(`${PREFIX}/token`, { config: { anonymous: true } }, async (request) => {
    const orgId = pathId(request.params.orgId);
    const { email, token, organizationUserId } = request.query;
    if (!email || !token || !organizationUserId) throw notFound();
    const check = verifyInvite(ctx, token);
    if (
      !check.ok ||
      check.payload.orgUserId !== organizationUserId.toLowerCase() ||
      normalizeEmail(check.payload.email) !== normalizeEmail(email)
    )
      throw notFound();
    const member = await ctx.db
      .selectFrom('organization_users')
      .select('id')
      .where('id', '=', check.payload.orgUserId)
      .where('organization_id', '=', orgId)
      .executeTakeFirst();
    if (!member) throw notFound();
    const rows = await ctx.db
      .selectFrom('policies')
      .selectAll()
      .where('organization_id', '=', orgId)
      .where('enabled', '=', 1)
      .orderBy('type')
      .execute();
    return listOf(rows.map(policyResponse));
  });

  app.get<Route>(`${PREFIX}/master-password`, async (request) => {
    const orgId = pathId(request.params.orgId);
    const linked = await ctx.db
      .selectFrom('organization_users')
      .select('id')
      .where('organization_id', '=', orgId)
      .where('user_id', '=', requireAuth(request).userId)
      .executeTakeFirst();
    const policy = linked ? await loadPolicy(ctx.db, orgId, PolicyType.MasterPassword) : undefined;
    if (!policy || !isSet(policy.enabled)) throw notFound();
    return policyResponse(policy);
  });

  app.get<Route>(`${PREFIX}/:type`, async (request) => {
    const a = await requireOrgAccess(
      ctx.db,
      pathId(request.params.orgId),
      requireAuth(request).userId,
      canManagePolicies,
    );
    const type = policyType(request.params.type);
    return statusResponse(a.org.id, type, await loadPolicy(ctx.db, a.org.id, type));
  });

  app.put<Route>(`${PREFIX}/:type`, async (request) => {
    const a = await requireOrgAccess(
      ctx.db,
      pathId(request.params.orgId),
      requireAuth(request).userId,
      canManagePolicies,
    );
    const type = policyType(request.params.type);
    const b = parseBody(saveBody, request.body);
    if (!readFeatures(a.org).usePolicies) throw badRequest('This organization cannot use policies.');
    const data = validatePolicyData(type, b.policy.data);
    if (!data.ok) throw badRequest(`Invalid data for ${name(type)} policy: ${data.reason}.`);
    const orgId = a.org.id;
    await checkDependencies(ctx.db, orgId, type, b.policy.enabled);
    const origin = orgEventOrigin(request, a);
    const saved = await ctx.db.transaction().execute(async (trx) => {
      const existing = await loadPolicy(trx, orgId, type);
      const now = nowIso();
      const id = existing?.id ?? newId();
      const values = { enabled: flag(b.policy.enabled), data: data.json, revision_date: now };
      if (existing) await trx.updateTable('policies').set(values).where('id', '=', id).execute();
      else
        await trx
          .insertInto('policies')
          .values({ id, organization_id: orgId, type, creation_date: now, ...values })
          .execute();
      await writeEvent(trx, { ...origin, type: EventType.Policy_Updated, organizationId: orgId, policyId: id });
      if (b.policy.enabled && !isSet(existing?.enabled))
        await applyPolicyEnabled(trx, orgId, type, origin, b.metadata ?? null);
      await bumpOrgRevision(trx, orgId);
      return trx.selectFrom('policies').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    });
    return policyResponse(saved);
  });
};

export default policies;
