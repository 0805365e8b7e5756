// Client organizations of a provider: create (with the owner's invitation), link an existing org, unlink
// (bitwarden-api.md §6.5–6.6). Each runs inside the caller's transaction with its events; mail goes after commit.
import type { Transaction } from 'kysely';
import type { Database, Organization, Provider } from '../../db/schema';
import { newId, normalizeEmail, nowIso } from '../../db/values';
import { badRequest } from '../../http/errors';
import { EventType } from '../eventTypes';
import { insertManagedCollection } from '../defaultCollection';
import { writeEvents, type EventInput, type EventOrigin } from '../events';
import { htmlDecode, htmlEncode } from '../htmlNames';
import { OrgUserStatus, OrgUserType } from '../orgRoles';
import { planFor } from '../plans';
import { bumpOrgRevision, bumpUserRevision } from '../revisions';
import { randomString } from '../secrets';
import { OrgStatus, planAllowedFor, ProviderUserStatus } from './enums';
import { writeProviderEvents } from './events';
import { rescaleProviderPlans } from './seats';
import { snapshotProviderSeats } from './snapshots';

type Trx = Transaction<Database>;

export const PLAN_NOT_ALLOWED = 'Plan is not allowed for this provider type.';

export interface NewClient {
  name: string;
  ownerEmail: string;
  planType: number;
  seats: number;
  key: string;
  publicKey: string;
  encryptedPrivateKey: string;
  collectionName: string | null;
  /** Managed (consolidated billing, `/clients`) or Created (legacy `/organizations`). */
  managed: boolean;
}

export interface CreatedClient {
  org: Organization;
  providerOrganizationId: string;
  ownerOrgUserId: string;
  ownerEmail: string;
  ownerHasAccount: boolean;
}

/** How a client name compares with another: as people read it, trimmed and ignoring case. */
export function clientNameKey(name: string): string {
  return name.normalize('NFC').trim().toLowerCase();
}

export const clientNameTaken = (name: string) =>
  `Another client of this provider is already named "${name.trim()}". Choose a name no other client has.`;

/**
 * Refuses a name another client of the provider already has: names are how people tell clients apart before they
 * act in one, so two clients with one name invite working in the wrong tenant. `except` is the org being renamed.
 */
export async function assertClientNameFree(trx: Trx, providerId: string, name: string, except?: string): Promise<void> {
  const key = clientNameKey(name);
  const rows = await trx
    .selectFrom('provider_organizations as po')
    .innerJoin('organizations as o', 'o.id', 'po.organization_id')
    .select(['o.id', 'o.name'])
    .where('po.provider_id', '=', providerId)
    .execute();
  if (rows.some((o) => o.id !== except && clientNameKey(htmlDecode(o.name) ?? '') === key))
    throw badRequest(clientNameTaken(name));
}

/** Bumps the account revision of the provider's Confirmed users (their sync lists the clients). */
export async function bumpProviderUsers(trx: Trx, providerId: string): Promise<void> {
  const rows = await trx
    .selectFrom('provider_users')
    .select('user_id')
    .where('provider_id', '=', providerId)
    .where('status', '=', ProviderUserStatus.Confirmed)
    .execute();
  await bumpUserRevision(
    trx,
    rows.map((r) => r.user_id).filter((id): id is string => !!id),
  );
}

export async function createClientOrganization(
  trx: Trx,
  provider: Provider,
  c: NewClient,
  origin: EventOrigin,
): Promise<CreatedClient> {
  const plan = planFor(c.planType);
  if (!plan || !planAllowedFor(provider.type, c.planType)) throw badRequest(PLAN_NOT_ALLOWED);
  await assertClientNameFree(trx, provider.id, c.name);
  const now = nowIso();
  const org: Organization = {
    id: newId(),
    identifier: null,
    name: htmlEncode(c.name),
    business_name: null,
    business_address1: null,
    business_address2: null,
    business_address3: null,
    business_country: null,
    business_tax_number: null,
    billing_email: provider.billing_email ?? normalizeEmail(c.ownerEmail),
    plan_type: plan.type,
    seats: c.seats,
    max_autoscale_seats: null,
    max_collections: plan.maxCollections,
    max_storage_gb: plan.baseStorageGb,
    sm_seats: null,
    sm_service_accounts: null,
    max_autoscale_sm_seats: null,
    max_autoscale_sm_service_accounts: null,
    features: JSON.stringify({ ...plan.features, useSecretsManager: false }),
    status: c.managed ? OrgStatus.Managed : OrgStatus.Created,
    enabled: 1,
    public_key: c.publicKey,
    private_key: c.encryptedPrivateKey,
    limit_collection_creation: 0,
    limit_collection_deletion: 0,
    limit_item_deletion: 0,
    allow_admin_access_to_all_collection_items: 1,
    license_key: randomString(30),
    creation_date: now,
    revision_date: now,
  };
  const providerOrganizationId = newId();
  const ownerOrgUserId = newId();
  const ownerEmail = normalizeEmail(c.ownerEmail);
  await trx.insertInto('organizations').values(org).execute();
  await trx
    .insertInto('organization_api_keys')
    .values({ id: newId(), organization_id: org.id, type: 0, api_key: randomString(30), revision_date: now })
    .execute();
  await trx
    .insertInto('provider_organizations')
    .values({
      id: providerOrganizationId,
      provider_id: provider.id,
      organization_id: org.id,
      key: c.key,
      settings: null,
      creation_date: now,
      revision_date: now,
    })
    .execute();
  await trx
    .insertInto('organization_users')
    .values({
      id: ownerOrgUserId,
      organization_id: org.id,
      user_id: null,
      email: ownerEmail,
      key: null,
      reset_password_key: null,
      type: OrgUserType.Owner,
      status: OrgUserStatus.Invited,
      external_id: null,
      access_secrets_manager: 0,
      access_pam: 0,
      permissions: null,
      revocation_reason: null,
      creation_date: now,
      revision_date: now,
    })
    .execute();
  const orgEvents: EventInput[] = [
    {
      ...origin,
      type: EventType.OrganizationUser_Invited,
      organizationId: org.id,
      organizationUserId: ownerOrgUserId,
      providerId: provider.id,
    },
  ];
  if (c.collectionName) {
    const collectionId = await insertManagedCollection(trx, {
      organizationId: org.id,
      name: c.collectionName,
      managerOrgUserId: ownerOrgUserId,
      now,
    });
    orgEvents.push({
      ...origin,
      type: EventType.Collection_Created,
      organizationId: org.id,
      collectionId,
      providerId: provider.id,
    });
  }
  await writeProviderEvents(trx, provider, [
    { ...origin, type: EventType.ProviderOrganization_Created, providerId: provider.id, providerOrganizationId },
  ]);
  await writeEvents(trx, orgEvents);
  if (c.managed) {
    await rescaleProviderPlans(trx, provider);
    await snapshotProviderSeats(trx, provider.id, [org.id]);
  }
  await bumpProviderUsers(trx, provider.id);
  const account = await trx.selectFrom('users').select('id').where('email', '=', ownerEmail).executeTakeFirst();
  return { org, providerOrganizationId, ownerOrgUserId, ownerEmail, ownerHasAccount: !!account };
}

