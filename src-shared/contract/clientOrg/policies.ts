import { z } from 'zod';
import { orgInputShape } from './common';

/**
 * Policies (bitwarden-api.md §7.6): every PolicyType with the schema of its `data`, so the renderer's forms and
 * main validate with the same rules. Types without data are plain on/off switches (`data: null`).
 */

const flag = () => z.boolean().nullish();
const count = (min: number, max: number) => z.number().int().min(min).max(max).nullish();
const text = (max: number) => z.string().trim().max(max).nullish();

export const masterPasswordDataSchema = z
  .object({
    /** zxcvbn score 0–4 (0: no requirement). */
    minComplexity: count(0, 4),
    minLength: count(12, 128),
    requireLower: flag(),
    requireUpper: flag(),
    requireNumbers: flag(),
    requireSpecial: flag(),
    /** Members with a weaker password must change it at their next log in. */
    enforceOnLogin: flag(),
  })
  .strict();

export const passwordGeneratorDataSchema = z
  .object({
    overridePasswordType: z.enum(['password', 'passphrase']).nullish(),
    minLength: count(5, 128),
    useUpper: flag(),
    useLower: flag(),
    useNumbers: flag(),
    useSpecial: flag(),
    minNumbers: count(0, 9),
    minSpecial: count(0, 9),
    minNumberWords: count(3, 20),
    capitalize: flag(),
    includeNumber: flag(),
  })
  .strict();

export const sendOptionsDataSchema = z.object({ disableHideEmail: flag() }).strict();

export const resetPasswordDataSchema = z
  .object({
    /** New members are enrolled in account recovery when they join. */
    autoEnrollEnabled: flag(),
  })
  .strict();

export const maximumVaultTimeoutDataSchema = z
  .object({
    minutes: z.number().int().min(1, 'Enter a timeout of at least one minute.').max(525_600),
    /** What happens on timeout; null leaves it to each member. */
    action: z.enum(['lock', 'logOut']).nullish(),
  })
  .strict();

export const automaticAppLogInDataSchema = z
  .object({
    /** Identity provider host(s), comma-separated; the browser extension logs in automatically there. */
    idpHost: text(1000),
  })
  .strict();

/** UriMatchStrategy: Domain 0, Host 1, StartsWith 2, Exact 3, RegularExpression 4, Never 5. */
export const uriMatchDefaultsDataSchema = z.object({ uriMatchDetection: count(0, 5) }).strict();

export const organizationUserNotificationDataSchema = z
  .object({
    allowBanner: flag(),
    header: text(40),
    description: text(250),
    buttonText: text(20),
    showAfterEveryLogin: flag(),
  })
  .strict()
  .refine((d) => !d.allowBanner || !!d.description, {
    message: 'Enter the banner text.',
    path: ['description'],
  });

export const sendControlsDataSchema = z
  .object({
    disableSend: flag(),
    disableHideEmail: flag(),
    /** Any 0, PasswordProtected 1, SpecificPeople 2. */
    whoCanAccess: z.union([z.literal(0), z.literal(1), z.literal(2)]).nullish(),
    /** Comma-separated email domains when `whoCanAccess` is SpecificPeople. */
    allowedDomains: text(1000),
    deletionHours: count(1, 24 * 31),
    /** SendType: Text 0, File 1. */
    allowedSendTypes: z
      .array(z.union([z.literal(0), z.literal(1)]))
      .max(2)
      .nullish(),
  })
  .strict();

