import { describe, expect, it } from 'vitest';
import { policyDefinition, policyDefinitions, policyUpdateInputSchema } from '$shared/contract/clientOrg';
import {
  checkPolicyData,
  fieldsOf,
  formValues,
  policyErrorsFrom,
  summarizeData,
  typesWithForms,
  visibleFields,
  type PolicyFormValues,
} from '../../../../../src-renderer/lib/clientOrg/policies/policyForms';

const ORG = '6f1c2a8e-4b1d-4c55-9d7a-1f2e3d4c5b6a';

/** The form's values after editing some controls, from blank. */
function edited(type: number, changes: PolicyFormValues): PolicyFormValues {
  return { ...formValues(type, null), ...changes };
}

/** What main would do with the data the form produced: parse it with the contract's update schema. */
function mainAccepts(type: number, data: unknown, enabled = true) {
  return policyUpdateInputSchema.safeParse({ organizationId: ORG, type, enabled, data }).success;
}

function dataOf(type: number, values: PolicyFormValues) {
  const checked = checkPolicyData(type, values);
  if (!checked.ok) throw new Error(`unexpected errors: ${JSON.stringify(checked.errors)}`);
  return checked.data;
}

function errorsOf(type: number, values: PolicyFormValues) {
  const checked = checkPolicyData(type, values);
  if (checked.ok) throw new Error(`expected errors, got ${JSON.stringify(checked.data)}`);
  return checked.errors;
}

