// The caller's organization memberships with their orgs and SSO summaries (sync, profile, org list).
import type { Kysely, Transaction } from 'kysely';
import type { Database, Organization, OrganizationUser } from '../db/schema';
import { isSet, parseJson } from '../db/values';
import { profileOrganization, type SsoSummary } from './organizations';

type DbOrTrx = Kysely<Database> | Transaction<Database>;

export interface Membership {
  org: Organization;
  membership: OrganizationUser;
  sso: SsoSummary | null;
}

export async function userMemberships(db: DbOrTrx, userId: string, statuses: readonly number[]): Promise<Membership[]> {
  const memberships = await db
    .selectFrom('organization_users')
    .selectAll()
    .where('user_id', '=', userId)
    .where('status', 'in', [...statuses])
    .execute();
  if (memberships.length === 0) return [];
  const orgIds = memberships.map((m) => m.organization_id);
  const orgs = await db.selectFrom('organizations').selectAll().where('id', 'in', orgIds).execute();
  const ssoRows = await db.selectFrom('sso_configs').selectAll().where('organization_id', 'in', orgIds).execute();
  const result: Membership[] = [];
  for (const membership of memberships) {
    const org = orgs.find((o) => o.id === membership.organization_id);
    if (!org) continue;
    const sso = ssoRows.find((s) => s.organization_id === org.id);
    const data = parseJson<{ memberDecryptionType?: number; keyConnectorUrl?: string }>(sso?.data, {});
    result.push({
      org,
      membership,
      sso: sso
        ? {
            enabled: isSet(sso.enabled),
            memberDecryptionType: data.memberDecryptionType ?? 0,
            keyConnectorUrl: data.keyConnectorUrl ?? null,
          }
        : null,
    });
  }
  return result.sort((a, b) => a.org.name.localeCompare(b.org.name));
}

export const profileOrganizations = (list: Membership[]) =>
  list.map((m) => profileOrganization(m.org, m.membership, m.sso));
