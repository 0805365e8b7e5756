// Provider enums (bitwarden-api.md §6.2, §12) and which plans each provider type may manage.
export const ProviderType = { Msp: 0, Reseller: 1, BusinessUnit: 2 } as const;
export const ProviderUserType = { ProviderAdmin: 0, ServiceUser: 1 } as const;
export const ProviderUserStatus = { Invited: 0, Accepted: 1, Confirmed: 2 } as const;
export const ProviderStatus = { Pending: 0, Created: 1, Billable: 2 } as const;
/** OrganizationStatusType: Managed = a consolidated-billing client. */
export const OrgStatus = { Pending: 0, Created: 1, Managed: 2 } as const;

export const PlanType = { TeamsMonthly: 17, TeamsAnnually: 18, EnterpriseMonthly: 19, EnterpriseAnnually: 20 } as const;

/** Plans a reseller may not manage (free and family tiers, starter plans). */
const RESELLER_DENY = new Set([0, 1, 7, 16, 21, 22]);

/** Plan types a provider of this type may manage (api §6.2). */
export function planAllowedFor(providerType: number, planType: number): boolean {
  if (providerType === ProviderType.Msp)
    return planType === PlanType.TeamsMonthly || planType === PlanType.EnterpriseMonthly;
  if (providerType === ProviderType.BusinessUnit)
    return planType === PlanType.EnterpriseMonthly || planType === PlanType.EnterpriseAnnually;
  return planType >= 0 && planType <= 22 && !RESELLER_DENY.has(planType);
}

/** The provider plans created for a provider type (and billed): MSP Teams+Enterprise monthly, BU Enterprise. */
export function providerPlanTypes(providerType: number): number[] {
  if (providerType === ProviderType.Msp) return [PlanType.TeamsMonthly, PlanType.EnterpriseMonthly];
  if (providerType === ProviderType.BusinessUnit) return [PlanType.EnterpriseMonthly, PlanType.EnterpriseAnnually];
  return [];
}

/** Consolidated billing applies to Msp and BusinessUnit providers in status Billable. */
export const isBillable = (p: { type: number; status: number }): boolean =>
  (p.type === ProviderType.Msp || p.type === ProviderType.BusinessUnit) && p.status === ProviderStatus.Billable;

export const PROVIDER_TYPE_NAMES: Record<string, number> = { msp: 0, reseller: 1, 'business-unit': 2 };
