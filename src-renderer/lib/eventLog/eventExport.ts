/**
 * The CSV export (provider-portal.md §7): the web vault's columns in its order, one row per event, written with
 * papaparse and saved under the web vault's file name as `text/plain`.
 */
import Papa from 'papaparse';
import { eventCsvColumns, eventCsvRow, eventExportFileName, type EventLogKind } from '$shared/events/eventCsv';
import { saveFile } from '../files/saveFile';
import type { EventDirectory } from './eventDirectory';
import type { EventRow } from './eventQuery';

export function eventsCsv(rows: readonly EventRow[], directory: EventDirectory): string {
  const data = rows.map((row) => eventCsvRow(row.event, directory.actor(row.event)));
  return Papa.unparse({ fields: [...eventCsvColumns], data: data.map((r) => eventCsvColumns.map((c) => r[c])) });
}

/** Saves the rows as CSV; returns the file name. */
export function exportEvents(
  kind: EventLogKind,
  rows: readonly EventRow[],
  directory: EventDirectory,
  now = new Date(),
): string {
  const name = eventExportFileName(kind, now);
  saveFile(name, eventsCsv(rows, directory), 'text/plain');
  return name;
}
