import { z } from 'zod';
import { guidSchema } from '../portal/common';
import { memberRoleSchema, orgInputShape } from './common';

/** The client org itself: overview with the acting-client facts, subscription, self-hosted license. */

export const orgFeaturesSchema = z.object({
  usePolicies: z.boolean(),
  useSso: z.boolean(),
  useGroups: z.boolean(),
  useEvents: z.boolean(),
  use2fa: z.boolean(),
  useResetPassword: z.boolean(),
  useCustomPermissions: z.boolean(),
  useScim: z.boolean(),
  useDirectory: z.boolean(),
  useKeyConnector: z.boolean(),
  useTotp: z.boolean(),
  useApi: z.boolean(),
  useOrganizationDomains: z.boolean(),
  useActivateAutofillPolicy: z.boolean(),
  selfHost: z.boolean(),
});
export type OrgFeatures = z.infer<typeof orgFeaturesSchema>;

export const productTiers = ['free', 'families', 'teams', 'enterprise', 'teamsStarter'] as const;

/** How this account reaches the org: through a provider (the acting-client banner), or as a member. */
export const actingAsSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('provider'),
    providerId: z.string(),
    providerName: z.string().nullable(),
    providerType: z.enum(['msp', 'reseller', 'businessUnit']).nullable(),
    /** The signed-in user's provider role; both act as Owner inside the org. */
    providerRole: z.enum(['providerAdmin', 'serviceUser']).nullable(),
  }),
  z.object({ kind: z.literal('member'), role: memberRoleSchema }),
]);
export type ActingAs = z.infer<typeof actingAsSchema>;

export const overviewOutputSchema = z.object({
  organizationId: z.string(),
  name: z.string().nullable(),
  planName: z.string().nullable(),
  planType: z.number().int().nullable(),
  productTier: z.enum(productTiers).nullable(),
  seats: z.number().int().nullable(),
  maxAutoscaleSeats: z.number().int().nullable(),
  maxCollections: z.number().int().nullable(),
  maxStorageGb: z.number().int().nullable(),
  features: orgFeaturesSchema,
  actingAs: actingAsSchema,
  /** The org key could be read: collections and import work. */
  keyAvailable: z.boolean(),
  /** Which admin-console pages this org offers (provider-portal.md §12). */
  pages: z.object({
    members: z.boolean(),
    groups: z.boolean(),
    collections: z.boolean(),
    policies: z.boolean(),
    sso: z.boolean(),
    import: z.boolean(),
    events: z.boolean(),
    subscription: z.boolean(),
    license: z.boolean(),
  }),
});
export type OrgOverview = z.infer<typeof overviewOutputSchema>;

export const subscriptionOutputSchema = z.object({
  organizationId: z.string(),
  planName: z.string().nullable(),
  planType: z.number().int().nullable(),
  seats: z.number().int().nullable(),
  /** Seats taken (members other than revoked ones). */
  occupiedSeats: z.number().int().nullable(),
  remainingSeats: z.number().int().nullable(),
  maxAutoscaleSeats: z.number().int().nullable(),
  /** The provider that bills this client; the renderer links to its billing pages. */
  provider: z
    .object({
      id: z.string(),
      name: z.string().nullable(),
      /** Msp and BusinessUnit providers bill consolidated; resellers do not. */
      consolidatedBilling: z.boolean(),
    })
    .nullable(),
  /** From `GET /organizations/{id}/subscription`; null when the server gives none. */
  subscription: z
    .object({
      status: z.string().nullable(),
      periodStartDate: z.string().nullable(),
      periodEndDate: z.string().nullable(),
      cancelled: z.boolean(),
      items: z.array(
        z.object({
          name: z.string().nullable(),
          quantity: z.number().nullable(),
          amount: z.number().nullable(),
          interval: z.string().nullable(),
        }),
      ),
    })
    .nullable(),
  /** Why `subscription` is null, for a note on the page. */
  subscriptionMessage: z.string().nullable(),
});
export type OrgSubscription = z.infer<typeof subscriptionOutputSchema>;

export const licenseInputSchema = z
  .object({
    ...orgInputShape,
    /** The self-hosted server's installation id (its admin panel shows it). */
    installationId: guidSchema,
  })
  .strict();

export const licenseOutputSchema = z.object({
  /** `bitwarden_organization_license.json`, as the web vault names it. */
  fileName: z.string(),
  /** The license JSON to save; upload it on the self-hosted server. */
  text: z.string(),
});
