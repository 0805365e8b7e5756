/**
 * Items read from an import file, in plain text, before encryption. They stay in main: the renderer only ever sees
 * counts, collection names and problem rows.
 */

/** CipherType: Login 1, SecureNote 2, Card 3, Identity 4, SSHKey 5. */
export type ItemType = 1 | 2 | 3 | 4 | 5;

export interface ImportLogin {
  username: string | null;
  password: string | null;
  totp: string | null;
  /** `match`: UriMatchStrategy, null for the default. */
  uris: { uri: string; match: number | null }[];
}

export interface ImportCard {
  cardholderName: string | null;
  brand: string | null;
  number: string | null;
  expMonth: string | null;
  expYear: string | null;
  code: string | null;
}

export const IDENTITY_FIELDS = [
  'title',
  'firstName',
  'middleName',
  'lastName',
  'address1',
  'address2',
  'address3',
  'city',
  'state',
  'postalCode',
  'country',
  'company',
  'email',
  'phone',
  'ssn',
  'username',
  'passportNumber',
  'licenseNumber',
] as const;
export type ImportIdentity = Record<(typeof IDENTITY_FIELDS)[number], string | null>;

export interface ImportSshKey {
  privateKey: string | null;
  publicKey: string | null;
  keyFingerprint: string | null;
}

/** FieldType: Text 0, Hidden 1, Boolean 2, Linked 3. */
export interface ImportField {
  name: string | null;
  value: string | null;
  type: 0 | 1 | 2 | 3;
  linkedId: number | null;
}

export interface ImportItem {
  /** Where it came from: the CSV line the record starts on, or the JSON item's position (1-based). */
  row: number;
  type: ItemType;
  name: string;
  notes: string | null;
  /** CipherRepromptType: None 0, Password 1. */
  reprompt: 0 | 1;
  login: ImportLogin | null;
  card: ImportCard | null;
  identity: ImportIdentity | null;
  sshKey: ImportSshKey | null;
  fields: ImportField[];
  passwordHistory: { password: string; lastUsedDate: string }[];
  /** Full collection names (`Parent/Child`) the item goes into. */
  collections: string[];
}

export interface ImportProblem {
  row: number;
  reason: string;
}

export interface ParsedImport {
  /** Records or items in the file, importable or not. */
  total: number;
  items: ImportItem[];
  problems: ImportProblem[];
}

/** An item with nothing set but its type and name; parsers fill in the rest. */
export function blankItem(row: number, type: ItemType, name: string): ImportItem {
  return {
    row,
    type,
    name,
    notes: null,
    reprompt: 0,
    login: null,
    card: null,
    identity: null,
    sshKey: null,
    fields: [],
    passwordHistory: [],
    collections: [],
  };
}

export function emptyIdentity(): ImportIdentity {
  return Object.fromEntries(IDENTITY_FIELDS.map((f) => [f, null])) as ImportIdentity;
}

/** Trimmed text, or null when empty. */
export function text(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  return trimmed ? trimmed : null;
}

/** A folder or group path as a collection name: `\` separators become `/`, control characters go. */
export function collectionPath(value: unknown): string | null {
  const raw = text(value);
  if (!raw) return null;
  const cleaned = raw
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f-\u009f]/g, '')
    .replace(/\\/g, '/')
    .split('/')
    .map((part) => part.trim())
    .filter(Boolean)
    .join('/');
  return cleaned || null;
}

/**
 * URIs of a login: one value, or (Bitwarden CSV) a comma-separated list. Like the official importers, a bare host
 * name with a dot gets `http://`.
 */
export function uriList(value: unknown, split = false): { uri: string; match: null }[] {
  const raw = typeof value === 'string' ? value : '';
  return (split ? raw.split(',') : [raw])
    .map((u) => u.trim())
    .filter(Boolean)
    .map((uri) => ({ uri: !uri.includes('://') && uri.includes('.') ? `http://${uri}` : uri, match: null }));
}