export const fillAssistDataSchema = z
  .object({
    rulesUrl: z
      .string()
      .trim()
      .max(2000)
      .regex(/^https:\/\/[^\s/?#]+\S*$/i, 'Enter an https:// address.'),
  })
  .strict();

export interface PolicyDefinition {
  type: number;
  key: string;
  name: string;
  description: string;
  /** The schema of `data`; null: the policy has no data. */
  data: z.ZodType | null;
  /** `data` must be given: always (the server refuses it missing), or when the policy is turned on. */
  dataRequired?: 'always' | 'whenEnabled';
  /** The Single organization policy must be on first (and cannot be turned off while this one is on). */
  requiresSingleOrg?: boolean;
  /** Besides `usePolicies` (Enterprise plans), the org needs this feature. */
  feature?: 'useSso' | 'useResetPassword' | 'useActivateAutofillPolicy' | 'useOrganizationDomains';
  /** Provider users cannot turn it on (provider-portal.md §12). */
  notForProviders?: boolean;
}

const def = (d: PolicyDefinition) => d;

/** Every PolicyType (bitwarden-api.md §7.6), in PolicyType order. */
export const policyDefinitions = [
  def({
    type: 0,
    key: 'twoFactorAuthentication',
    name: 'Require two-step login',
    description: 'Members must set up two-step login; members without it are revoked when the policy is turned on.',
    data: null,
  }),
  def({
    type: 1,
    key: 'masterPassword',
    name: 'Master password requirements',
    description: 'Minimum strength and length of master passwords.',
    data: masterPasswordDataSchema,
  }),
  def({
    type: 2,
    key: 'passwordGenerator',
    name: 'Password generator',
    description: 'Minimum settings for the password and passphrase generator.',
    data: passwordGeneratorDataSchema,
  }),
  def({
    type: 3,
    key: 'singleOrg',
    name: 'Single organization',
    description: 'Members cannot join other organizations.',
    data: null,
  }),
  def({
    type: 4,
    key: 'requireSso',
    name: 'Require single sign-on authentication',
    description: 'Members must log in with the SSO method.',
    data: null,
    requiresSingleOrg: true,
    feature: 'useSso',
  }),
  def({
    type: 5,
    key: 'organizationDataOwnership',
    name: 'Enforce organization data ownership',
    description: 'Items belong to the organization; members get a "My Items" collection.',
    data: null,
  }),
  def({
    type: 6,
    key: 'disableSend',
    name: 'Remove Send',
    description: 'Members cannot create or edit Sends.',
    data: null,
  }),
  def({
    type: 7,
    key: 'sendOptions',
    name: 'Send options',
    description: 'Options for creating and editing Sends.',
    data: sendOptionsDataSchema,
  }),
  def({
    type: 8,
    key: 'resetPassword',
    name: 'Account recovery administration',
    description: 'Admins can reset the master password of enrolled members.',
    data: resetPasswordDataSchema,
    requiresSingleOrg: true,
    feature: 'useResetPassword',
  }),
  def({
    type: 9,
    key: 'maximumVaultTimeout',
    name: 'Vault timeout',
    description: 'The longest vault timeout members may choose, and the timeout action.',
    data: maximumVaultTimeoutDataSchema,
    dataRequired: 'whenEnabled',
    requiresSingleOrg: true,
  }),
  def({
    type: 10,
    key: 'disablePersonalVaultExport',
    name: 'Remove individual vault export',
    description: 'Members cannot export their individual vault.',
    data: null,
  }),
  def({
    type: 11,
    key: 'activateAutofill',
    name: 'Activate auto-fill',
    description: 'Turns on auto-fill on page load in the browser extension.',
    data: null,
    feature: 'useActivateAutofillPolicy',
  }),
  def({
    type: 12,
    key: 'automaticAppLogIn',
    name: 'Automatic login with SSO',
    description: 'The browser extension logs members in on the identity provider pages.',
    data: automaticAppLogInDataSchema,
  }),
  def({
    type: 13,
    key: 'freeFamiliesSponsorship',
    name: 'Remove Free Bitwarden Families sponsorship',
    description: 'Members cannot redeem a Families sponsorship through this organization.',
    data: null,
  }),
  def({
    type: 14,
    key: 'removeUnlockWithPin',
    name: 'Remove unlock with PIN',
    description: 'Members cannot unlock with a PIN.',
    data: null,
  }),
  def({
    type: 15,
    key: 'restrictedItemTypes',
    name: 'Remove card item type',
    description: 'Members cannot create card items.',
    data: null,
  }),
  def({
    type: 16,
    key: 'uriMatchDefaults',
    name: 'Default URI match detection',
    description: 'The URI match detection used for auto-fill.',
    data: uriMatchDefaultsDataSchema,
    requiresSingleOrg: true,
  }),
  def({
    type: 17,
    key: 'autotypeDefaultSetting',
    name: 'Autotype default setting',
    description: 'Turns on desktop autotype for members.',
    data: null,
  }),
  def({
    type: 18,
    key: 'automaticUserConfirmation',
    name: 'Automatic user confirmation',
    description: 'New members are confirmed automatically.',
    data: null,
    requiresSingleOrg: true,
    notForProviders: true,
  }),
  def({
    type: 19,
    key: 'blockClaimedDomainAccountCreation',
    name: 'Block account creation for claimed domains',
    description: 'New accounts cannot be created with email addresses of the organization’s claimed domains.',
    data: null,
    feature: 'useOrganizationDomains',
  }),
  def({
    type: 20,
    key: 'organizationUserNotification',
    name: 'Member notification banner',
    description: 'A message shown to members in their vault.',
    data: organizationUserNotificationDataSchema,
    requiresSingleOrg: true,
  }),
  def({
    type: 21,
    key: 'sendControls',
    name: 'Send controls',
    description: 'Who may create Sends, of which types, for whom and for how long.',
    data: sendControlsDataSchema,
  }),
  def({
    type: 22,
    key: 'fillAssist',
    name: 'Fill assist',
    description: 'Auto-fill rules from a URL you host.',
    data: fillAssistDataSchema,
    dataRequired: 'always',
  }),
] as const satisfies readonly PolicyDefinition[];

export const policyTypes = policyDefinitions.map((d) => d.type);
export type PolicyType = (typeof policyDefinitions)[number]['type'];

export function policyDefinition(type: number): PolicyDefinition | undefined {
  return (policyDefinitions as readonly PolicyDefinition[]).find((d) => d.type === type);
}

const jsonValue = z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(z.union([z.string(), z.number()]))]);

