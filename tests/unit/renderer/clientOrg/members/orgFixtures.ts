import type { OrgCollection, OrgGroup, OrgMember, OrgOverview } from '$shared/contract/clientOrg';

/** Client-org display data as main hands it over: members, groups, collections, an overview. */
export const ORG = '6f1c2a3b-0000-4000-8000-00000000a1d3';
export const CLIENT_NAME = 'Alder Dental Group';

let n = 0;
const guid = () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`;

export function member(overrides: Partial<OrgMember> = {}): OrgMember {
  return {
    id: guid(),
    userId: guid(),
    name: 'Ann Lee',
    email: 'ann@alder.example',
    role: 'user',
    permissions: null,
    status: 'confirmed',
    revocationReason: null,
    twoFactorEnabled: false,
    accountRecoveryEnrolled: false,
    lastConfirmedOwner: false,
    collections: [],
    groups: [],
    creationDate: null,
    ...overrides,
  };
}

export function group(overrides: Partial<OrgGroup> = {}): OrgGroup {
  return { id: guid(), name: 'Front desk', externalId: null, collections: [], memberIds: [], ...overrides };
}

export function collection(name: string | null, overrides: Partial<OrgCollection> = {}): OrgCollection {
  return {
    id: guid(),
    name,
    path: name?.split('/') ?? [],
    parentId: null,
    externalId: null,
    kind: 'shared',
    defaultUserEmail: null,
    groups: [],
    members: [],
    unmanaged: false,
    ...overrides,
  };
}

const allPages = {
  members: true,
  groups: true,
  collections: true,
  policies: true,
  sso: true,
  import: true,
  events: true,
  subscription: true,
  license: true,
};

export function overview(overrides: Partial<OrgOverview> = {}): OrgOverview {
  return {
    organizationId: ORG,
    name: CLIENT_NAME,
    planName: 'Enterprise (Monthly)',
    planType: 19,
    productTier: 'enterprise',
    seats: 10,
    maxAutoscaleSeats: null,
    maxCollections: null,
    maxStorageGb: 1,
    features: {
      usePolicies: true,
      useSso: true,
      useGroups: true,
      useEvents: true,
      use2fa: true,
      useResetPassword: true,
      useCustomPermissions: true,
      useScim: false,
      useDirectory: false,
      useKeyConnector: false,
      useTotp: true,
      useApi: true,
      useOrganizationDomains: true,
      useActivateAutofillPolicy: false,
      selfHost: false,
    },
    actingAs: {
      kind: 'provider',
      providerId: 'p1',
      providerName: 'Northwind IT Partners',
      providerType: 'msp',
      providerRole: 'providerAdmin',
    },
    keyAvailable: true,
    pages: allPages,
    ...overrides,
  };
}
