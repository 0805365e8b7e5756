/**
 * Keeper CSV (no header): folder, title, login, password, website, notes, shared folder, then custom fields as
 * name/value pairs (`TFC:Keeper` holds the TOTP secret). Subfolders (`Parent\Child`) become nested collections.
 */
import { readCsv } from './csv';
import { blankItem, collectionPath, text, uriList, type ImportItem, type ParsedImport } from './types';

const TOTP_FIELD = 'TFC:Keeper';

export function parseKeeperCsv(input: string): ParsedImport {
  const { records, problems } = readCsv(input);
  const items: ImportItem[] = [];
  let total = problems.length;
  for (const [index, record] of records.entries()) {
    const v = record.values;
    if (index === 0 && looksLikeHeader(v)) continue;
    total++;
    if (v.length < 6) {
      problems.push({
        row: record.line,
        reason: `The row has ${v.length} columns; Keeper rows have at least 6 (folder, title, login, password, website, notes).`,
      });
      continue;
    }
    const item = blankItem(record.line, 1, text(v[1]) ?? '--');
    item.login = { username: text(v[2]), password: text(v[3]), totp: null, uris: uriList(v[4]) };
    item.notes = text(v[5]);
    for (let i = 7; i < v.length; i += 2) {
      const name = text(v[i]);
      const value = text(v[i + 1]);
      if (!name && !value) continue;
      if (name === TOTP_FIELD) item.login.totp = value;
      else item.fields.push({ name, value, type: 0, linkedId: null });
    }
    const folder = collectionPath(v[0]) ?? collectionPath(v[6]);
    if (folder) item.collections = [folder];
    items.push(item);
  }
  return { total, items, problems: problems.sort((a, b) => a.row - b.row) };
}

/** Keeper exports have no header, but a hand-made file may start with one. */
function looksLikeHeader(values: string[]): boolean {
  const [folder, title, login, password] = values.map((v) => v.trim().toLowerCase());
  return folder === 'folder' && title === 'title' && login === 'login' && password === 'password';
}
