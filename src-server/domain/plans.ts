// Plan catalogue (bitwarden-accounts.md §2.4): tiers, seats and features copied onto an organization at creation.
export const ProductTier = { Free: 0, Families: 1, Teams: 2, Enterprise: 3, TeamsStarter: 4 } as const;

export interface Plan {
  type: number;
  name: string;
  productTier: number;
  isAnnual: boolean;
  legacyYear: number | null;
  baseSeats: number;
  maxSeats: number | null;
  hasAdditionalSeatsOption: boolean;
  maxCollections: number | null;
  baseStorageGb: number | null;
  features: OrgFeatures;
}

export type OrgFeatures = Record<(typeof FEATURE_NAMES)[number], boolean>;

export const FEATURE_NAMES = [
  'usePolicies',
  'useSso',
  'useKeyConnector',
  'useScim',
  'useGroups',
  'useDirectory',
  'useEvents',
  'useTotp',
  'use2fa',
  'useApi',
  'useResetPassword',
  'useSecretsManager',
  'usePasswordManager',
  'usersGetPremium',
  'useCustomPermissions',
  'useActivateAutofillPolicy',
  'useRiskInsights',
  'useOrganizationDomains',
  'useAdminSponsoredFamilies',
  'useAutomaticUserConfirmation',
  'useDisableSMAdsForUsers',
  'usePhishingBlocker',
  'useMyItems',
  'useInviteLinks',
  'usePam',
  'selfHost',
] as const;

const none = (): OrgFeatures => Object.fromEntries(FEATURE_NAMES.map((f) => [f, false])) as OrgFeatures;
const on = (...names: (typeof FEATURE_NAMES)[number][]): OrgFeatures => ({
  ...none(),
  usePasswordManager: true,
  ...Object.fromEntries(names.map((n) => [n, true])),
});

const FAMILIES = on('useTotp', 'usersGetPremium', 'selfHost');
const TEAMS = on(
  'useGroups',
  'useDirectory',
  'useEvents',
  'useTotp',
  'use2fa',
  'useApi',
  'usersGetPremium',
  'useScim',
  'useMyItems',
);
const ENTERPRISE = on(
  'usePolicies',
  'useSso',
  'useKeyConnector',
  'useScim',
  'useGroups',
  'useDirectory',
  'useEvents',
  'useTotp',
  'use2fa',
  'useApi',
  'useResetPassword',
  'usersGetPremium',
  'useCustomPermissions',
  'useActivateAutofillPolicy',
  'useRiskInsights',
  'useOrganizationDomains',
  'useAdminSponsoredFamilies',
  'useAutomaticUserConfirmation',
  'usePhishingBlocker',
  'useMyItems',
  'selfHost',
);

const NAMES: [number, string, number, boolean, number | null][] = [
  [0, 'Free', 0, false, null],
  [1, 'Families 2019', 1, true, 2019],
  [2, 'Teams (Monthly) 2019', 2, false, 2019],
  [3, 'Teams (Annually) 2019', 2, true, 2019],
  [4, 'Enterprise (Monthly) 2019', 3, false, 2019],
  [5, 'Enterprise (Annually) 2019', 3, true, 2019],
  [6, 'Custom', 0, false, null],
  [7, 'Families 2025', 1, true, 2025],
  [8, 'Teams (Monthly) 2020', 2, false, 2020],
  [9, 'Teams (Annually) 2020', 2, true, 2020],
  [10, 'Enterprise (Monthly) 2020', 3, false, 2020],
  [11, 'Enterprise (Annually) 2020', 3, true, 2020],
  [12, 'Teams (Monthly) 2023', 2, false, 2023],
  [13, 'Teams (Annually) 2023', 2, true, 2023],
  [14, 'Enterprise (Monthly) 2023', 3, false, 2023],
  [15, 'Enterprise (Annually) 2023', 3, true, 2023],
  [16, 'Teams Starter 2023', 4, false, 2023],
  [17, 'Teams (Monthly)', 2, false, null],
  [18, 'Teams (Annually)', 2, true, null],
  [19, 'Enterprise (Monthly)', 3, false, null],
  [20, 'Enterprise (Annually)', 3, true, null],
  [21, 'Teams Starter', 4, false, null],
  [22, 'Families', 1, true, null],
];

