// Provider organizations: list the clients, legacy add/create without consolidated billing, unlink
// (bitwarden-api.md §6.5).
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { RouteModule } from '../../../context';
import { eventOrigin } from '../../../domain/events';
import { OrgUserStatus, OrgUserType, isGuid } from '../../../domain/orgRoles';
import { planFor } from '../../../domain/plans';
import { assertProviderEnabled, requireProvider } from '../../../domain/providers/access';
import {
  createClientOrganization,
  linkExistingOrganization,
  unlinkOrganization,
} from '../../../domain/providers/clients';
import { providerClientList, providerOrganizationDetails } from '../../../domain/providers/responses';
import { requireAuth } from '../../../http/auth';
import { badRequest, notFound } from '../../../http/errors';
import { parseBody } from '../../../http/validate';
import { sendOwnerInvite } from './ownerInvite';
import { existingOrgBody, legacyCreateBody } from './schemas';

type R = FastifyRequest<{ Params: { pid: string } }>;

const providerOrganizations: RouteModule = (app, ctx) => {
  const admin = (request: R) =>
    requireProvider(ctx.db, request.params.pid, requireAuth(request).userId, { admin: true });

  app.get<{ Params: { pid: string } }>('/providers/:pid/organizations', async (request) => {
    const { provider } = await requireProvider(ctx.db, request.params.pid, requireAuth(request).userId);
    return { object: 'list', data: await providerClientList(ctx.db, provider.id), continuationToken: null };
  });

  // Legacy add-existing (no consolidated billing): ProviderAdmin and Owner of the org.
  app.post<{ Params: { pid: string } }>('/providers/:pid/organizations/add', async (request, reply) => {
    const { provider } = await admin(request);
    assertProviderEnabled(provider);
    const b = parseBody(existingOrgBody, request.body);
    const owner = await ctx.db
      .selectFrom('organization_users')
      .select('id')
      .where('organization_id', '=', b.organizationId.toLowerCase())
      .where('user_id', '=', requireAuth(request).userId)
      .where('type', '=', OrgUserType.Owner)
      .where('status', '=', OrgUserStatus.Confirmed)
      .executeTakeFirst();
    if (!owner) throw notFound();
    const org = await ctx.db
      .selectFrom('organizations')
      .selectAll()
      .where('id', '=', b.organizationId.toLowerCase())
      .executeTakeFirstOrThrow();
    const origin = eventOrigin(request);
    await ctx.db
      .transaction()
      .execute((trx) =>
        linkExistingOrganization(trx, provider, org, b.key, false, origin, () =>
          badRequest('Organization already belongs to a provider.'),
        ),
      );
    return reply.status(200).send();
  });

  // Legacy client creation (no consolidated billing): the org is created for the provider and its owner invited.
  app.post<{ Params: { pid: string } }>('/providers/:pid/organizations', async (request) => {
    const { provider } = await admin(request);
    assertProviderEnabled(provider);
    const b = parseBody(legacyCreateBody, request.body);
    const o = b.organizationCreateRequest;
    const plan = planFor(o.planType);
    const seats = (plan?.baseSeats ?? 0) + o.additionalSeats;
    if (plan && seats < 1) throw badRequest('You do not have any seats!');
    const origin = eventOrigin(request);
    const created = await ctx.db.transaction().execute((trx) =>
      createClientOrganization(
        trx,
        provider,
        {
          name: o.name,
          ownerEmail: b.clientOwnerEmail,
          planType: o.planType,
          seats,
          key: o.key,
          publicKey: o.keys.publicKey,
          encryptedPrivateKey: o.keys.encryptedPrivateKey,
          collectionName: o.collectionName ?? null,
          managed: false,
        },
        origin,
      ),
    );
    await sendOwnerInvite(ctx, request.log, created);
    const link = await ctx.db
      .selectFrom('provider_organizations')
      .selectAll()
      .where('id', '=', created.providerOrganizationId)
      .executeTakeFirstOrThrow();
    const [detail] = await providerOrganizationDetails(ctx.db, [link], 'providerOrganization');
    const { organizationName: _name, ...response } = detail!;
    return response;
  });

  const unlink = async (request: FastifyRequest<{ Params: { pid: string; id: string } }>, reply: FastifyReply) => {
    const { provider } = await admin(request);
    assertProviderEnabled(provider);
    if (!isGuid(request.params.id)) throw notFound();
    const origin = eventOrigin(request);
    await ctx.db
      .transaction()
      .execute((trx) => unlinkOrganization(trx, provider, request.params.id.toLowerCase(), origin));
    return reply.status(200).send();
  };
  app.delete<{ Params: { pid: string; id: string } }>('/providers/:pid/organizations/:id', unlink);
  app.post<{ Params: { pid: string; id: string } }>('/providers/:pid/organizations/:id/delete', unlink);
};

export default providerOrganizations;
