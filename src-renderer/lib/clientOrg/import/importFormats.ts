import type { ImportFormat, ImportPreview, ImportRunResult } from '$shared/contract/clientOrg';

/**
 * What the Import page offers (bitwarden-api.md §7.8): the formats main can read, how a chosen file is checked
 * before it is sent, and the words for counts. The renderer only reads the file's text and hands it to main; it
 * never parses or shows item contents (provider users may import but not view).
 */

export const importFormatChoices: readonly { value: ImportFormat; label: string; accept: string }[] = [
  { value: 'bitwardenJson', label: 'Bitwarden (json)', accept: '.json,application/json' },
  { value: 'bitwardenCsv', label: 'Bitwarden (csv)', accept: '.csv,text/csv' },
  { value: 'lastpassCsv', label: 'LastPass (csv)', accept: '.csv,text/csv' },
  { value: 'keeperCsv', label: 'Keeper (csv)', accept: '.csv,text/csv' },
];

/** The contract's limit on the text sent (`MAX_IMPORT_TEXT`, 50 MB); the renderer bundle keeps zod out, so it is repeated here. */
export const MAX_IMPORT_CHARS = 50_000_000;

export function formatLabel(format: ImportFormat): string {
  return importFormatChoices.find((c) => c.value === format)?.label ?? format;
}

/** Why the file cannot be sent as the chosen format, or null. Checked before reading it. */
export function fileProblem(file: { name: string; size: number }, format: ImportFormat): string | null {
  if (file.size === 0) return `${file.name} is empty.`;
  if (file.size > MAX_IMPORT_CHARS)
    return `${file.name} is larger than 50 MB. Split the export and import it in parts.`;
  const json = format === 'bitwardenJson';
  const extension = /\.([^.]+)$/.exec(file.name)?.[1]?.toLowerCase();
  if (extension && extension !== (json ? 'json' : 'csv') && ['json', 'csv'].includes(extension)) {
    return `${file.name} looks like a ${extension.toUpperCase()} file, but ${formatLabel(format)} expects ${json ? 'JSON' : 'CSV'}.`;
  }
  return null;
}

/** Reads the chosen file as text, with the same limits as the contract. */
export async function readImportFile(file: File, format: ImportFormat): Promise<string> {
  const problem = fileProblem(file, format);
  if (problem) throw new Error(problem);
  const text = await file.text();
  if (!text.trim()) throw new Error(`${file.name} is empty.`);
  if (text.length > MAX_IMPORT_CHARS) throw new Error(`${file.name} is larger than 50 MB once read.`);
  return text;
}

export const typeLabels: readonly { key: keyof ImportPreview['byType']; label: string }[] = [
  { key: 'login', label: 'Logins' },
  { key: 'secureNote', label: 'Secure notes' },
  { key: 'card', label: 'Cards' },
  { key: 'identity', label: 'Identities' },
  { key: 'sshKey', label: 'SSH keys' },
];

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString('en-US')} ${count === 1 ? one : many}`;
}

/** Where a problem is, in words: the CSV line, the JSON item, or the whole file. */
export function rowLabel(row: number, format: ImportFormat): string {
  if (row <= 0) return 'File';
  return format === 'bitwardenJson' ? `Item ${row}` : `Line ${row}`;
}

/** The one-line outcome of a finished import. */
export function reportHeadline(result: ImportRunResult): string {
  if (result.imported === 0) return `Nothing was imported; ${plural(result.failed, 'row')} could not be imported.`;
  const failed = result.failed ? `; ${plural(result.failed, 'row')} could not be imported` : '';
  return `Imported ${plural(result.imported, 'item')}${failed}.`;
}

/** The problems of a report as CSV (row, reason), for the person to fix the file. No item contents are in it. */
export function problemsCsv(result: ImportRunResult, format: ImportFormat): string {
  const quote = (text: string) => `"${text.replace(/"/g, '""')}"`;
  const lines = ['where,reason'];
  for (const p of result.problems) lines.push(`${quote(rowLabel(p.row, format))},${quote(p.reason)}`);
  for (const b of result.batchErrors) {
    lines.push(`${quote(`${rowLabel(b.firstRow, format)} to ${rowLabel(b.lastRow, format)}`)},${quote(b.reason)}`);
  }
  return `${lines.join('\r\n')}\r\n`;
}