describe('policy forms', () => {
  it('has a form for every policy type whose data the contract describes, and none for the others', () => {
    const withData = policyDefinitions.filter((d) => d.data !== null).map((d) => d.type);
    expect(typesWithForms).toEqual(withData);
    expect(typesWithForms).toEqual([1, 2, 7, 8, 9, 12, 16, 20, 21, 22]);
  });

  it('uses exactly the keys of each contract schema', () => {
    for (const type of typesWithForms) {
      const schema = policyDefinition(type)!.data as unknown as { shape?: Record<string, unknown>; def?: any };
      // Refined schemas (the banner) wrap the object; its shape is inside.
      const shape = schema.shape ?? schema.def?.in?.shape ?? schema.def?.schema?.shape;
      expect(Object.keys(shape).sort(), `type ${type}`).toEqual(
        fieldsOf(type)
          .map((f) => f.key)
          .sort(),
      );
    }
  });

  it('blank forms (the defaults) are data main accepts, except where a value is required', () => {
    for (const type of typesWithForms.filter((t) => t !== 9 && t !== 22)) {
      expect(mainAccepts(type, dataOf(type, formValues(type, null))), `type ${type}`).toBe(true);
    }
    expect(errorsOf(9, formValues(9, null))).toEqual({ minutes: 'Enter maximum timeout (minutes).' });
    expect(errorsOf(22, formValues(22, null))).toEqual({ rulesUrl: 'Enter the rules address.' });
  });

  it('types without data send none', () => {
    expect(checkPolicyData(3, {})).toEqual({ ok: true, data: null });
    expect(mainAccepts(3, null)).toBe(true);
  });

  describe('master password requirements (1)', () => {
    it('sends the minimum length as a number with the chosen requirements', () => {
      const data = dataOf(
        1,
        edited(1, { minLength: '14', minComplexity: '3', requireUpper: true, enforceOnLogin: true }),
      );
      expect(data).toEqual({
        minComplexity: 3,
        minLength: 14,
        requireUpper: true,
        requireLower: false,
        requireNumbers: false,
        requireSpecial: false,
        enforceOnLogin: true,
      });
      expect(mainAccepts(1, data)).toBe(true);
    });

    it('refuses lengths outside 12..128 and non-integers', () => {
      expect(errorsOf(1, edited(1, { minLength: '11' }))).toEqual({ minLength: 'Enter a number from 12 to 128.' });
      expect(errorsOf(1, edited(1, { minLength: '129' }))).toEqual({ minLength: 'Enter a number from 12 to 128.' });
      expect(errorsOf(1, edited(1, { minLength: '12.5' }))).toEqual({ minLength: 'Enter a whole number.' });
      expect(mainAccepts(1, { minLength: 11 })).toBe(false);
    });

    it('reads saved data back into the controls', () => {
      expect(formValues(1, { minLength: 14, requireUpper: true, minComplexity: 4 })).toMatchObject({
        minLength: '14',
        requireUpper: true,
        requireLower: false,
        minComplexity: '4',
      });
    });
  });

  describe('password generator (2)', () => {
    it('sends password settings and clears the passphrase ones', () => {
      const data = dataOf(
        2,
        edited(2, { overridePasswordType: 'password', minLength: '20', minNumbers: '2', useSpecial: true }),
      );
      expect(data).toMatchObject({ overridePasswordType: 'password', minLength: 20, minNumbers: 2, useSpecial: true });
      expect(data).toMatchObject({ minNumberWords: null, capitalize: false, includeNumber: false });
      expect(mainAccepts(2, data)).toBe(true);
    });

    it('shows the passphrase fields only for passphrases, and checks their bounds', () => {
      const keys = visibleFields(2, edited(2, { overridePasswordType: 'passphrase' })).map((f) => f.key);
      expect(keys).toEqual(['overridePasswordType', 'minNumberWords', 'capitalize', 'includeNumber']);
      expect(errorsOf(2, edited(2, { overridePasswordType: 'passphrase', minNumberWords: '2' }))).toEqual({
        minNumberWords: 'Enter a number from 3 to 20.',
      });
      expect(errorsOf(2, edited(2, { minSpecial: '10' }))).toEqual({ minSpecial: 'Enter a number from 0 to 9.' });
    });
  });

  it('send options (7) and account recovery (8) send their flag', () => {
    expect(dataOf(7, edited(7, { disableHideEmail: true }))).toEqual({ disableHideEmail: true });
    expect(dataOf(8, edited(8, { autoEnrollEnabled: true }))).toEqual({ autoEnrollEnabled: true });
    expect(mainAccepts(8, { autoEnrollEnabled: true })).toBe(true);
  });

  describe('vault timeout (9)', () => {
    it('requires minutes from 1 and sends the action', () => {
      const data = dataOf(9, edited(9, { minutes: '480', action: 'logOut' }));
      expect(data).toEqual({ minutes: 480, action: 'logOut' });
      expect(mainAccepts(9, data)).toBe(true);
      expect(errorsOf(9, edited(9, { minutes: '0' }))).toEqual({ minutes: 'Enter a number from 1 to 525600.' });
      expect(dataOf(9, edited(9, { minutes: '15' }))).toEqual({ minutes: 15, action: null });
    });
  });

  it('automatic log in (12) sends the IdP host, at most 1000 characters', () => {
    expect(dataOf(12, edited(12, { idpHost: ' login.example.com ' }))).toEqual({ idpHost: 'login.example.com' });
    expect(errorsOf(12, edited(12, { idpHost: 'x'.repeat(1001) }))).toEqual({
      idpHost: 'Use at most 1000 characters (now 1001).',
    });
  });

  it('URI match defaults (16) sends the strategy number', () => {
    const data = dataOf(16, edited(16, { uriMatchDetection: '3' }));
    expect(data).toEqual({ uriMatchDetection: 3 });
    expect(mainAccepts(16, data)).toBe(true);
    expect(errorsOf(16, edited(16, { uriMatchDetection: '9' }))).toEqual({
      uriMatchDetection: 'Choose one of the options.',
    });
  });

  describe('member notification banner (20)', () => {
    it('needs the banner text when the banner is shown', () => {
      expect(errorsOf(20, edited(20, { allowBanner: true }))).toEqual({ description: 'Enter the banner text.' });
      const data = dataOf(20, edited(20, { allowBanner: true, description: 'Read the IT handbook', header: 'Hello' }));
      expect(mainAccepts(20, data)).toBe(true);
      expect(dataOf(20, edited(20, { allowBanner: false }))).toMatchObject({ allowBanner: false, description: null });
    });

    it('limits the heading to 40 characters', () => {
      expect(errorsOf(20, edited(20, { header: 'h'.repeat(41) }))).toEqual({
        header: 'Use at most 40 characters (now 41).',
      });
    });
  });

  describe('send controls (21)', () => {
    it('sends who may open Sends, the allowed types and the deletion hours', () => {
      const data = dataOf(
        21,
        edited(21, { whoCanAccess: '2', allowedDomains: 'contoso.com', deletionHours: '48', allowedSendTypes: ['1'] }),
      );
      expect(data).toEqual({
        disableSend: false,
        disableHideEmail: false,
        whoCanAccess: 2,
        allowedDomains: 'contoso.com',
        deletionHours: 48,
        allowedSendTypes: [1],
      });
      expect(mainAccepts(21, data)).toBe(true);
    });

    it('asks for domains only for specific people, and bounds the hours', () => {
      expect(errorsOf(21, edited(21, { whoCanAccess: '2' }))).toEqual({
        allowedDomains: 'Enter the allowed email domains.',
      });
      expect(dataOf(21, edited(21, { whoCanAccess: '0', allowedDomains: 'stale.example' }))).toMatchObject({
        whoCanAccess: 0,
        allowedDomains: null,
      });
      expect(errorsOf(21, edited(21, { deletionHours: '745' }))).toEqual({
        deletionHours: 'Enter a number from 1 to 744.',
      });
      expect(dataOf(21, edited(21, { allowedSendTypes: [] }))).toMatchObject({ allowedSendTypes: null });
    });
  });

  it('fill assist (22) needs an https:// rules address', () => {
    expect(errorsOf(22, edited(22, { rulesUrl: 'http://rules.example/x.json' }))).toEqual({
      rulesUrl: 'Enter an https:// address.',
    });
    const data = dataOf(22, edited(22, { rulesUrl: 'https://rules.example/x.json' }));
    expect(mainAccepts(22, data, false)).toBe(true);
  });

  it('places validation messages from main under the fields they name', () => {
    expect(policyErrorsFrom(1, 'data.minLength: Too small: expected number to be >=12; Not allowed')).toEqual({
      fields: { minLength: 'Too small: expected number to be >=12' },
      rest: 'Not allowed',
    });
    expect(policyErrorsFrom(21, 'data.allowedSendTypes.0: Invalid input').fields).toEqual({
      allowedSendTypes: 'Invalid input',
    });
  });

  it('summarizes saved settings for the list', () => {
    expect(summarizeData(1, { minLength: 14, requireUpper: true, requireLower: false, minComplexity: 3 })).toBe(
      'Minimum complexity score: Good (3) · Minimum length 14 · Require upper case letters',
    );
    expect(summarizeData(9, { minutes: 480, action: 'lock' })).toBe(
      'Maximum timeout 480 minutes · Timeout action: Lock',
    );
    expect(summarizeData(3, null)).toBe('');
  });
});
