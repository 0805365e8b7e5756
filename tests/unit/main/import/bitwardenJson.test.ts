// Bitwarden JSON exports: every item type, folders and collections as collections, and what cannot be imported.
import { describe, expect, it } from 'vitest';
import { parseBitwardenJson } from '../../../../src-main/import/bitwardenJson';

const exportOf = (items: unknown[], extra: Record<string, unknown> = {}) =>
  JSON.stringify({ encrypted: false, folders: [], items, ...extra });

describe('Bitwarden JSON', () => {
  it('reads each item type with its fields', () => {
    const json = exportOf(
      [
        {
          type: 1,
          name: 'Mail',
          notes: 'n',
          reprompt: 1,
          folderId: 'f1',
          login: { username: 'u', password: 'p', totp: 't', uris: [{ uri: 'https://m.example', match: 3 }] },
          fields: [{ name: 'Hidden', value: 'h', type: 1, linkedId: null }],
          passwordHistory: [{ password: 'old', lastUsedDate: '2024-01-01T00:00:00.000Z' }],
        },
        { type: 2, name: 'Note', notes: 'text', secureNote: { type: 0 }, collectionIds: ['c1', 'c2'] },
        {
          type: 3,
          name: 'Card',
          card: { cardholderName: 'Pat', number: '4111', expMonth: 6, expYear: '2030', code: '1' },
        },
        { type: 4, name: 'Me', identity: { firstName: 'Pat', passportNumber: 'X1', unknown: 'ignored' } },
        { type: 5, name: 'Key', sshKey: { privateKey: 'priv', publicKey: 'pub', keyFingerprint: 'SHA256:x' } },
      ],
      {
        folders: [{ id: 'f1', name: 'Personal\\Mail' }],
        collections: [
          { id: 'c1', name: 'Team' },
          { id: 'c2', name: 'Team/Sub' },
        ],
      },
    );
    const parsed = parseBitwardenJson(`\uFEFF${json}`);
    expect(parsed.problems).toEqual([]);
    expect(parsed.items.map((i) => i.type)).toEqual([1, 2, 3, 4, 5]);
    expect(parsed.items[0]).toMatchObject({
      row: 1,
      reprompt: 1,
      collections: ['Personal/Mail'],
      login: { username: 'u', password: 'p', totp: 't', uris: [{ uri: 'https://m.example', match: 3 }] },
      fields: [{ name: 'Hidden', value: 'h', type: 1, linkedId: null }],
      passwordHistory: [{ password: 'old', lastUsedDate: '2024-01-01T00:00:00.000Z' }],
    });
    expect(parsed.items[1]?.collections).toEqual(['Team', 'Team/Sub']);
    expect(parsed.items[2]?.card).toMatchObject({ cardholderName: 'Pat', expMonth: '6', expYear: '2030' });
    expect(parsed.items[3]?.identity).toMatchObject({ firstName: 'Pat', passportNumber: 'X1', lastName: null });
    expect(parsed.items[4]?.sshKey).toEqual({ privateKey: 'priv', publicKey: 'pub', keyFingerprint: 'SHA256:x' });
  });

  it('reports items of unknown type by position and reads the others', () => {
    const parsed = parseBitwardenJson(exportOf([{ type: 9, name: 'x' }, 'nonsense', { type: 2, name: 'ok' }]));
    expect(parsed.items.map((i) => [i.row, i.name])).toEqual([[3, 'ok']]);
    expect(parsed.problems.map((p) => p.row)).toEqual([1, 2]);
    expect(parsed.total).toBe(3);
  });

  it('refuses encrypted exports, invalid JSON and files without items', () => {
    expect(parseBitwardenJson(exportOf([{ type: 1 }], { encrypted: true })).problems[0]?.reason).toMatch(/encrypted/);
    expect(parseBitwardenJson('{ not json').problems[0]).toEqual({ row: 0, reason: 'The file is not valid JSON.' });
    expect(parseBitwardenJson('{"folders":[]}').problems[0]?.reason).toMatch(/no list of items/);
  });
});
