/**
 * The CSV export (provider-portal.md §7): the web vault's columns in its order (and, for the provider's log, the
 * Client column the screen shows), one row per event, written with papaparse and saved under the web vault's file
 * name as `text/plain`.
 */
import Papa from 'papaparse';
import { eventCsvColumnsFor, eventCsvRow, eventExportFileName, type EventLogKind } from '$shared/events/eventCsv';
import { saveFile } from '../files/saveFile';
import type { EventDirectory } from './eventDirectory';
import type { EventRow } from './eventQuery';

export function eventsCsv(kind: EventLogKind, rows: readonly EventRow[], directory: EventDirectory): string {
  const columns = eventCsvColumnsFor(kind);
  const data = rows.map((row) => eventCsvRow(row.event, directory.actor(row.event), row.client));
  return Papa.unparse({ fields: [...columns], data: data.map((r) => columns.map((c) => r[c])) });
}

/** Saves the rows as CSV; returns the file name. */
export function exportEvents(
  kind: EventLogKind,
  rows: readonly EventRow[],
  directory: EventDirectory,
  now = new Date(),
): string {
  const name = eventExportFileName(kind, now);
  saveFile(name, eventsCsv(kind, rows, directory), 'text/plain');
  return name;
}
