// What enabling a policy does to existing members (bitwarden-api.md §7.6): TwoFactorAuthentication revokes
// members without two-step login (1520), SingleOrg revokes members of other orgs (1521), and
// OrganizationDataOwnership creates each Confirmed member's default collection when a name is given.
import type { Transaction } from 'kysely';
import type { Database } from '../db/schema';
import { newId, nowIso } from '../db/values';
import { writeEvents, type EventInput, type EventOrigin } from './events';
import { EventType } from './eventTypes';
import { hasTwoFactor } from './memberCompliance';
import { OrgUserStatus, OrgUserType } from './orgRoles';
import { PolicyType } from './policyTypes';

type Trx = Transaction<Database>;

async function activeNonAdmins(trx: Trx, orgId: string) {
  return trx
    .selectFrom('organization_users')
    .select(['id', 'user_id'])
    .where('organization_id', '=', orgId)
    .where('status', 'in', [OrgUserStatus.Accepted, OrgUserStatus.Confirmed])
    .where('type', 'not in', [OrgUserType.Owner, OrgUserType.Admin])
    .where('user_id', 'is not', null)
    .execute();
}

async function revoke(
  trx: Trx,
  orgId: string,
  ids: { id: string; user_id: string | null }[],
  reason: number,
  type: number,
  origin: EventOrigin,
) {
  if (ids.length === 0) return;
  await trx
    .updateTable('organization_users')
    .set({ status: OrgUserStatus.Revoked, revocation_reason: reason, revision_date: nowIso() })
    .where(
      'id',
      'in',
      ids.map((m) => m.id),
    )
    .execute();
  await writeEvents(
    trx,
    ids.map((m) => ({ ...origin, type, organizationId: orgId, organizationUserId: m.id, userId: m.user_id })),
  );
}

export async function applyPolicyEnabled(
  trx: Trx,
  orgId: string,
  type: number,
  origin: EventOrigin,
  metadata: { defaultUserCollectionName?: string | null } | null,
): Promise<void> {
  if (type === PolicyType.TwoFactorAuthentication) {
    const members = await activeNonAdmins(trx, orgId);
    const missing = [];
    for (const m of members) if (!(await hasTwoFactor(trx, m.user_id!))) missing.push(m);
    await revoke(trx, orgId, missing, 2, EventType.OrganizationUser_Revoked_TwoFactorNonCompliance, origin);
  } else if (type === PolicyType.SingleOrg) {
    const members = await activeNonAdmins(trx, orgId);
    const elsewhere = [];
    for (const m of members) {
      const other = await trx
        .selectFrom('organization_users')
        .select('id')
        .where('user_id', '=', m.user_id)
        .where('organization_id', '!=', orgId)
        .where('status', 'in', [OrgUserStatus.Accepted, OrgUserStatus.Confirmed])
        .executeTakeFirst();
      if (other) elsewhere.push(m);
    }
    await revoke(trx, orgId, elsewhere, 4, EventType.OrganizationUser_Revoked_SingleOrganizationNonCompliance, origin);
  } else if (type === PolicyType.OrganizationDataOwnership && metadata?.defaultUserCollectionName) {
    await createDefaultCollections(trx, orgId, metadata.defaultUserCollectionName, origin);
  }
}

async function createDefaultCollections(trx: Trx, orgId: string, name: string, origin: EventOrigin) {
  const members = await trx
    .selectFrom('organization_users as ou')
    .innerJoin('users as u', 'u.id', 'ou.user_id')
    .select(['ou.id', 'u.email'])
    .where('ou.organization_id', '=', orgId)
    .where('ou.status', '=', OrgUserStatus.Confirmed)
    .execute();
  const existing = await trx
    .selectFrom('collections')
    .select('default_user_collection_email')
    .where('organization_id', '=', orgId)
    .where('type', '=', 1)
    .execute();
  const have = new Set(existing.map((c) => c.default_user_collection_email));
  const now = nowIso();
  const events: EventInput[] = [];
  for (const m of members.filter((x) => !have.has(x.email))) {
    const id = newId();
    await trx
      .insertInto('collections')
      .values({
        id,
        organization_id: orgId,
        name,
        external_id: null,
        type: 1,
        default_user_collection_email: m.email,
        creation_date: now,
        revision_date: now,
      })
      .execute();
    await trx
      .insertInto('collection_users')
      .values({ collection_id: id, organization_user_id: m.id, read_only: 0, hide_passwords: 0, manage: 1 })
      .execute();
    events.push({ ...origin, type: EventType.Collection_Created, organizationId: orgId, collectionId: id });
  }
  await writeEvents(trx, events);
}
