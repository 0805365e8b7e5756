// Standalone organizations (bitwarden-accounts.md §2): create, list, get, update, public key.
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { RouteModule, ServerContext } from '../../context';
import type { Organization } from '../../db/schema';
import { flag, newId, nowIso } from '../../db/values';
import { insertManagedCollection } from '../../domain/defaultCollection';
import { EventType } from '../../domain/eventTypes';
import { eventOrigin, writeEvent, writeEvents, type EventInput } from '../../domain/events';
import { htmlEncode } from '../../domain/htmlNames';
import { profileOrganizations, userMemberships } from '../../domain/memberships';
import { organizationResponse } from '../../domain/organizations';
import { OrgUserStatus, OrgUserType, OWNER, isGuid, requireOrgRole } from '../../domain/orgRoles';
import { planFor, ProductTier } from '../../domain/plans';
import { bumpOrgRevision, bumpUserRevision } from '../../domain/revisions';
import { randomString } from '../../domain/secrets';
import { requireAuth } from '../../http/auth';
import { badRequest, notFound, unauthorizedEmpty } from '../../http/errors';
import { base64, email, encString } from '../../http/schemas';
import { parseBody } from '../../http/validate';

const encodedName = (max: number) =>
  z
    .string()
    .min(1)
    .refine((v) => htmlEncode(v).length <= max, {
      message: `The field must be a string with a maximum length of ${max}.`,
    });

const keysBody = z.object({ publicKey: base64(), encryptedPrivateKey: encString() });
const optionalText = (max: number) => z.string().max(max).nullish();

const createBody = z.object({
  name: encodedName(50),
  businessName: encodedName(50).nullish(),
  billingEmail: email(),
  planType: z.number().int().min(0).max(255).default(0),
  key: encString(),
  keys: keysBody,
  collectionName: encString(1000).nullish(),
  additionalSeats: z.number().int().min(0).max(1_000_000).default(0),
  maxAutoscaleSeats: z.number().int().min(0).nullish(),
  additionalStorageGb: z.number().int().min(0).max(99).nullish(),
  premiumAccessAddon: z.boolean().optional(),
  useSecretsManager: z.boolean().optional(),
  additionalSmSeats: z.number().int().min(0).nullish(),
  additionalServiceAccounts: z.number().int().min(0).nullish(),
  isFromSecretsManagerTrial: z.boolean().optional(),
  paymentMethodType: z.number().int().min(0).max(255).nullish(),
  paymentToken: optionalText(500),
  taxIdNumber: optionalText(100),
  billingAddressLine1: optionalText(200),
  billingAddressLine2: optionalText(200),
  billingAddressCity: optionalText(100),
  billingAddressState: optionalText(100),
  billingAddressPostalCode: optionalText(20),
  billingAddressCountry: z.string().max(2).nullish(),
  initiationPath: optionalText(200),
  skipTrial: z.boolean().optional(),
  trialLength: z.number().int().min(0).max(30).nullish(),
  coupons: z.array(z.string().max(100)).max(10).nullish(),
});

const updateBody = z.object({
  name: encodedName(50).nullish(),
  billingEmail: email().nullish(),
  keys: keysBody.nullish(),
});

/** "You can only be an admin of 1 free organization vault." */
async function adminOfFreeOrg(ctx: ServerContext, userId: string): Promise<boolean> {
  const row = await ctx.db
    .selectFrom('organization_users')
    .innerJoin('organizations', 'organizations.id', 'organization_users.organization_id')
    .select('organization_users.id')
    .where('organization_users.user_id', '=', userId)
    .where('organization_users.type', 'in', [OrgUserType.Owner, OrgUserType.Admin])
    .where('organizations.plan_type', '=', 0)
    .executeTakeFirst();
  return !!row;
}

