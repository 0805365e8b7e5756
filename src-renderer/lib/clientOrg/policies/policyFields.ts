/**
 * The settings of every policy type that has data (bitwarden-api.md §7.6), described as fields so one dialog draws
 * them all and one checker (`policyForms.ts`) validates them.
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
