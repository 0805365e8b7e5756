/**
 * The event log's CSV export (provider-portal.md §7): the web vault's columns in its order, one row per event, and
 * its file name. The provider's log adds the Client column its screen shows, last, so the web vault's columns keep
 * their places. Rows are plain objects keyed by column, ready for a CSV writer.
 */
import { eventApp } from './deviceTypes';
import { eventMessage, type EventMessageFields } from './eventMessages';
import { eventTypeName } from './eventTypes';

export const eventCsvColumns = [
  'message',
  'appIcon',
  'appName',
  'userId',
  'userName',
  'userEmail',
  'date',
  'ip',
  'type',
  'installationId',
] as const;

/** The provider log's columns: the web vault's, then the client the event concerns. */
export const providerEventCsvColumns = [...eventCsvColumns, 'client'] as const;

export type EventCsvRow = Record<(typeof providerEventCsvColumns)[number], string>;

export interface EventCsvFields extends EventMessageFields {
  date: string;
  actingUserId: string | null;
  deviceType: number | null;
  ipAddress: string | null;
}

/** Who acted, as the list shows them; `unknown` when the acting user is not known. */
export interface EventActor {
  name: string | null;
  email: string | null;
}

/** `client`: the name the list shows for the event's client; empty when it concerns none. */
export function eventCsvRow(
  event: EventCsvFields,
  actor: EventActor | null,
  client: string | null = null,
): EventCsvRow {
  const app = eventApp(event.deviceType);
  return {
    // The CSV keeps short ids: the message reads the same as the web vault's export.
    message: eventMessage(event),
    appIcon: app.icon,
    appName: app.name,
    userId: event.actingUserId ?? '',
    userName: actor ? (actor.name ?? actor.email ?? '') : 'unknown',
    userEmail: actor?.email ?? '',
    date: event.date,
    ip: event.ipAddress ?? '',
    type: eventTypeName(event.type),
    installationId: '',
    client: client ?? '',
  };
}

export type EventLogKind = 'provider' | 'org';

/** The columns of a log's export: a client's log has no Client column, as its screen has none. */
export function eventCsvColumnsFor(kind: EventLogKind): readonly (keyof EventCsvRow)[] {
  return kind === 'provider' ? providerEventCsvColumns : eventCsvColumns;
}

/** `bitwarden_provider-events_export_YYYYMMDDHHmmss.csv` (local time), `org-events` for a client's log. */
export function eventExportFileName(kind: EventLogKind, at: Date): string {
  const two = (n: number) => String(n).padStart(2, '0');
  const stamp =
    `${at.getFullYear()}${two(at.getMonth() + 1)}${two(at.getDate())}` +
    `${two(at.getHours())}${two(at.getMinutes())}${two(at.getSeconds())}`;
  return `bitwarden_${kind === 'provider' ? 'provider' : 'org'}-events_export_${stamp}.csv`;
}
