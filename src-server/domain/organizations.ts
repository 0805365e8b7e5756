// Organization response models: `organization` (bitwarden-accounts.md §2.3) and `profileOrganization` (§3.1, api §5.4).
import type { Organization, OrganizationUser } from '../db/schema';
import { isSet, parseJson } from '../db/values';
import { htmlDecode } from './htmlNames';
import { readPermissions } from './orgRoles';
import { FEATURE_NAMES, planFor, planResponse, type OrgFeatures } from './plans';

export function readFeatures(org: Organization): OrgFeatures {
  const stored = parseJson<Partial<OrgFeatures>>(org.features, {});
  return Object.fromEntries(FEATURE_NAMES.map((f) => [f, stored[f] === true])) as OrgFeatures;
}

function collectionSettings(org: Organization) {
  return {
    limitCollectionCreation: isSet(org.limit_collection_creation),
    limitCollectionDeletion: isSet(org.limit_collection_deletion),
    limitItemDeletion: isSet(org.limit_item_deletion),
    allowAdminAccessToAllCollectionItems: isSet(org.allow_admin_access_to_all_collection_items),
  };
}

export function organizationResponse(org: Organization) {
  const f = readFeatures(org);
  const plan = planFor(org.plan_type);
  return {
    object: 'organization',
    id: org.id,
    identifier: org.identifier,
    name: htmlDecode(org.name),
    businessName: htmlDecode(org.business_name),
    businessAddress1: org.business_address1,
    businessAddress2: org.business_address2,
    businessAddress3: org.business_address3,
    businessCountry: org.business_country,
    businessTaxNumber: org.business_tax_number,
    billingEmail: org.billing_email,
    plan: plan ? planResponse(plan) : null,
    secretsManagerPlan: null,
    planType: org.plan_type,
    seats: org.seats,
    maxAutoscaleSeats: org.max_autoscale_seats,
    maxCollections: org.max_collections,
    maxStorageGb: org.max_storage_gb,
    usePolicies: f.usePolicies,
    useSso: f.useSso,
    useKeyConnector: f.useKeyConnector,
    useScim: f.useScim,
    useGroups: f.useGroups,
    useDirectory: f.useDirectory,
    useEvents: f.useEvents,
    useTotp: f.useTotp,
    use2fa: f.use2fa,
    useApi: f.useApi,
    useSecretsManager: f.useSecretsManager,
    useResetPassword: f.useResetPassword,
    usersGetPremium: f.usersGetPremium,
    useCustomPermissions: f.useCustomPermissions,
    selfHost: f.selfHost,
    hasPublicAndPrivateKeys: !!(org.public_key && org.private_key),
    usePasswordManager: f.usePasswordManager,
    smSeats: org.sm_seats,
    smServiceAccounts: org.sm_service_accounts,
    maxAutoscaleSmSeats: org.max_autoscale_sm_seats,
    maxAutoscaleSmServiceAccounts: org.max_autoscale_sm_service_accounts,
    ...collectionSettings(org),
    useRiskInsights: f.useRiskInsights,
    useOrganizationDomains: f.useOrganizationDomains,
    useAdminSponsoredFamilies: f.useAdminSponsoredFamilies,
    useAutomaticUserConfirmation: f.useAutomaticUserConfirmation,
    useDisableSmAdsForUsers: f.useDisableSMAdsForUsers,
    usePhishingBlocker: f.usePhishingBlocker,
    useMyItems: f.useMyItems,
    useInviteLinks: f.useInviteLinks,
    usePam: f.usePam,
  };
}

export interface SsoSummary {
  enabled: boolean;
  memberDecryptionType: number | null;
  keyConnectorUrl: string | null;
}

/** Fields shared by `profileOrganization` and `profileProviderOrganization` (api §5.4). */
export function baseProfileOrganization(org: Organization, sso: SsoSummary | null) {
  const f = readFeatures(org);
  const plan = planFor(org.plan_type);
  return {
    id: org.id,
    name: htmlDecode(org.name),
    enabled: isSet(org.enabled),
    identifier: org.identifier,
    productTierType: plan?.productTier ?? 0,
    ...f,
    seats: org.seats,
    maxCollections: org.max_collections,
    maxStorageGb: org.max_storage_gb,
    hasPublicAndPrivateKeys: !!(org.public_key && org.private_key),
    ...collectionSettings(org),
    providerId: null as string | null,
    providerName: null as string | null,
    providerType: null as number | null,
    ssoEnabled: sso?.enabled ?? false,
    keyConnectorEnabled: sso?.memberDecryptionType === 1,
    keyConnectorUrl: sso?.keyConnectorUrl ?? null,
    ssoMemberDecryptionType: sso?.memberDecryptionType ?? null,
  };
}

/** `profileOrganization`: the caller's membership of one org (sync `profile.organizations`, `GET /organizations`). */
export function profileOrganization(org: Organization, m: OrganizationUser, sso: SsoSummary | null) {
  return {
    object: 'profileOrganization',
    ...baseProfileOrganization(org, sso),
    userId: m.user_id,
    organizationUserId: m.id,
    key: m.key,
    ssoBound: false,
    resetPasswordEnrolled: !!m.reset_password_key,
    accessSecretsManager: isSet(m.access_secrets_manager),
    accessPam: isSet(m.access_pam),
    status: m.status,
    type: m.type,
    permissions: readPermissions(m.permissions),
    userIsClaimedByOrganization: false,
    familySponsorshipFriendlyName: null,
    familySponsorshipAvailable: false,
    familySponsorshipLastSyncDate: null,
    familySponsorshipValidUntil: null,
    familySponsorshipToDelete: null,
    isAdminInitiated: false,
  };
}