async function createOrganization(ctx: ServerContext, request: FastifyRequest) {
  const auth = requireAuth(request);
  const b = parseBody(createBody, request.body);
  const plan = planFor(b.planType);
  if (!plan || plan.type === 6) throw badRequest('Password Manager Plan not found.');
  if (b.additionalSeats > 0 && !plan.hasAdditionalSeatsOption)
    throw badRequest('Plan does not allow additional users.');
  const seats = plan.baseSeats + b.additionalSeats;
  if (plan.maxSeats !== null && seats > plan.maxSeats)
    throw badRequest(`Plan does not allow more than ${plan.maxSeats} seats.`);
  if (seats < 1) throw badRequest('You do not have any seats!');
  if (plan.productTier === ProductTier.Free && (await adminOfFreeOrg(ctx, auth.userId)))
    throw badRequest('You can only be an admin of 1 free organization vault.');

  const now = nowIso();
  const org: Organization = {
    id: newId(),
    identifier: null,
    name: htmlEncode(b.name),
    business_name: b.businessName ? htmlEncode(b.businessName) : null,
    business_address1: b.billingAddressLine1 ?? null,
    business_address2: b.billingAddressLine2 ?? null,
    business_address3: null,
    business_country: b.billingAddressCountry ?? null,
    business_tax_number: b.taxIdNumber ?? null,
    billing_email: b.billingEmail.toLowerCase(),
    plan_type: plan.type,
    seats,
    max_autoscale_seats: b.maxAutoscaleSeats ?? null,
    max_collections: plan.maxCollections,
    max_storage_gb: plan.baseStorageGb === null ? null : plan.baseStorageGb + (b.additionalStorageGb ?? 0),
    sm_seats: null,
    sm_service_accounts: null,
    max_autoscale_sm_seats: null,
    max_autoscale_sm_service_accounts: null,
    features: JSON.stringify(plan.features),
    status: 1,
    enabled: 1,
    public_key: b.keys.publicKey,
    private_key: b.keys.encryptedPrivateKey,
    limit_collection_creation: 0,
    limit_collection_deletion: 0,
    limit_item_deletion: 0,
    allow_admin_access_to_all_collection_items: 1,
    license_key: randomString(30),
    creation_date: now,
    revision_date: now,
  };
  const orgUserId = newId();
  const origin = eventOrigin(request);
  await ctx.db.transaction().execute(async (trx) => {
    await trx.insertInto('organizations').values(org).execute();
    await trx
      .insertInto('organization_users')
      .values({
        id: orgUserId,
        organization_id: org.id,
        user_id: auth.userId,
        email: null,
        key: b.key,
        reset_password_key: null,
        type: OrgUserType.Owner,
        status: OrgUserStatus.Confirmed,
        external_id: null,
        access_secrets_manager: flag(b.useSecretsManager),
        access_pam: 0,
        permissions: null,
        revocation_reason: null,
        creation_date: now,
        revision_date: now,
      })
      .execute();
    await trx
      .insertInto('organization_api_keys')
      .values({ id: newId(), organization_id: org.id, type: 0, api_key: randomString(30), revision_date: now })
      .execute();
    const events: EventInput[] = [
      {
        ...origin,
        type: EventType.OrganizationUser_Confirmed,
        organizationId: org.id,
        organizationUserId: orgUserId,
        userId: auth.userId,
      },
    ];
    if (b.collectionName) {
      const collectionId = await insertManagedCollection(trx, {
        organizationId: org.id,
        name: b.collectionName,
        managerOrgUserId: orgUserId,
        now,
      });
      events.push({ ...origin, type: EventType.Collection_Created, organizationId: org.id, collectionId });
    }
    await writeEvents(trx, events);
    await bumpUserRevision(trx, auth.userId);
  });
  return organizationResponse(org);
}

async function updateOrganization(ctx: ServerContext, request: FastifyRequest, orgId: string) {
  const auth = requireAuth(request);
  const access = await requireOrgRole(ctx.db, orgId, auth.userId, { ...OWNER, onDenied: unauthorizedEmpty });
  const b = parseBody(updateBody, request.body);
  const now = nowIso();
  const changes: Partial<Organization> = { revision_date: now };
  if (b.name != null) changes.name = htmlEncode(b.name);
  if (b.billingEmail != null) changes.billing_email = b.billingEmail.toLowerCase();
  if (b.keys && !access.org.public_key && !access.org.private_key) {
    changes.public_key = b.keys.publicKey;
    changes.private_key = b.keys.encryptedPrivateKey;
  }
  const updated = await ctx.db.transaction().execute(async (trx) => {
    await trx.updateTable('organizations').set(changes).where('id', '=', orgId).execute();
    await writeEvent(trx, { ...eventOrigin(request), type: EventType.Organization_Updated, organizationId: orgId });
    await bumpOrgRevision(trx, orgId);
    return trx.selectFrom('organizations').selectAll().where('id', '=', orgId).executeTakeFirstOrThrow();
  });
  return organizationResponse(updated);
}

const organizations: RouteModule = (app, ctx) => {
  app.post('/organizations', (request) => createOrganization(ctx, request));

  app.get('/organizations', async (request) => {
    const auth = requireAuth(request);
    const list = await userMemberships(ctx.db, auth.userId, [OrgUserStatus.Confirmed]);
    return { object: 'list', data: profileOrganizations(list), continuationToken: null };
  });

  app.get<{ Params: { id: string } }>('/organizations/:id', async (request) => {
    const auth = requireAuth(request);
    const access = await requireOrgRole(ctx.db, request.params.id, auth.userId, OWNER);
    return organizationResponse(access.org);
  });

  for (const method of ['put', 'post'] as const) {
    app[method]<{ Params: { id: string } }>('/organizations/:id', (request) =>
      updateOrganization(ctx, request, request.params.id),
    );
  }

  const publicKey = async (request: FastifyRequest<{ Params: { id: string } }>) => {
    requireAuth(request);
    if (!isGuid(request.params.id)) throw notFound();
    const org = await ctx.db
      .selectFrom('organizations')
      .select('public_key')
      .where('id', '=', request.params.id)
      .executeTakeFirst();
    if (!org) throw notFound();
    return { object: 'organizationPublicKey', publicKey: org.public_key };
  };
  app.get('/organizations/:id/public-key', publicKey);
  app.get('/organizations/:id/keys', publicKey);
};

export default organizations;
