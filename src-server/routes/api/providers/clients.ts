// Provider clients with consolidated billing (bitwarden-api.md §6.6): create, update seats and name, addable orgs,
// add an existing org. Billable provider required: unknown 404, not permitted or not billable 401.
import type { FastifyRequest } from 'fastify';
import type { RouteModule } from '../../../context';
import { nowIso } from '../../../db/values';
import { EventType } from '../../../domain/eventTypes';
import { eventOrigin, writeEvent } from '../../../domain/events';
import { htmlEncode, htmlDecode } from '../../../domain/htmlNames';
import { OrgUserStatus, OrgUserType, isGuid } from '../../../domain/orgRoles';
import { planFor } from '../../../domain/plans';
import { assertProviderEnabled, requireBillableProvider } from '../../../domain/providers/access';
import {
  assertClientNameFree,
  bumpProviderUsers,
  createClientOrganization,
  linkExistingOrganization,
} from '../../../domain/providers/clients';
import { OrgStatus, planAllowedFor, ProviderType } from '../../../domain/providers/enums';
import { rescaleProviderPlans, wouldPurchaseSeats } from '../../../domain/providers/seats';
import { snapshotProviderSeats } from '../../../domain/providers/snapshots';
import { bumpOrgRevision } from '../../../domain/revisions';
import { requireAuth } from '../../../http/auth';
import { ApiError, badRequest, conflict, errorBody, notFound, unauthorized } from '../../../http/errors';
import { parseBody } from '../../../http/validate';
import { sendOwnerInvite } from './ownerInvite';
import { createClientBody, existingOrgBody, updateClientBody } from './schemas';

type R = FastifyRequest<{ Params: { pid: string } }>;

const SERVICE_USER_PURCHASE = 'Service users cannot purchase additional seats.';

const clients: RouteModule = (app, ctx) => {
  const billable = (request: R, admin: boolean) =>
    requireBillableProvider(ctx.db, request.params.pid, requireAuth(request).userId, admin);

  app.post<{ Params: { pid: string } }>('/providers/:pid/clients', async (request, reply) => {
    const { provider } = await billable(request, true);
    assertProviderEnabled(provider);
    const b = parseBody(createClientBody, request.body);
    const origin = eventOrigin(request);
    const created = await ctx.db.transaction().execute((trx) =>
      createClientOrganization(
        trx,
        provider,
        {
          name: b.name,
          ownerEmail: b.ownerEmail,
          planType: b.planType,
          seats: b.seats,
          key: b.key,
          publicKey: b.keyPair.publicKey,
          encryptedPrivateKey: b.keyPair.encryptedPrivateKey,
          collectionName: b.collectionName,
          managed: true,
        },
        origin,
      ),
    );
    await sendOwnerInvite(ctx, request.log, created);
    return reply.status(200).send();
  });

  app.put<{ Params: { pid: string; id: string } }>('/providers/:pid/clients/:id', async (request, reply) => {
    const access = await billable(request, false);
    const { provider } = access;
    assertProviderEnabled(provider);
    if (!isGuid(request.params.id)) throw notFound();
    const link = await ctx.db
      .selectFrom('provider_organizations')
      .selectAll()
      .where('id', '=', request.params.id.toLowerCase())
      .where('provider_id', '=', provider.id)
      .executeTakeFirst();
    if (!link) throw notFound();
    const b = parseBody(updateClientBody, request.body);
    const origin = eventOrigin(request);
    await ctx.db.transaction().execute(async (trx) => {
      const org = await trx
        .selectFrom('organizations')
        .selectAll()
        .where('id', '=', link.organization_id)
        .executeTakeFirstOrThrow();
      if (org.status !== OrgStatus.Managed)
        throw badRequest('The organization is not managed with consolidated billing.');
      await assertClientNameFree(trx, provider.id, b.name, org.id);
      const delta = b.assignedSeats - (org.seats ?? 0);
      if (!access.isAdmin && (await wouldPurchaseSeats(trx, provider.id, org.plan_type, delta)))
        throw new ApiError(401, errorBody(SERVICE_USER_PURCHASE));
      await trx
        .updateTable('organizations')
        .set({ seats: b.assignedSeats, name: htmlEncode(b.name), revision_date: nowIso() })
        .where('id', '=', org.id)
        .execute();
      await trx
        .updateTable('provider_organizations')
        .set({ revision_date: nowIso() })
        .where('id', '=', link.id)
        .execute();
      await writeEvent(trx, {
        ...origin,
        type: EventType.Organization_Updated,
        organizationId: org.id,
        providerId: provider.id,
      });
      await rescaleProviderPlans(trx, provider);
      await snapshotProviderSeats(trx, provider.id, [org.id]);
      await bumpOrgRevision(trx, org.id);
      await bumpProviderUsers(trx, provider.id);
    });
    return reply.status(200).send();
  });

  // Orgs the caller owns that may join this provider: no provider yet, allowed plan, active (plain array).
  app.get<{ Params: { pid: string } }>('/providers/:pid/clients/addable', async (request) => {
    const access = await billable(request, false);
    const { provider } = access;
    const owned = await ctx.db
      .selectFrom('organization_users as ou')
      .innerJoin('organizations as o', 'o.id', 'ou.organization_id')
      .leftJoin('provider_organizations as po', 'po.organization_id', 'o.id')
      .select(['o.id', 'o.name', 'o.plan_type', 'o.seats', 'o.features', 'o.sm_seats'])
      .where('ou.user_id', '=', requireAuth(request).userId)
      .where('ou.type', '=', OrgUserType.Owner)
      .where('ou.status', '=', OrgUserStatus.Confirmed)
      .where('o.enabled', '=', 1)
      .where('o.status', '=', OrgStatus.Created)
      .where('po.id', 'is', null)
      .orderBy('o.name')
      .execute();
    const result = [];
    for (const o of owned) {
      if (
        !planAllowedFor(provider.type, o.plan_type) ||
        o.sm_seats ||
        JSON.parse(o.features).useSecretsManager === true
      )
        continue;
      const plan = planFor(o.plan_type);
      const planName =
        provider.type === ProviderType.Msp ? (plan?.productTier === 2 ? 'Teams' : 'Enterprise') : (plan?.name ?? '');
      const disabled = !access.isAdmin && (await wouldPurchaseSeats(ctx.db, provider.id, o.plan_type, o.seats ?? 0));
      result.push({ id: o.id, name: htmlDecode(o.name), plan: planName, seats: o.seats ?? 0, disabled });
    }
    return result;
  });

  app.post<{ Params: { pid: string } }>('/providers/:pid/clients/existing', async (request, reply) => {
    const { provider } = await billable(request, true);
    assertProviderEnabled(provider);
    const b = parseBody(existingOrgBody, request.body);
    const orgId = b.organizationId.toLowerCase();
    const owner = await ctx.db
      .selectFrom('organization_users')
      .select('id')
      .where('organization_id', '=', orgId)
      .where('user_id', '=', requireAuth(request).userId)
      .where('type', '=', OrgUserType.Owner)
      .where('status', '=', OrgUserStatus.Confirmed)
      .executeTakeFirst();
    if (!owner) throw unauthorized();
    const org = await ctx.db.selectFrom('organizations').selectAll().where('id', '=', orgId).executeTakeFirstOrThrow();
    const origin = eventOrigin(request);
    await ctx.db
      .transaction()
      .execute((trx) =>
        linkExistingOrganization(trx, provider, org, b.key, true, origin, () =>
          conflict('Organization already belongs to a provider.'),
        ),
      );
    return reply.status(200).send();
  });
};

export default clients;