/** Links an org the caller owns. Throws `alreadyLinked()` when it already has a provider. */
export async function linkExistingOrganization(
  trx: Trx,
  provider: Provider,
  org: Organization,
  key: string,
  managed: boolean,
  origin: EventOrigin,
  alreadyLinked: () => Error,
): Promise<string> {
  const existing = await trx
    .selectFrom('provider_organizations')
    .select('id')
    .where('organization_id', '=', org.id)
    .executeTakeFirst();
  if (existing) throw alreadyLinked();
  if (!planAllowedFor(provider.type, org.plan_type)) throw badRequest(PLAN_NOT_ALLOWED);
  if (org.sm_seats || JSON.parse(org.features).useSecretsManager === true)
    throw badRequest('Organizations using Secrets Manager cannot be managed by a provider.');
  const now = nowIso();
  const id = newId();
  await trx
    .insertInto('provider_organizations')
    .values({
      id,
      provider_id: provider.id,
      organization_id: org.id,
      key,
      settings: null,
      creation_date: now,
      revision_date: now,
    })
    .execute();
  await trx
    .updateTable('organizations')
    .set({
      billing_email: provider.billing_email ?? org.billing_email,
      ...(managed ? { status: OrgStatus.Managed } : {}),
      revision_date: now,
    })
    .where('id', '=', org.id)
    .execute();
  await writeProviderEvents(trx, provider, [
    { ...origin, type: EventType.ProviderOrganization_Added, providerId: provider.id, providerOrganizationId: id },
  ]);
  if (managed) {
    await rescaleProviderPlans(trx, provider);
    await snapshotProviderSeats(trx, provider.id, [org.id]);
  }
  await bumpProviderUsers(trx, provider.id);
  await bumpOrgRevision(trx, org.id);
  return id;
}

/** RemoveOrganizationFromProviderCommand: the org keeps a Confirmed Owner, gets its own billing back. */
export async function unlinkOrganization(
  trx: Trx,
  provider: Provider,
  providerOrganizationId: string,
  origin: EventOrigin,
): Promise<void> {
  const failed = () => badRequest('Failed to remove organization vault. Please contact support.');
  const link = await trx
    .selectFrom('provider_organizations')
    .selectAll()
    .where('id', '=', providerOrganizationId)
    .executeTakeFirst();
  if (!link || link.provider_id !== provider.id) throw failed();
  const org = await trx
    .selectFrom('organizations')
    .selectAll()
    .where('id', '=', link.organization_id)
    .executeTakeFirst();
  if (!org) throw failed();
  const owner = await trx
    .selectFrom('organization_users as ou')
    .innerJoin('users as u', 'u.id', 'ou.user_id')
    .select(['u.email'])
    .where('ou.organization_id', '=', org.id)
    .where('ou.type', '=', OrgUserType.Owner)
    .where('ou.status', '=', OrgUserStatus.Confirmed)
    .orderBy('ou.creation_date')
    .executeTakeFirst();
  if (!owner) throw badRequest('Organization must have at least one confirmed owner.');
  if (org.status === OrgStatus.Managed) await snapshotProviderSeats(trx, provider.id, [org.id]);
  await trx.deleteFrom('provider_organizations').where('id', '=', link.id).execute();
  await trx
    .updateTable('organizations')
    .set({
      billing_email: owner.email,
      status: org.status === OrgStatus.Managed ? OrgStatus.Created : org.status,
      revision_date: nowIso(),
    })
    .where('id', '=', org.id)
    .execute();
  await writeProviderEvents(trx, provider, [
    {
      ...origin,
      type: EventType.ProviderOrganization_Removed,
      providerId: provider.id,
      providerOrganizationId: link.id,
    },
  ]);
  await rescaleProviderPlans(trx, provider);
  await bumpProviderUsers(trx, provider.id);
  await bumpOrgRevision(trx, org.id);
}
