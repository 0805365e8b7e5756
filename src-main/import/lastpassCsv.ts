/**
 * LastPass CSV (`url,username,password,totp,extra,name,grouping,fav`), read like the official importer: secure
 * notes have the URL `http://sn`; their "NoteType:Credit Card" and "NoteType:Address" kinds become cards and
 * identities; `grouping` (with `\` between levels) becomes the collection.
 */
import { readCsvWithHeader } from './csv';
import {
  blankItem,
  collectionPath,
  emptyIdentity,
  text,
  uriList,
  type ImportIdentity,
  type ImportItem,
  type ParsedImport,
} from './types';

const SECURE_NOTE_URL = 'http://sn';
const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

const CARD_KEYS: Record<string, 'cardholderName' | 'brand' | 'number' | 'code' | 'expiration'> = {
  'name on card': 'cardholderName',
  type: 'brand',
  number: 'number',
  'security code': 'code',
  'expiration date': 'expiration',
};

const ADDRESS_KEYS: Record<string, keyof ImportIdentity> = {
  title: 'title',
  'first name': 'firstName',
  'middle name': 'middleName',
  'last name': 'lastName',
  company: 'company',
  'address 1': 'address1',
  'address 2': 'address2',
  'address 3': 'address3',
  'city / town': 'city',
  state: 'state',
  'zip / postal code': 'postalCode',
  country: 'country',
  'email address': 'email',
  phone: 'phone',
  username: 'username',
};

export function parseLastPassCsv(input: string): ParsedImport {
  const { header, rows, problems } = readCsvWithHeader(input);
  if (!['url', 'username', 'password', 'name'].every((column) => header.includes(column))) {
    return notLastPass(rows.length, problems);
  }
  const total = rows.length + problems.length;
  const items: ImportItem[] = [];
  for (const row of rows) {
    const values = ['url', 'username', 'password', 'extra', 'name'].map((c) => text(row.get(c)));
    if (values.every((v) => v === null)) {
      problems.push({ row: row.line, reason: 'The row is empty.' });
      continue;
    }
    const name = text(row.get('name')) ?? '--';
    const item =
      text(row.get('url')) === SECURE_NOTE_URL
        ? secureNote(row.line, name, row.get('extra') ?? '')
        : login(row.line, name, row.get);
    const group = collectionPath(row.get('grouping'));
    if (group && group !== '(none)') item.collections = [group];
    items.push(item);
  }
  return { total, items, problems: problems.sort((a, b) => a.row - b.row) };
}

function notLastPass(rows: number, problems: ParsedImport['problems']): ParsedImport {
  return {
    total: rows,
    items: [],
    problems: [
      {
        row: 1,
        reason:
          'This is not a LastPass CSV export: the first line should name the columns url, username, password, extra, name and grouping.',
      },
      ...problems,
    ],
  };
}

function login(line: number, name: string, get: (column: string) => string | null): ImportItem {
  const item = blankItem(line, 1, name);
  const url = text(get('url'));
  item.login = {
    username: text(get('username')),
    password: text(get('password')),
    totp: text(get('totp')),
    uris: url && url !== 'http://' ? uriList(url) : [],
  };
  item.notes = text(get('extra'));
  return item;
}

/** `Key:Value` lines; everything after a `Notes:` line belongs to the notes. */
function noteLines(extra: string): { pairs: [string, string][]; notes: string | null } {
  const lines = extra.split(/\r?\n/);
  const pairs: [string, string][] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const colon = line.indexOf(':');
    if (colon === -1) continue;
    const key = line.slice(0, colon).trim();
    const value = line.slice(colon + 1);
    if (key.toLowerCase() === 'notes') {
      return { pairs, notes: text([value, ...lines.slice(i + 1)].join('\n')) };
    }
    pairs.push([key, value.trim()]);
  }
  return { pairs, notes: null };
}

function secureNote(line: number, name: string, extra: string): ImportItem {
  const first = extra.split(/\r?\n/, 1)[0] ?? '';
  const kind = first.startsWith('NoteType:') ? first.slice('NoteType:'.length).trim() : null;
  if (kind === 'Credit Card') return card(line, name, extra);
  if (kind === 'Address') return address(line, name, extra);
  const item = blankItem(line, 2, name);
  item.notes = text(extra);
  return item;
}

function card(line: number, name: string, extra: string): ImportItem {
  const item = blankItem(line, 3, name);
  const { pairs, notes } = noteLines(extra);
  const c = {
    cardholderName: null,
    brand: null,
    number: null,
    expMonth: null,
    expYear: null,
    code: null,
  } as NonNullable<ImportItem['card']>;
  for (const [key, value] of pairs) {
    const target = CARD_KEYS[key.toLowerCase()];
    if (key === 'NoteType' || !value) continue;
    if (target === 'expiration') {
      const [month, year] = value.split(',').map((s) => s.trim());
      const index = MONTHS.indexOf((month ?? '').toLowerCase());
      if (index >= 0 && year && /^\d{4}$/.test(year)) {
        c.expMonth = String(index + 1);
        c.expYear = year;
        continue;
      }
    }
    if (target && target !== 'expiration') c[target] = value;
    else item.fields.push({ name: key, value, type: 0, linkedId: null });
  }
  item.card = c;
  item.notes = notes;
  return item;
}

function address(line: number, name: string, extra: string): ImportItem {
  const item = blankItem(line, 4, name);
  const { pairs, notes } = noteLines(extra);
  const identity = emptyIdentity();
  for (const [key, value] of pairs) {
    if (key === 'NoteType' || !value) continue;
    const target = ADDRESS_KEYS[key.toLowerCase()];
    if (target) identity[target] = value;
    else item.fields.push({ name: key, value, type: 0, linkedId: null });
  }
  item.identity = identity;
  item.notes = notes;
  return item;
}