function build([type, name, tier, isAnnual, legacyYear]: (typeof NAMES)[number]): Plan {
  const base = { type, name, productTier: tier, isAnnual, legacyYear, baseStorageGb: tier === 0 ? null : 1 };
  switch (tier) {
    case ProductTier.Free:
      return {
        ...base,
        baseSeats: 2,
        maxSeats: 2,
        hasAdditionalSeatsOption: false,
        maxCollections: 2,
        features: type === 6 ? ENTERPRISE : none(),
      };
    case ProductTier.Families:
      return {
        ...base,
        baseSeats: 6,
        maxSeats: 6,
        hasAdditionalSeatsOption: false,
        maxCollections: null,
        features: FAMILIES,
      };
    case ProductTier.TeamsStarter:
      return {
        ...base,
        baseSeats: 10,
        maxSeats: 10,
        hasAdditionalSeatsOption: false,
        maxCollections: null,
        features: TEAMS,
      };
    case ProductTier.Teams:
      return {
        ...base,
        baseSeats: 0,
        maxSeats: null,
        hasAdditionalSeatsOption: true,
        maxCollections: null,
        features: TEAMS,
      };
    default:
      return {
        ...base,
        baseSeats: 0,
        maxSeats: null,
        hasAdditionalSeatsOption: true,
        maxCollections: null,
        features: ENTERPRISE,
      };
  }
}

export const PLANS: ReadonlyMap<number, Plan> = new Map(NAMES.map((n) => [n[0], build(n)]));

export function planFor(type: number): Plan | undefined {
  return PLANS.get(type);
}

/** `PlanResponseModel` (`object: "plan"`). */
export function planResponse(p: Plan) {
  const f = p.features;
  return {
    object: 'plan',
    type: p.type,
    productTier: p.productTier,
    name: p.name,
    isAnnual: p.isAnnual,
    nameLocalizationKey: `planName${p.name.replace(/[^A-Za-z0-9]/g, '')}`,
    descriptionLocalizationKey: `planDesc${p.name.replace(/[^A-Za-z0-9]/g, '')}`,
    canBeUsedByBusiness: p.productTier >= ProductTier.Teams,
    trialPeriodDays: p.productTier >= ProductTier.Teams ? 7 : null,
    hasSelfHost: f.selfHost,
    hasPolicies: f.usePolicies,
    hasGroups: f.useGroups,
    hasDirectory: f.useDirectory,
    hasEvents: f.useEvents,
    hasTotp: f.useTotp,
    has2fa: f.use2fa,
    hasApi: f.useApi,
    hasSso: f.useSso,
    hasOrganizationDomains: f.useOrganizationDomains,
    hasResetPassword: f.useResetPassword,
    usersGetPremium: f.usersGetPremium,
    hasMyItems: f.useMyItems,
    hasInviteLinks: f.useInviteLinks,
    upgradeSortOrder: p.productTier,
    displaySortOrder: p.productTier,
    legacyYear: p.legacyYear,
    disabled: p.legacyYear !== null && p.legacyYear < 2023,
    secretsManager: null,
    passwordManager: {
      baseSeats: p.baseSeats,
      maxSeats: p.maxSeats,
      hasAdditionalSeatsOption: p.hasAdditionalSeatsOption,
      maxAdditionalSeats: p.maxSeats === null ? null : Math.max(0, p.maxSeats - p.baseSeats),
      baseStorageGb: p.baseStorageGb,
      hasAdditionalStorageOption: p.productTier !== ProductTier.Free,
      maxCollections: p.maxCollections,
      hasPremiumAccessOption: p.productTier === ProductTier.Families,
    },
  };
}
