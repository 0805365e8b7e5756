/**
 * Bitwarden JSON, unencrypted personal or organization export (`{ encrypted: false, folders?, collections?,
 * items }`). Items keep their type (login, secure note, card, identity, SSH key); collections come from
 * `collectionIds`, else the folder (organization vaults have no folders).
 */
import { z } from 'zod';
import {
  blankItem,
  collectionPath,
  emptyIdentity,
  IDENTITY_FIELDS,
  text,
  type ImportItem,
  type ItemType,
  type ParsedImport,
} from './types';

const loose = z.record(z.string(), z.unknown());
const named = z.object({ id: z.unknown(), name: z.unknown() }).loose();
const fileSchema = z
  .object({
    encrypted: z.boolean().optional(),
    folders: z.array(named).nullish(),
    collections: z.array(named).nullish(),
    items: z.array(z.unknown()),
  })
  .loose();

const SUPPORTED_TYPES = new Set([1, 2, 3, 4, 5]);
const FIELD_TYPES = new Set([0, 1, 2, 3]);

export function parseBitwardenJson(input: string): ParsedImport {
  let json: unknown;
  try {
    json = JSON.parse(input.replace(/^\uFEFF/, ''));
  } catch {
    return fileProblem('The file is not valid JSON.');
  }
  const file = fileSchema.safeParse(json);
  if (!file.success) return fileProblem('This is not a Bitwarden JSON export: it has no list of items.');
  if (file.data.encrypted) {
    return fileProblem(
      'This export is encrypted (password- or account-protected). Export the vault as unencrypted JSON to import it.',
      file.data.items.length,
    );
  }
  const names = (list: z.infer<typeof named>[] | null | undefined) =>
    new Map((list ?? []).map((entry) => [String(entry.id), collectionPath(entry.name)]));
  const folders = names(file.data.folders);
  const collections = names(file.data.collections);
  const items: ImportItem[] = [];
  const problems: ParsedImport['problems'] = [];
  file.data.items.forEach((raw, index) => {
    const row = index + 1;
    const parsed = loose.safeParse(raw);
    const type = parsed.success ? parsed.data.type : undefined;
    if (!parsed.success || typeof type !== 'number' || !SUPPORTED_TYPES.has(type)) {
      problems.push({
        row,
        reason: 'The item has no type Provider Desk can import (login, note, card, identity, SSH key).',
      });
      return;
    }
    const item = toItem(row, type as ItemType, parsed.data);
    const ids = Array.isArray(parsed.data.collectionIds) ? parsed.data.collectionIds.map(String) : [];
    const fromCollections = ids.map((id) => collections.get(id)).filter((n): n is string => !!n);
    const folder = typeof parsed.data.folderId === 'string' ? folders.get(parsed.data.folderId) : null;
    item.collections = [...new Set(fromCollections.length ? fromCollections : folder ? [folder] : [])];
    items.push(item);
  });
  return { total: file.data.items.length, items, problems };
}

function fileProblem(reason: string, total = 0): ParsedImport {
  return { total, items: [], problems: [{ row: 0, reason }] };
}

const obj = (value: unknown): Record<string, unknown> =>
  value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
const arr = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
/** Text as exported (numbers, say a card's expiry month, become text). */
const str = (value: unknown): string | null =>
  typeof value === 'number' ? String(value) : typeof value === 'string' && value !== '' ? value : null;

function toItem(row: number, type: ItemType, raw: Record<string, unknown>): ImportItem {
  const item = blankItem(row, type, text(raw.name) ?? '--');
  item.notes = str(raw.notes);
  item.reprompt = raw.reprompt === 1 ? 1 : 0;
  item.fields = arr(raw.fields).map((f) => {
    const field = obj(f);
    const fieldType = typeof field.type === 'number' && FIELD_TYPES.has(field.type) ? field.type : 0;
    return {
      name: str(field.name),
      value: str(field.value),
      type: fieldType as 0 | 1 | 2 | 3,
      linkedId: typeof field.linkedId === 'number' ? field.linkedId : null,
    };
  });
  item.passwordHistory = arr(raw.passwordHistory)
    .map(obj)
    .filter((h) => str(h.password))
    .map((h) => ({ password: str(h.password) ?? '', lastUsedDate: str(h.lastUsedDate) ?? new Date(0).toISOString() }));
  const login = obj(raw.login);
  if (type === 1)
    item.login = {
      username: str(login.username),
      password: str(login.password),
      totp: str(login.totp),
      uris: arr(login.uris)
        .map(obj)
        .filter((u) => str(u.uri))
        .map((u) => ({ uri: str(u.uri) ?? '', match: typeof u.match === 'number' ? u.match : null })),
    };
  const card = obj(raw.card);
  if (type === 3)
    item.card = {
      cardholderName: str(card.cardholderName),
      brand: str(card.brand),
      number: str(card.number),
      expMonth: str(card.expMonth),
      expYear: str(card.expYear),
      code: str(card.code),
    };
  if (type === 4) {
    const identity = obj(raw.identity);
    item.identity = emptyIdentity();
    for (const field of IDENTITY_FIELDS) item.identity[field] = str(identity[field]);
  }
  const ssh = obj(raw.sshKey);
  if (type === 5)
    item.sshKey = {
      privateKey: str(ssh.privateKey),
      publicKey: str(ssh.publicKey),
      keyFingerprint: str(ssh.keyFingerprint),
    };
  return item;
}
