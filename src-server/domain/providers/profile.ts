// `profile.providers` and `profile.providerOrganizations` (bitwarden-api.md §5.3–5.4), registered with
// `setProviderProfileLoader` (domain/profile.ts) by the providers route module.
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema';
import { isSet, parseJson } from '../../db/values';
import { htmlDecode } from '../htmlNames';
import { baseProfileOrganization, type SsoSummary } from '../organizations';
import { defaultPermissions } from '../orgRoles';
import { ProviderUserStatus } from './enums';

type DbOrTrx = Kysely<Database> | Transaction<Database>;

export async function providerProfileParts(db: DbOrTrx, userId: string) {
  const memberships = await db
    .selectFrom('provider_users as pu')
    .innerJoin('providers as p', 'p.id', 'pu.provider_id')
    .select([
      'p.id',
      'p.name',
      'p.enabled',
      'p.use_events',
      'p.status as providerStatus',
      'p.type as providerType',
      'pu.key',
      'pu.status',
      'pu.type',
      'pu.user_id',
    ])
    .where('pu.user_id', '=', userId)
    .where('pu.status', '=', ProviderUserStatus.Confirmed)
    .orderBy('p.name')
    .execute();
  const providers = memberships.map((m) => ({
    object: 'profileProvider',
    id: m.id,
    name: htmlDecode(m.name),
    key: m.key,
    status: m.status,
    type: m.type,
    enabled: isSet(m.enabled),
    permissions: defaultPermissions(),
    userId: m.user_id,
    useEvents: isSet(m.use_events),
    providerStatus: m.providerStatus,
    providerType: m.providerType,
  }));
  if (memberships.length === 0) return { providers, providerOrganizations: [] };

  const byProvider = new Map(memberships.map((m) => [m.id, m]));
  const links = await db
    .selectFrom('provider_organizations as po')
    .innerJoin('organizations as o', 'o.id', 'po.organization_id')
    .leftJoin('sso_configs as s', 's.organization_id', 'o.id')
    .selectAll('o')
    .select(['po.provider_id', 'po.key as providerOrgKey', 's.enabled as ssoEnabled', 's.data as ssoData'])
    .where('po.provider_id', 'in', [...byProvider.keys()])
    .orderBy('o.name')
    .execute();
  const providerOrganizations = links.map((row) => {
    const { provider_id, providerOrgKey, ssoEnabled, ssoData, ...org } = row;
    const provider = byProvider.get(provider_id)!;
    const data = parseJson<{ memberDecryptionType?: number; keyConnectorUrl?: string }>(ssoData, {});
    const sso: SsoSummary | null =
      ssoEnabled === null
        ? null
        : {
            enabled: isSet(ssoEnabled),
            memberDecryptionType: data.memberDecryptionType ?? 0,
            keyConnectorUrl: data.keyConnectorUrl ?? null,
          };
    return {
      object: 'profileProviderOrganization',
      ...baseProfileOrganization(org, sso),
      userId,
      key: providerOrgKey,
      ssoBound: false,
      resetPasswordEnrolled: false,
      accessSecretsManager: false,
      accessPam: false,
      status: 2,
      type: 0,
      permissions: defaultPermissions(),
      providerId: provider.id,
      providerName: htmlDecode(provider.name),
      providerType: provider.providerType,
    };
  });
  return { providers, providerOrganizations };
}
