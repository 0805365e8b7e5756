// PolicyType values, per-type `data` validation and dependencies (bitwarden-api.md §7.6).
import type { Kysely, Transaction } from 'kysely';
import { z } from 'zod';
import type { Database, Policy } from '../db/schema';
import { isSet, parseJson } from '../db/values';

type DbOrTrx = Kysely<Database> | Transaction<Database>;

export const PolicyType = {
  TwoFactorAuthentication: 0,
  MasterPassword: 1,
  PasswordGenerator: 2,
  SingleOrg: 3,
  RequireSso: 4,
  OrganizationDataOwnership: 5,
  DisableSend: 6,
  SendOptions: 7,
  ResetPassword: 8,
  MaximumVaultTimeout: 9,
  DisablePersonalVaultExport: 10,
  ActivateAutofill: 11,
  AutomaticAppLogIn: 12,
  FreeFamiliesSponsorshipPolicy: 13,
  RemoveUnlockWithPin: 14,
  RestrictedItemTypesPolicy: 15,
  UriMatchDefaults: 16,
  AutotypeDefaultSetting: 17,
  AutomaticUserConfirmation: 18,
  BlockClaimedDomainAccountCreation: 19,
  OrganizationUserNotification: 20,
  SendControls: 21,
  FillAssist: 22,
} as const;

export const POLICY_NAMES: Record<number, string> = Object.fromEntries(
  Object.entries(PolicyType).map(([name, value]) => [value, name]),
);
export const isPolicyType = (n: number): boolean => POLICY_NAMES[n] !== undefined;

/** Types that need SingleOrg enabled first (and keep it from being turned off). */
export const NEEDS_SINGLE_ORG: readonly number[] = [
  PolicyType.RequireSso,
  PolicyType.ResetPassword,
  PolicyType.MaximumVaultTimeout,
  PolicyType.UriMatchDefaults,
  PolicyType.AutomaticUserConfirmation,
  PolicyType.OrganizationUserNotification,
];

const int = () => z.number().int();
const bool = () => z.boolean().nullish();

/** Server-typed data (the server validates), and client-defined data with a known shape. Unknown keys are refused. */
const DATA_SCHEMAS: Partial<Record<number, z.ZodType>> = {
  [PolicyType.MasterPassword]: z.strictObject({
    minComplexity: int().min(0).max(4).nullish(),
    minLength: int().min(12).max(128).nullish(),
    requireLower: bool(),
    requireUpper: bool(),
    requireNumbers: bool(),
    requireSpecial: bool(),
    enforceOnLogin: bool(),
  }),
  [PolicyType.PasswordGenerator]: z.strictObject({
    overridePasswordType: z.enum(['password', 'passphrase']).nullish(),
    minLength: int().min(0).max(128).nullish(),
    useUpper: bool(),
    useLower: bool(),
    useNumbers: bool(),
    useSpecial: bool(),
    minNumbers: int().min(0).max(9).nullish(),
    minSpecial: int().min(0).max(9).nullish(),
    minNumberWords: int().min(0).max(20).nullish(),
    capitalize: bool(),
    includeNumber: bool(),
  }),
  [PolicyType.SendOptions]: z.strictObject({ disableHideEmail: bool() }),
  [PolicyType.ResetPassword]: z.strictObject({ autoEnrollEnabled: bool() }),
  [PolicyType.MaximumVaultTimeout]: z.strictObject({
    minutes: int().min(1).max(525_600).nullish(),
    action: z.enum(['lock', 'logOut']).nullish(),
  }),
  [PolicyType.UriMatchDefaults]: z.strictObject({ uriMatchDetection: int().min(0).max(5).nullish() }),
  [PolicyType.SendControls]: z.strictObject({
    disableSend: bool(),
    disableHideEmail: bool(),
    whoCanAccess: z.union([z.literal(0), z.literal(1), z.literal(2)]).nullish(),
    allowedDomains: z.string().max(1000).nullish(),
    deletionHours: int()
      .min(1)
      .max(24 * 31)
      .nullish(),
    allowedSendTypes: z
      .array(z.union([z.literal(0), z.literal(1)]))
      .max(2)
      .nullish(),
  }),
  [PolicyType.FillAssist]: z.strictObject({ rulesUrl: z.url({ protocol: /^https$/ }).max(2000) }),
};

/** Client-defined data without a known shape: any small JSON object. */
const MAX_FREE_DATA = 10_000;
const freeData = z.record(z.string().max(100), z.unknown()).refine((v) => JSON.stringify(v).length <= MAX_FREE_DATA, {
  message: `Policy data must be at most ${MAX_FREE_DATA} characters.`,
});

/** Validates `data` for `type`: the stored JSON text (null when absent), or the reason it is invalid. */
export function validatePolicyData(
  type: number,
  data: unknown,
): { ok: true; json: string | null } | { ok: false; reason: string } {
  if (data === undefined || data === null) {
    if (type === PolicyType.FillAssist) return { ok: false, reason: 'rulesUrl is required' };
    return { ok: true, json: null };
  }
  const schema = DATA_SCHEMAS[type] ?? freeData;
  const result = schema.safeParse(data);
  if (!result.success) {
    const issue = result.error.issues[0];
    const path = issue?.path.map(String).join('.') ?? '';
    return { ok: false, reason: path ? `${path}: ${issue?.message ?? 'invalid'}` : (issue?.message ?? 'invalid') };
  }
  return { ok: true, json: JSON.stringify(result.data) };
}

export async function loadPolicy(db: DbOrTrx, orgId: string, type: number): Promise<Policy | undefined> {
  return db
    .selectFrom('policies')
    .selectAll()
    .where('organization_id', '=', orgId)
    .where('type', '=', type)
    .executeTakeFirst();
}

export async function policyEnabled(db: DbOrTrx, orgId: string, type: number): Promise<boolean> {
  const p = await loadPolicy(db, orgId, type);
  return !!p && isSet(p.enabled);
}

export const policyData = <T>(p: Policy | undefined): T | null => parseJson<T | null>(p?.data, null);

/** `policy` response. */
export function policyResponse(p: Policy) {
  return {
    object: 'policy',
    id: p.id,
    organizationId: p.organization_id,
    type: p.type,
    data: parseJson<Record<string, unknown> | null>(p.data, null),
    enabled: isSet(p.enabled),
    revisionDate: p.revision_date,
  };
}
