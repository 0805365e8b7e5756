// Policy data schemas, one per PolicyType (bitwarden-api.md §7.6), as `org.policies.update` checks them, and the
// plan gating of each type.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { channels, policyDefinitions, type PolicyDefinition } from '../../../../../src-shared/contract';
import { toPolicy, unavailableReason } from '../../../../../src-main/services/clientOrg/policies';
import type { WireOrganization } from '../../../../../src-main/bitwarden/orgAdminSchemas';

const ORG = '0f0e0d0c-0b0a-4908-8706-050403020100';
const input = channels['org.policies.update'].input;
const update = (type: number, enabled: boolean, data?: unknown) =>
  input.safeParse({ organizationId: ORG, type, enabled, ...(data === undefined ? {} : { data }) });
const messages = (r: ReturnType<typeof update>) => (r.success ? [] : r.error.issues.map((i) => i.message));

/** For each type with data: settings that must pass and settings that must fail. */
const SAMPLES: Record<number, { good: unknown[]; bad: unknown[] }> = {
  1: {
    good: [{ minComplexity: 4, minLength: 12, requireUpper: true, enforceOnLogin: true }, { minLength: null }],
    bad: [{ minLength: 11 }, { minComplexity: 5 }, { minLength: 129 }, { requireUpper: 'yes' }, { other: true }],
  },
  2: {
    good: [
      { overridePasswordType: 'passphrase', minNumberWords: 4, capitalize: true },
      { minLength: 14, useSpecial: true, minSpecial: 2 },
    ],
    bad: [{ overridePasswordType: 'pin' }, { minLength: 4 }, { minNumbers: 10 }, { minNumberWords: 2 }],
  },
  7: { good: [{ disableHideEmail: true }], bad: [{ disableHideEmail: 1 }, { disableSend: true }] },
  8: { good: [{ autoEnrollEnabled: true }, {}], bad: [{ autoEnrollEnabled: 'on' }] },
  9: {
    good: [
      { minutes: 60, action: 'lock' },
      { minutes: 525_600, action: 'logOut' },
      { minutes: 15, action: null },
    ],
    bad: [{ minutes: 0 }, { minutes: 30, action: 'logout' }, { action: 'lock' }, { minutes: 1.5 }],
  },
  12: {
    good: [{ idpHost: 'login.example.com,sso.example.com' }, { idpHost: null }],
    bad: [{ idpHost: 7 }, { host: 'x' }],
  },
  16: {
    good: [{ uriMatchDetection: 0 }, { uriMatchDetection: 5 }],
    bad: [{ uriMatchDetection: 6 }, { uriMatchDetection: -1 }],
  },
  20: {
    good: [
      { allowBanner: true, header: 'Heads up', description: 'Use SSO from Monday.', buttonText: 'OK' },
      { allowBanner: false },
    ],
    bad: [{ allowBanner: true }, { allowBanner: true, description: 'x'.repeat(251) }, { header: 'h'.repeat(41) }],
  },
  21: {
    good: [
      { disableSend: false, whoCanAccess: 2, allowedDomains: 'example.com', deletionHours: 24, allowedSendTypes: [0] },
      { disableSend: true },
    ],
    bad: [{ whoCanAccess: 3 }, { deletionHours: 0 }, { allowedSendTypes: [2] }, { allowedDomains: 'x'.repeat(1001) }],
  },
  22: {
    good: [{ rulesUrl: 'https://rules.example.com/fill.json' }],
    bad: [{ rulesUrl: 'http://rules.example.com' }, {}],
  },
};

