/**
 * Policies (bitwarden-api.md §7.6): every PolicyType with its saved state and whether this org's plan allows it.
 * Data is checked with the shared schema of its type (the same the renderer's forms use).
 */
import { DeskError } from '../../../src-shared/contract/errors';
import { policyDefinitions, type OrgPolicy, type PolicyDefinition } from '../../../src-shared/contract/clientOrg';
import { encryptToString } from '../../crypto';
import { fetchOrganization, fetchPolicies, savePolicy } from '../../bitwarden/orgAdminApi';
import type { ProfileOrgs, WireOrganization, WirePolicyStatus } from '../../bitwarden/orgAdminSchemas';
import type { OrgIn, OrgOut } from './channelTypes';
import type { OrgContext, OrgScope } from './orgContext';

const DATA_OWNERSHIP = 5;

const FEATURE_LABELS: Record<NonNullable<PolicyDefinition['feature']>, string> = {
  useSso: 'single sign-on',
  useResetPassword: 'account recovery',
  useActivateAutofillPolicy: 'the auto-fill policy',
  useOrganizationDomains: 'domain verification',
};

interface OrgFacts {
  org: WireOrganization;
  viaProvider: boolean;
  useActivateAutofillPolicy: boolean;
}

/** Why the policy cannot be turned on here, or null. */
export function unavailableReason(def: PolicyDefinition, facts: OrgFacts): string | null {
  const planName = facts.org.plan?.name ?? 'its current plan';
  if (!facts.org.usePolicies) return `Policies need an Enterprise plan; this organization is on ${planName}.`;
  const feature = def.feature;
  const has = feature === 'useActivateAutofillPolicy' ? facts.useActivateAutofillPolicy : feature && facts.org[feature];
  if (feature && !has) return `This policy needs ${FEATURE_LABELS[feature]}, which ${planName} does not include.`;
  if (def.notForProviders && facts.viaProvider) return 'Provider users cannot turn this policy on.';
  return null;
}

/** Saved data as plain values for display, and whether it fits the type's schema. */
function shownData(def: PolicyDefinition, data: Record<string, unknown> | null | undefined) {
  if (!data || !def.data) return { data: null, dataInvalid: false };
  const plain = Object.fromEntries(
    Object.entries(data).filter(([, v]) =>
      Array.isArray(v) ? v.every((x) => ['string', 'number'].includes(typeof x)) : v === null || typeof v !== 'object',
    ),
  ) as OrgPolicy['data'];
  return { data: plain, dataInvalid: !def.data.safeParse(data).success };
}

export function toPolicy(def: PolicyDefinition, saved: WirePolicyStatus | undefined, facts: OrgFacts): OrgPolicy {
  const reason = unavailableReason(def, facts);
  return {
    type: def.type,
    key: def.key,
    name: def.name,
    description: def.description,
    enabled: saved?.enabled ?? false,
    ...shownData(def, saved?.data),
    hasData: def.data !== null,
    requiresSingleOrg: def.requiresSingleOrg ?? false,
    available: reason === null,
    unavailableReason: reason,
    canToggle: saved?.canToggleState ?? true,
  };
}

export function createPoliciesService(ctx: OrgContext) {
  async function facts(s: OrgScope): Promise<OrgFacts> {
    const [org, profile] = await Promise.all([
      ctx.call(s, (a) => fetchOrganization(a, s.organizationId)),
      ctx.profile(s),
    ]);
    return { org, ...access(profile, s.organizationId) };
  }

  async function list(input: OrgIn<'org.policies.list'>): Promise<OrgOut<'org.policies.list'>> {
    const s = ctx.scope(input);
    const [f, saved] = await Promise.all([facts(s), ctx.call(s, (a) => fetchPolicies(a, s.organizationId))]);
    return {
      usePolicies: f.org.usePolicies,
      policies: (policyDefinitions as readonly PolicyDefinition[]).map((def) =>
        toPolicy(
          def,
          saved.find((p) => p.type === def.type),
          f,
        ),
      ),
    };
  }

  async function update(input: OrgIn<'org.policies.update'>): Promise<OrgOut<'org.policies.update'>> {
    const s = ctx.scope(input);
    const def = (policyDefinitions as readonly PolicyDefinition[]).find((d) => d.type === input.type)!;
    const f = await facts(s);
    const reason = unavailableReason(def, f);
    // Turning a policy off stays possible when the plan no longer allows it.
    if (reason && input.enabled) throw new DeskError('forbidden', reason);
    const metadata =
      def.type === DATA_OWNERSHIP && input.enabled
        ? { defaultUserCollectionName: await ctx.withOrgKey(s, (key) => encryptToString('My Items', key)) }
        : undefined;
    const saved = await ctx.call(s, (a) =>
      savePolicy(a, s.organizationId, def.type, {
        policy: { enabled: input.enabled, data: def.data ? (input.data ?? null) : null },
        ...(metadata ? { metadata } : {}),
      }),
    );
    return { policy: toPolicy(def, saved, f) };
  }

  return { list, update };
}

/** How the account reaches the org, and the profile-only feature flag. */
function access(profile: ProfileOrgs, organizationId: string) {
  const viaProvider = profile.providerOrganizations.find((o) => o.id.toLowerCase() === organizationId);
  const member = profile.organizations.find((o) => o.id.toLowerCase() === organizationId);
  return {
    viaProvider: !!viaProvider && !member,
    useActivateAutofillPolicy: (viaProvider ?? member)?.useActivateAutofillPolicy ?? false,
  };
}