export const orgPolicySchema = z.object({
  type: z.number().int(),
  key: z.string(),
  name: z.string(),
  description: z.string(),
  enabled: z.boolean(),
  /** The saved settings (plain values only); null when none are saved or the type has none. */
  data: z.record(z.string(), jsonValue).nullable(),
  /** The type has settings besides on/off. */
  hasData: z.boolean(),
  /** The saved settings do not match the schema (saved by another client, say). */
  dataInvalid: z.boolean(),
  requiresSingleOrg: z.boolean(),
  /** This organization's plan (and features) allow the policy, and a provider user may change it. */
  available: z.boolean(),
  unavailableReason: z.string().nullable(),
  /** The server allows turning it on or off now (false e.g. for Single organization with verified domains). */
  canToggle: z.boolean(),
});
export type OrgPolicy = z.infer<typeof orgPolicySchema>;

export const policiesListOutputSchema = z.object({
  /** The organization can use policies at all (Enterprise plans). */
  usePolicies: z.boolean(),
  policies: z.array(orgPolicySchema),
});

export interface PolicyUpdateInput {
  accountId?: string;
  organizationId: string;
  type: PolicyType;
  enabled: boolean;
  data?: Record<string, unknown> | null;
}

function updateVariant(d: PolicyDefinition) {
  const data = d.data
    ? d.dataRequired === 'always'
      ? d.data
      : d.data.nullable().optional()
    : z.null({ message: 'This policy has no settings.' }).optional();
  return z
    .object({ ...orgInputShape, type: z.literal(d.type), enabled: z.boolean(), data })
    .strict()
    .refine((v) => !(d.dataRequired === 'whenEnabled' && v.enabled && !v.data), {
      message: `Fill in the settings of the ${d.name} policy.`,
      path: ['data'],
    });
}

const updateVariants = new Map<number, z.ZodType>(policyDefinitions.map((d) => [d.type, updateVariant(d)]));

/** `{ type, enabled, data }`: `data` checked with the schema of that type. */
export const policyUpdateInputSchema = z.unknown().transform((value, ctx) => {
  const type = (value as { type?: unknown } | null)?.type;
  const variant = typeof type === 'number' ? updateVariants.get(type) : undefined;
  if (!variant) {
    ctx.addIssue({ code: 'custom', message: 'Not a known policy type.', path: ['type'] });
    return z.NEVER;
  }
  const parsed = variant.safeParse(value);
  if (parsed.success) return parsed.data as PolicyUpdateInput;
  for (const issue of parsed.error.issues) ctx.addIssue({ code: 'custom', message: issue.message, path: issue.path });
  return z.NEVER;
}) as unknown as z.ZodType<PolicyUpdateInput, PolicyUpdateInput>;

export const policyOutputSchema = z.object({ policy: orgPolicySchema });
