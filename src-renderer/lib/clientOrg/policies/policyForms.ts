/**
 * The settings forms of the policies that have data (bitwarden-api.md §7.6), described as fields so one dialog
 * draws them all and one checker validates them. The bounds match the contract's schemas
 * (`src-shared/contract/clientOrg/policies.ts`); main checks again with those schemas before anything is sent.
 * The renderer keeps zod out of its bundle, so the rules are written here as plain checks.
 *
 * Form values are what the controls hold: booleans for checkboxes, strings for text, number and select inputs
 * (empty = not set), and lists for multi-choice checkboxes.
 */

export type FormValue = boolean | string | string[];
export type PolicyFormValues = Record<string, FormValue>;
export type PolicyData = Record<string, unknown>;
export type FieldErrors = Record<string, string>;

interface BaseField {
  key: string;
  label: string;
  hint?: string;
  /** The field only applies when this holds (hidden and sent as null otherwise). */
  shownWhen?: (values: PolicyFormValues) => boolean;
}

export interface CheckboxField extends BaseField {
  kind: 'checkbox';
}

export interface IntegerField extends BaseField {
  kind: 'integer';
  min: number;
  max: number;
  required?: boolean;
}

export interface SelectField extends BaseField {
  kind: 'select';
  /** `''` is the "not set" choice, sent as null. */
  options: readonly { value: string; label: string }[];
  /** How the chosen string goes on the wire. */
  valueType: 'string' | 'number';
}

export interface TextField extends BaseField {
  kind: 'text' | 'textarea';
  max: number;
  /** Required always, or when the condition holds. */
  required?: boolean | ((values: PolicyFormValues) => boolean);
  /** A pattern the trimmed text must match, with the message when it does not. */
  pattern?: { regex: RegExp; message: string };
}

export interface ChoicesField extends BaseField {
  kind: 'choices';
  options: readonly { value: number; label: string }[];
}

export type PolicyField = CheckboxField | IntegerField | SelectField | TextField | ChoicesField;

/** URI match detection (UriMatchStrategy). */
const uriMatchOptions = [
  { value: '0', label: 'Base domain' },
  { value: '1', label: 'Host' },
  { value: '2', label: 'Starts with' },
  { value: '3', label: 'Exact' },
  { value: '4', label: 'Regular expression' },
  { value: '5', label: 'Never' },
];

const isPassphrase = (v: PolicyFormValues) => v.overridePasswordType === 'passphrase';
const isPassword = (v: PolicyFormValues) => v.overridePasswordType !== 'passphrase';