describe('policy data schemas', () => {
  const defs = policyDefinitions as readonly PolicyDefinition[];

  it('cover every PolicyType 0–22 once', () => {
    expect(defs.map((d) => d.type)).toEqual(Array.from({ length: 23 }, (_, i) => i));
    expect(new Set(defs.map((d) => d.key)).size).toBe(23);
  });

  it('give a full schema to exactly the types with data', () => {
    expect(defs.filter((d) => d.data).map((d) => d.type)).toEqual(Object.keys(SAMPLES).map(Number));
  });

  it.each(Object.entries(SAMPLES))('type %s accepts its settings and refuses bad ones', (type, { good, bad }) => {
    for (const data of good) expect(messages(update(Number(type), true, data))).toEqual([]);
    for (const data of bad) expect(update(Number(type), true, data).success, JSON.stringify(data)).toBe(false);
  });

  it.each(defs.filter((d) => !d.data).map((d) => d.type))('type %i is a plain switch: no settings', (type) => {
    expect(update(type, true).success).toBe(true);
    expect(update(type, false, null).success).toBe(true);
    expect(update(type, true, { anything: true }).success).toBe(false);
  });

  it('asks for the vault timeout only when it is turned on, and the fill-assist URL always', () => {
    expect(messages(update(9, true))).toEqual(['Fill in the settings of the Vault timeout policy.']);
    expect(update(9, false).success).toBe(true);
    expect(update(22, false).success).toBe(false);
  });

  it('refuses unknown types and extra fields, naming the path', () => {
    expect(messages(update(23, true))).toEqual(['Not a known policy type.']);
    const r = input.safeParse({ organizationId: ORG, type: 3, enabled: true, extra: 1 });
    expect(r.success).toBe(false);
    const bad = update(1, true, { minLength: 8 });
    expect(!bad.success && bad.error.issues[0]?.path).toEqual(['data', 'minLength']);
  });

  it('lower-cases the org id and keeps the parsed data', () => {
    const r = input.parse({ organizationId: ORG.toUpperCase(), type: 1, enabled: true, data: { minLength: 20 } });
    expect(r).toEqual({ organizationId: ORG, type: 1, enabled: true, data: { minLength: 20 } });
    expect(z.object({}).safeParse(r).success).toBe(true);
  });
});

describe('policy availability', () => {
  const org = (over: Partial<WireOrganization>): WireOrganization =>
    ({
      plan: { name: 'Enterprise (Monthly)', productTier: 3 },
      usePolicies: true,
      useSso: true,
      ...over,
    }) as WireOrganization;
  const def = (type: number) => (policyDefinitions as readonly PolicyDefinition[])[type]!;
  const facts = (over: Partial<WireOrganization> = {}, viaProvider = true) => ({
    org: org(over),
    viaProvider,
    useActivateAutofillPolicy: false,
  });

  it('needs an Enterprise plan (usePolicies) for every type', () => {
    const teams = facts({ usePolicies: false, plan: { name: 'Teams (Monthly)', productTier: 2 } });
    for (const d of policyDefinitions)
      expect(unavailableReason(d, teams)).toMatch(/Enterprise plan; .* Teams \(Monthly\)/);
  });

  it('needs the feature some types depend on', () => {
    expect(unavailableReason(def(4), facts({ useSso: false }))).toMatch(/single sign-on/);
    expect(unavailableReason(def(8), facts({ useResetPassword: false }))).toMatch(/account recovery/);
    expect(unavailableReason(def(11), facts())).toMatch(/auto-fill/);
    expect(unavailableReason(def(1), facts())).toBeNull();
  });

  it('keeps automatic user confirmation from provider users', () => {
    expect(unavailableReason(def(18), facts())).toMatch(/Provider users/);
    expect(unavailableReason(def(18), facts({}, false))).toBeNull();
  });

  it('shows saved data as plain values and flags data that breaks the schema', () => {
    const shown = toPolicy(
      def(1),
      { type: 1, enabled: true, data: { minLength: 8, nested: { x: 1 } }, canToggleState: true },
      facts(),
    );
    expect(shown).toMatchObject({
      enabled: true,
      data: { minLength: 8 },
      dataInvalid: true,
      hasData: true,
      available: true,
    });
    const plain = toPolicy(def(3), undefined, facts());
    expect(plain).toMatchObject({
      enabled: false,
      data: null,
      hasData: false,
      requiresSingleOrg: false,
      canToggle: true,
    });
    expect(toPolicy(def(4), undefined, facts()).requiresSingleOrg).toBe(true);
  });
});
