/**
 * Plain-text event messages, after the web vault's event service (provider-portal.md §7): the same sentence for
 * the list and the CSV. The CSV names subjects by their 8-character short id; the list may pass `name` to show
 * a member's or client's name instead, falling back to the short id when it is not known.
 */
import { eventTypeName } from './eventTypes';

/** The fields a message reads (a cached event has them all). */
export interface EventMessageFields {
  type: number;
  providerUserId: string | null;
  providerOrganizationId: string | null;
  organizationId: string | null;
  organizationUserId: string | null;
  cipherId: string | null;
  collectionId: string | null;
  groupId: string | null;
  policyId: string | null;
}

export type EventSubject = 'providerUser' | 'providerOrg' | 'orgUser' | 'item' | 'collection' | 'group' | 'policy';

const subjectField: Record<EventSubject, keyof EventMessageFields> = {
  providerUser: 'providerUserId',
  providerOrg: 'providerOrganizationId',
  orgUser: 'organizationUserId',
  item: 'cipherId',
  collection: 'collectionId',
  group: 'groupId',
  policy: 'policyId',
};

/** Bitwarden's short id: the first 8 characters. */
export function shortId(id: string): string {
  return id.slice(0, 8);
}

type Template = readonly [text: string, subject?: EventSubject];

const item = (text: string): Template => [text, 'item'];
const user = (text: string): Template => [text, 'orgUser'];

const templates: Readonly<Record<number, Template>> = {
  1000: ['Logged in.'],
  1001: ['Changed account password.'],
  1002: ['Enabled/updated two-step login.'],
  1003: ['Disabled two-step login.'],
  1004: ['Recovered account from two-step login.'],
  1005: ['Login attempted with incorrect password.'],
  1006: ['Login attempt failed with incorrect two-step login.'],
  1007: ['Exported vault.'],
  1008: ['Updated temporary password.'],
  1009: ['Migrated to Key Connector.'],
  1010: ['Requested device approval.'],
  1011: ['Set a master password after leaving trusted device encryption.'],
  1100: item('Created item {0}.'),
  1101: item('Edited item {0}.'),
  1102: item('Permanently deleted item {0}.'),
  1103: item('Created attachment for item {0}.'),
  1104: item('Deleted attachment for item {0}.'),
  1105: item('Moved item {0} to an organization.'),
  1106: item('Edited collections for item {0}.'),
  1107: item('Viewed item {0}.'),
  1108: item('Viewed password for item {0}.'),
  1109: item('Viewed hidden field for item {0}.'),
  1110: item('Viewed security code for item {0}.'),
  1111: item('Copied password for item {0}.'),
  1112: item('Copied hidden field for item {0}.'),
  1113: item('Copied security code for item {0}.'),
  1114: item('Auto-filled item {0}.'),
  1115: item('Sent item {0} to trash.'),
  1116: item('Restored item {0}.'),
  1117: item('Viewed card number for item {0}.'),
  1300: ['Created collection {0}.', 'collection'],
  1301: ['Edited collection {0}.', 'collection'],
  1302: ['Deleted collection {0}.', 'collection'],
  1400: ['Created group {0}.', 'group'],
  1401: ['Edited group {0}.', 'group'],
  1402: ['Deleted group {0}.', 'group'],
  1500: user('Invited user {0}.'),
  1501: user('Confirmed user {0}.'),
  1502: user('Edited user {0}.'),
  1503: user('Removed user {0}.'),
  1504: user('Edited groups for user {0}.'),
  1505: user('Unlinked SSO for user {0}.'),
  1506: user('User {0} enrolled in account recovery.'),
  1507: user('User {0} withdrew from account recovery.'),
  1508: user('Master password reset for user {0}.'),
  1509: user('Reset SSO link for user {0}.'),
  1510: user('User {0} logged in using SSO for the first time.'),
  1511: user('Revoked organization access for user {0}.'),
  1512: user('Restored organization access for user {0}.'),
  1513: user('Approved device for user {0}.'),
  1514: user('Denied device for user {0}.'),
  1515: user('Deleted user {0}.'),
  1516: user('User {0} left the organization.'),
  1517: user('User {0} was confirmed automatically.'),
  1519: user('Reset two-step login for user {0}.'),
  1520: user('Revoked user {0} for not having two-step login.'),
  1521: user('Revoked user {0} for not complying with the single organization policy.'),
  1600: ['Edited organization settings.'],
  1601: ['Purged organization vault.'],
  1602: ['Exported organization vault.'],
  1603: ['Organization vault accessed by a managing provider.'],
  1604: ['Enabled SSO.'],
  1605: ['Disabled SSO.'],
  1606: ['Enabled Key Connector.'],
  1607: ['Disabled Key Connector.'],
  1608: ['Families for Enterprise sponsorships synced.'],
  1700: ['Updated policy {0}.', 'policy'],
  1800: ['Invited user {0}.', 'providerUser'],
  1801: ['Confirmed user {0}.', 'providerUser'],
  1802: ['Edited user {0}.', 'providerUser'],
  1803: ['Removed user {0}.', 'providerUser'],
  1900: ['Created organization {0}.', 'providerOrg'],
  1901: ['Added organization {0}.', 'providerOrg'],
  1902: ['Removed organization {0}.', 'providerOrg'],
  1903: ['Accessed {0} organization vault.', 'providerOrg'],
  2000: ['Added domain.'],
  2001: ['Removed domain.'],
  2002: ['Verified domain.'],
  2003: ['Domain not verified.'],
};

/** Names a subject for the list (`Carla Reyes`, `Contoso`); undefined falls back to the short id. */
export type SubjectNamer = (subject: EventSubject, id: string) => string | null | undefined;

/** The event's sentence; subjects by short id unless `name` knows them. */
export function eventMessage(event: EventMessageFields, name?: SubjectNamer): string {
  const template = templates[event.type];
  if (!template) return describeType(event.type);
  const [text, subject] = template;
  if (!subject) return text;
  const id = event[subjectField[subject]] as string | null;
  const label = id ? (name?.(subject, id) ?? shortId(id)) : 'unknown';
  return text.replace('{0}', label);
}

/** A sentence from the type's name for types without a message of their own: `Send created text.` */
export function describeType(type: number): string {
  const name = eventTypeName(type);
  if (/^\d+$/.test(name)) return `Event ${name}.`;
  const words = name
    .split('_')
    .flatMap((part) => part.split(/(?<=[a-z0-9])(?=[A-Z])/))
    .map((word, index) => (index === 0 ? word : word.toLowerCase()))
    .join(' ');
  return `${words}.`;
}