/** Every policy type with settings, by PolicyType. Types not listed here are on/off switches only. */
export const policyForms: Readonly<Record<number, readonly PolicyField[]>> = {
  // MasterPassword
  1: [
    {
      kind: 'select',
      key: 'minComplexity',
      label: 'Minimum complexity score',
      hint: 'The strength estimate a master password must reach.',
      valueType: 'number',
      options: [
        { value: '', label: 'None' },
        { value: '2', label: 'Weak (2)' },
        { value: '3', label: 'Good (3)' },
        { value: '4', label: 'Strong (4)' },
      ],
    },
    { kind: 'integer', key: 'minLength', label: 'Minimum length', hint: 'Between 12 and 128.', min: 12, max: 128 },
    { kind: 'checkbox', key: 'requireUpper', label: 'Require upper case letters (A-Z)' },
    { kind: 'checkbox', key: 'requireLower', label: 'Require lower case letters (a-z)' },
    { kind: 'checkbox', key: 'requireNumbers', label: 'Require numbers (0-9)' },
    { kind: 'checkbox', key: 'requireSpecial', label: 'Require special characters (!@#$%^&*)' },
    {
      kind: 'checkbox',
      key: 'enforceOnLogin',
      label: 'Check at log in',
      hint: 'Members whose master password does not meet the requirements must change it when they log in.',
    },
  ],
  // PasswordGenerator
  2: [
    {
      kind: 'select',
      key: 'overridePasswordType',
      label: 'Generator type',
      valueType: 'string',
      options: [
        { value: '', label: 'Member’s choice' },
        { value: 'password', label: 'Password' },
        { value: 'passphrase', label: 'Passphrase' },
      ],
    },
    { kind: 'integer', key: 'minLength', label: 'Minimum length', min: 5, max: 128, shownWhen: isPassword },
    { kind: 'integer', key: 'minNumbers', label: 'Minimum numbers', min: 0, max: 9, shownWhen: isPassword },
    { kind: 'integer', key: 'minSpecial', label: 'Minimum special characters', min: 0, max: 9, shownWhen: isPassword },
    { kind: 'checkbox', key: 'useUpper', label: 'Upper case letters (A-Z)', shownWhen: isPassword },
    { kind: 'checkbox', key: 'useLower', label: 'Lower case letters (a-z)', shownWhen: isPassword },
    { kind: 'checkbox', key: 'useNumbers', label: 'Numbers (0-9)', shownWhen: isPassword },
    { kind: 'checkbox', key: 'useSpecial', label: 'Special characters (!@#$%^&*)', shownWhen: isPassword },
    { kind: 'integer', key: 'minNumberWords', label: 'Minimum words', min: 3, max: 20, shownWhen: isPassphrase },
    { kind: 'checkbox', key: 'capitalize', label: 'Capitalize words', shownWhen: isPassphrase },
    { kind: 'checkbox', key: 'includeNumber', label: 'Include a number', shownWhen: isPassphrase },
  ],
  // SendOptions
  7: [
    {
      kind: 'checkbox',
      key: 'disableHideEmail',
      label: 'Always show the member’s email address to recipients',
      hint: 'Members cannot hide their email address when they create or edit a Send.',
    },
  ],
  // ResetPassword (account recovery administration)
  8: [
    {
      kind: 'checkbox',
      key: 'autoEnrollEnabled',
      label: 'Enroll new members automatically',
      hint: 'New members are enrolled in account recovery when they join; they cannot withdraw.',
    },
  ],
  // MaximumVaultTimeout
  9: [
    {
      kind: 'integer',
      key: 'minutes',
      label: 'Maximum timeout (minutes)',
      hint: 'The longest vault timeout members may choose, e.g. 480 for 8 hours.',
      min: 1,
      max: 525_600,
      required: true,
    },
    {
      kind: 'select',
      key: 'action',
      label: 'Timeout action',
      valueType: 'string',
      options: [
        { value: '', label: 'Member’s choice' },
        { value: 'lock', label: 'Lock' },
        { value: 'logOut', label: 'Log out' },
      ],
    },
  ],
  // AutomaticAppLogIn
  12: [
    {
      kind: 'text',
      key: 'idpHost',
      label: 'Identity provider host',
      hint: 'The host name(s) of the identity provider, separated by commas (e.g. login.example.com).',
      max: 1000,
    },
  ],
  // UriMatchDefaults
  16: [
    {
      kind: 'select',
      key: 'uriMatchDetection',
      label: 'Default URI match detection',
      valueType: 'number',
      options: uriMatchOptions,
    },
  ],
  // OrganizationUserNotification
  20: [
    { kind: 'checkbox', key: 'allowBanner', label: 'Show the banner' },
    { kind: 'text', key: 'header', label: 'Heading', max: 40 },
    {
      kind: 'textarea',
      key: 'description',
      label: 'Banner text',
      max: 250,
      required: (v) => v.allowBanner === true,
    },
    { kind: 'text', key: 'buttonText', label: 'Button text', max: 20 },
    { kind: 'checkbox', key: 'showAfterEveryLogin', label: 'Show after every log in' },
  ],
  // SendControls
  21: [
    { kind: 'checkbox', key: 'disableSend', label: 'Remove Send', hint: 'Members cannot create or edit Sends.' },
    { kind: 'checkbox', key: 'disableHideEmail', label: 'Always show the member’s email address to recipients' },
    {
      kind: 'select',
      key: 'whoCanAccess',
      label: 'Who can open Sends',
      valueType: 'number',
      options: [
        { value: '', label: 'Member’s choice' },
        { value: '0', label: 'Anyone with the link' },
        { value: '1', label: 'Only with a password' },
        { value: '2', label: 'Only specific people' },
      ],
    },
    {
      kind: 'text',
      key: 'allowedDomains',
      label: 'Allowed email domains',
      hint: 'Separated by commas, e.g. contoso.com, fabrikam.com.',
      max: 1000,
      required: (v) => v.whoCanAccess === '2',
      shownWhen: (v) => v.whoCanAccess === '2',
    },
    {
      kind: 'integer',
      key: 'deletionHours',
      label: 'Delete Sends after (hours)',
      hint: 'At most 744 (31 days). Empty: members choose.',
      min: 1,
      max: 744,
    },
    {
      kind: 'choices',
      key: 'allowedSendTypes',
      label: 'Allowed Send types',
      hint: 'None ticked: both are allowed.',
      options: [
        { value: 0, label: 'Text' },
        { value: 1, label: 'File' },
      ],
    },
  ],
  // FillAssist
  22: [
    {
      kind: 'text',
      key: 'rulesUrl',
      label: 'Rules address',
      hint: 'The https:// address of the auto-fill rules file you host.',
      max: 2000,
      required: true,
      pattern: { regex: /^https:\/\/[^\s/?#]+\S*$/i, message: 'Enter an https:// address.' },
    },
  ],
};

/** The policy types with a settings form, ascending. */
export const typesWithForms: readonly number[] = Object.keys(policyForms).map(Number);

export function fieldsOf(type: number): readonly PolicyField[] {
  return policyForms[type] ?? [];
}

export function visibleFields(type: number, values: PolicyFormValues): PolicyField[] {
  return fieldsOf(type).filter((field) => !field.shownWhen || field.shownWhen(values));
}

/** The controls' values for saved data (missing or unknown values: the control's empty state). */
export function formValues(type: number, data: PolicyData | null | undefined): PolicyFormValues {
  const values: PolicyFormValues = {};
  for (const field of fieldsOf(type)) {
    const saved = data?.[field.key];
    if (field.kind === 'checkbox') values[field.key] = saved === true;
    else if (field.kind === 'choices') {
      values[field.key] = Array.isArray(saved) ? saved.map(String) : [];
    } else if (field.kind === 'select') {
      const text = saved === null || saved === undefined ? '' : String(saved);
      values[field.key] = field.options.some((o) => o.value === text) ? text : '';
    } else {
      values[field.key] = saved === null || saved === undefined ? '' : String(saved);
    }
  }
  return values;
}

function requiredNow(field: TextField | IntegerField, values: PolicyFormValues): boolean {
  return typeof field.required === 'function' ? field.required(values) : field.required === true;
}

/** One field's wire value, or an error message. */
function readField(field: PolicyField, values: PolicyFormValues): { value: unknown } | { error: string } {
  const raw = values[field.key];
  switch (field.kind) {
    case 'checkbox':
      return { value: raw === true };
    case 'choices': {
      const chosen = Array.isArray(raw) ? raw : [];
      return {
        value: chosen.length ? field.options.filter((o) => chosen.includes(String(o.value))).map((o) => o.value) : null,
      };
    }
    case 'select': {
      const text = typeof raw === 'string' ? raw : '';
      if (text === '') return { value: null };
      if (!field.options.some((o) => o.value === text)) return { error: 'Choose one of the options.' };
      return { value: field.valueType === 'number' ? Number(text) : text };
    }
    case 'integer': {
      const text = typeof raw === 'string' ? raw.trim() : '';
      if (text === '')
        return requiredNow(field, values) ? { error: `Enter ${field.label.toLowerCase()}.` } : { value: null };
      const n = Number(text);
      if (!/^-?\d+$/.test(text) || !Number.isSafeInteger(n)) return { error: 'Enter a whole number.' };
      if (n < field.min || n > field.max) return { error: `Enter a number from ${field.min} to ${field.max}.` };
      return { value: n };
    }
    case 'text':
    case 'textarea': {
      const text = typeof raw === 'string' ? raw.trim() : '';
      if (text === '')
        return requiredNow(field, values) ? { error: `Enter the ${field.label.toLowerCase()}.` } : { value: null };
      if (text.length > field.max) return { error: `Use at most ${field.max} characters (now ${text.length}).` };
      if (field.pattern && !field.pattern.regex.test(text)) return { error: field.pattern.message };
      return { value: text };
    }
  }
}

export type CheckedData = { ok: true; data: PolicyData | null } | { ok: false; errors: FieldErrors };

/**
 * The `data` to send for the form's values, or the errors per field. Hidden fields go as null, so a saved value
 * of a mode that no longer applies does not linger. Types without a form have no data (null).
 */
export function checkPolicyData(type: number, values: PolicyFormValues): CheckedData {
  const fields = fieldsOf(type);
  if (!fields.length) return { ok: true, data: null };
  const data: PolicyData = {};
  const errors: FieldErrors = {};
  for (const field of fields) {
    if (field.shownWhen && !field.shownWhen(values)) {
      data[field.key] = field.kind === 'checkbox' ? false : null;
      continue;
    }
    const read = readField(field, values);
    if ('error' in read) errors[field.key] = read.error;
    else data[field.key] = read.value;
  }
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, data };
}

/**
 * Splits a validation message from main (`data.minLength: Too small…; data.x: …`) into messages for this form's
 * fields and the rest.
 */
export function policyErrorsFrom(type: number, message: string): { fields: FieldErrors; rest: string } {
  const keys = new Set(fieldsOf(type).map((f) => f.key));
  const fields: FieldErrors = {};
  const rest: string[] = [];
  for (const part of message
    .split(/;\s*/)
    .map((p) => p.trim())
    .filter(Boolean)) {
    const match = /^(?:data\.)?([A-Za-z]+)(?:\.\d+)?:\s*(.+)$/s.exec(part);
    if (match && keys.has(match[1]!)) fields[match[1]!] = match[2]!.trim();
    else rest.push(part.replace(/^data:\s*/, ''));
  }
  return { fields, rest: rest.join(' ') };
}

const onOff = (value: unknown) => value === true;

/** A short line on what the saved settings say, for the policy list (`Minimum length 14, upper case`). */
export function summarizeData(type: number, data: PolicyData | null | undefined): string {
  if (!data) return '';
  const parts: string[] = [];
  for (const field of fieldsOf(type)) {
    const value = data[field.key];
    if (value === null || value === undefined || value === '') continue;
    if (field.kind === 'checkbox') {
      if (onOff(value)) parts.push(field.label.replace(/\s*\(.*\)$/, ''));
    } else if (field.kind === 'select') {
      const option = field.options.find((o) => o.value === String(value));
      if (option && option.value !== '') parts.push(`${field.label}: ${option.label}`);
    } else if (field.kind === 'choices') {
      if (Array.isArray(value) && value.length) {
        const names = field.options.filter((o) => value.includes(o.value)).map((o) => o.label);
        parts.push(`${field.label}: ${names.join(', ')}`);
      }
    } else if (field.kind === 'integer') {
      // `Maximum timeout (minutes)` reads `Maximum timeout 480 minutes`.
      const [, name, unit] = /^(.*?)(?:\s*\((.+)\))?$/.exec(field.label)!;
      parts.push(unit ? `${name} ${String(value)} ${unit}` : `${name} ${String(value)}`);
    } else {
      parts.push(`${field.label}: ${String(value)}`);
    }
  }
  return parts.join(' · ');
}
