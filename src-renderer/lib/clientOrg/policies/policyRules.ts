import type { OrgPolicy } from '$shared/contract/clientOrg';

/**
 * Rules between policies (bitwarden-api.md §7.6): Single organization must be on before the policies that need
 * it, and cannot be turned off while any of them is on. The server refuses both with a 400; saying so before the
 * call keeps the person in the dialog with a clear next step.
 */
export const SINGLE_ORG = 3;

/** Why saving `policy` with `enabled` would be refused, or null. */
export function dependencyProblem(policy: OrgPolicy, enabled: boolean, policies: readonly OrgPolicy[]): string | null {
  const singleOrg = policies.find((p) => p.type === SINGLE_ORG);
  if (enabled && !policy.enabled && policy.requiresSingleOrg && singleOrg && !singleOrg.enabled) {
    return `Turn on the ${singleOrg.name} policy first: ${policy.name} needs it.`;
  }
  if (!enabled && policy.enabled && policy.type === SINGLE_ORG) {
    const dependents = policies.filter((p) => p.requiresSingleOrg && p.enabled).map((p) => p.name);
    if (dependents.length) {
      return `Turn off ${dependents.join(', ')} first: ${dependents.length === 1 ? 'it needs' : 'they need'} this policy.`;
    }
  }
  return null;
}

export type PolicyFilter = 'all' | 'enabled' | 'off';

/** Policies matching the search text (name or description) and the on/off filter. */
export function filterPolicies(policies: readonly OrgPolicy[], search: string, filter: PolicyFilter): OrgPolicy[] {
  const words = search.trim().toLowerCase().split(/\s+/).filter(Boolean);
  return policies.filter((p) => {
    if (filter === 'enabled' && !p.enabled) return false;
    if (filter === 'off' && p.enabled) return false;
    const text = `${p.name} ${p.description}`.toLowerCase();
    return words.every((w) => text.includes(w));
  });
}
