/**
 * Bitwarden CSV, personal (`folder,favorite,type,name,notes,fields,reprompt,login_uri,…`) or organization
 * (`collections,type,name,…`) export. Only logins and secure notes exist in this format. Collections come from
 * `collections` (comma-separated), else the `folder`.
 */
import { readCsvWithHeader } from './csv';
import {
  blankItem,
  collectionPath,
  text,
  uriList,
  type ImportField,
  type ImportItem,
  type ParsedImport,
} from './types';

export function parseBitwardenCsv(input: string): ParsedImport {
  const { header, rows, problems } = readCsvWithHeader(input);
  if (!header.includes('name') || !header.includes('type')) {
    return {
      total: rows.length,
      items: [],
      problems: [
        { row: 1, reason: 'This is not a Bitwarden CSV export: the first line should name the columns type and name.' },
        ...problems,
      ],
    };
  }
  const total = rows.length + problems.length;
  const items: ImportItem[] = [];
  for (const row of rows) {
    const kind = (text(row.get('type')) ?? 'login').toLowerCase();
    if (kind !== 'login' && kind !== 'note') {
      problems.push({ row: row.line, reason: 'Only login and note items can be imported from a Bitwarden CSV file.' });
      continue;
    }
    const item = blankItem(row.line, kind === 'note' ? 2 : 1, text(row.get('name')) ?? '--');
    item.notes = text(row.get('notes'));
    item.reprompt = text(row.get('reprompt')) === '1' ? 1 : 0;
    item.fields = customFields(row.get('fields'));
    if (kind === 'login') {
      item.login = {
        username: text(row.get('login_username')),
        password: text(row.get('login_password')),
        totp: text(row.get('login_totp')),
        uris: uriList(row.get('login_uri'), true),
      };
    }
    item.collections = collectionsOf(row.get('collections'), row.get('folder'));
    items.push(item);
  }
  return { total, items, problems: problems.sort((a, b) => a.row - b.row) };
}

/** `name: value` lines (the last `: ` splits, as the official exporter writes them). */
function customFields(value: string | null): ImportField[] {
  if (!value) return [];
  const fields: ImportField[] = [];
  for (const line of value.split(/\r?\n/)) {
    if (!line.trim()) continue;
    const split = line.lastIndexOf(': ');
    if (split === -1) continue;
    fields.push({ name: line.slice(0, split), value: line.slice(split + 2) || null, type: 0, linkedId: null });
  }
  return fields;
}

function collectionsOf(collections: string | null, folder: string | null): string[] {
  const names = (collections ?? '').split(',').map(collectionPath);
  const listed = [...new Set(names.filter((n): n is string => !!n))];
  if (listed.length) return listed;
  const fromFolder = collectionPath(folder);
  return fromFolder ? [fromFolder] : [];
}
