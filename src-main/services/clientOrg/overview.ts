/**
 * The client org itself: the overview with the acting-client facts and the pages it offers (provider-portal.md
 * §12), its subscription (§7.11) and the self-hosted license (§7.9).
 */
import { DeskError } from '../../../src-shared/contract/errors';
import { productTiers, type ActingAs, type OrgFeatures } from '../../../src-shared/contract/clientOrg';
import { fetchOrgUsers } from '../../bitwarden/clientOrgMembersApi';
import { fetchLicense, fetchOrganization, fetchOrgSubscription } from '../../bitwarden/orgAdminApi';
import type { ProfileOrgs, WireOrganization } from '../../bitwarden/orgAdminSchemas';
import type { OrgIn, OrgOut } from './channelTypes';
import { roleOf } from './members';
import type { OrgContext, OrgScope } from './orgContext';

const PROVIDER_TYPES = ['msp', 'reseller', 'businessUnit'] as const;
const PROVIDER_ROLES = ['providerAdmin', 'serviceUser'] as const;
const LICENSE_FILE = 'bitwarden_organization_license.json';
const REVOKED = -1;

function actingAs(profile: ProfileOrgs, organizationId: string): ActingAs {
  const member = profile.organizations.find((o) => o.id.toLowerCase() === organizationId);
  const link = profile.providerOrganizations.find((o) => o.id.toLowerCase() === organizationId);
  if (link?.providerId && !member) {
    const provider = profile.providers.find((p) => p.id === link.providerId);
    return {
      kind: 'provider',
      providerId: link.providerId.toLowerCase(),
      providerName: link.providerName ?? provider?.name ?? null,
      providerType: PROVIDER_TYPES[link.providerType ?? provider?.providerType ?? -1] ?? null,
      providerRole: PROVIDER_ROLES[provider?.type ?? -1] ?? null,
    };
  }
  if (member) return { kind: 'member', role: roleOf(member.type ?? 2) };
  throw new DeskError('not_found', 'This account does not reach that organization (as a provider or as a member).');
}

function features(org: WireOrganization, profile: ProfileOrgs, organizationId: string): OrgFeatures {
  const listed = [...profile.providerOrganizations, ...profile.organizations].find(
    (o) => o.id.toLowerCase() === organizationId,
  );
  return {
    usePolicies: org.usePolicies,
    useSso: org.useSso,
    useGroups: org.useGroups,
    useEvents: org.useEvents,
    use2fa: org.use2fa,
    useResetPassword: org.useResetPassword,
    useCustomPermissions: org.useCustomPermissions,
    useScim: org.useScim,
    useDirectory: org.useDirectory,
    useKeyConnector: org.useKeyConnector,
    useTotp: org.useTotp,
    useApi: org.useApi,
    useOrganizationDomains: org.useOrganizationDomains,
    useActivateAutofillPolicy: listed?.useActivateAutofillPolicy ?? org.useActivateAutofillPolicy,
    selfHost: org.selfHost,
  };
}

export function createOverviewService(ctx: OrgContext) {
  async function load(s: OrgScope) {
    const [org, profile] = await Promise.all([
      ctx.call(s, (a) => fetchOrganization(a, s.organizationId)),
      ctx.profile(s),
    ]);
    return { org, profile, acting: actingAs(profile, s.organizationId) };
  }

  async function overview(input: OrgIn<'org.overview'>): Promise<OrgOut<'org.overview'>> {
    const s = ctx.scope(input);
    const { org, profile, acting } = await load(s);
    const f = features(org, profile, s.organizationId);
    const keyAvailable = await ctx.hasOrgKey(s);
    const tier = org.plan?.productTier ?? null;
    return {
      organizationId: s.organizationId,
      name: org.name,
      planName: org.plan?.name ?? null,
      planType: org.planType,
      productTier: tier === null ? null : (productTiers[tier] ?? null),
      seats: org.seats,
      maxAutoscaleSeats: org.maxAutoscaleSeats,
      maxCollections: org.maxCollections,
      maxStorageGb: org.maxStorageGb,
      features: f,
      actingAs: acting,
      keyAvailable,
      pages: {
        members: true,
        groups: f.useGroups,
        collections: keyAvailable,
        policies: f.usePolicies,
        sso: f.useSso,
        import: keyAvailable,
        events: f.useEvents,
        subscription: true,
        license: f.selfHost,
      },
    };
  }

  /** The subscription route answers 404 on servers (and for orgs) without one; the page then shows seats only. */
  async function subscriptionDetails(s: OrgScope) {
    try {
      const answer = await ctx.call(s, (a) => fetchOrgSubscription(a, s.organizationId));
      if (answer.subscription) return { subscription: answer.subscription, subscriptionMessage: null };
      return { subscription: null, subscriptionMessage: 'The server reports no subscription for this organization.' };
    } catch (error) {
      if (!(error instanceof DeskError) || !['not_found', 'forbidden'].includes(error.code)) throw error;
      return {
        subscription: null,
        subscriptionMessage:
          'The server gives no subscription details for this organization; seats and plan are shown.',
      };
    }
  }

  async function subscription(input: OrgIn<'org.subscription'>): Promise<OrgOut<'org.subscription'>> {
    const s = ctx.scope(input);
    const [{ org, acting }, users, details] = await Promise.all([
      load(s),
      ctx.call(s, (a) => fetchOrgUsers(a, s.organizationId)),
      subscriptionDetails(s),
    ]);
    const occupied = users.filter((u) => u.status !== REVOKED).length;
    return {
      organizationId: s.organizationId,
      planName: org.plan?.name ?? null,
      planType: org.planType,
      seats: org.seats,
      occupiedSeats: occupied,
      remainingSeats: org.seats === null ? null : Math.max(0, org.seats - occupied),
      maxAutoscaleSeats: org.maxAutoscaleSeats,
      provider:
        acting.kind === 'provider'
          ? {
              id: acting.providerId,
              name: acting.providerName,
              consolidatedBilling: acting.providerType === 'msp' || acting.providerType === 'businessUnit',
            }
          : null,
      ...details,
    };
  }

  async function license(input: OrgIn<'org.license.download'>): Promise<OrgOut<'org.license.download'>> {
    const s = ctx.scope(input);
    const body = await ctx.call(s, (a) => fetchLicense(a, s.organizationId, input.installationId));
    return { fileName: LICENSE_FILE, text: `${JSON.stringify(body, null, 2)}\n` };
  }

  return { overview, subscription, license };
}
