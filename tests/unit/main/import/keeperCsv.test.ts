// Keeper CSV: no header, custom-field pairs, the TOTP field, nested folders, short rows.
import { describe, expect, it } from 'vitest';
import { parseKeeperCsv } from '../../../../src-main/import/keeperCsv';

describe('Keeper CSV', () => {
  it('reads logins with folders, notes, custom fields and TOTP', () => {
    const csv = [
      'Work\\Servers,Router,admin,"p,w",https://192.0.2.1,"Rack 4\nShelf 2",,Serial,12345,TFC:Keeper,otpauth://totp/x?secret=JBSWY3DP',
      ',Personal,me,pw,example.com,,Shared Team,,,',
    ].join('\n');
    const parsed = parseKeeperCsv(`\uFEFF${csv}`);
    expect(parsed.problems).toEqual([]);
    expect(parsed.total).toBe(2);
    expect(parsed.items[0]).toMatchObject({
      row: 1,
      type: 1,
      name: 'Router',
      notes: 'Rack 4\nShelf 2',
      collections: ['Work/Servers'],
      login: {
        username: 'admin',
        password: 'p,w',
        totp: 'otpauth://totp/x?secret=JBSWY3DP',
        uris: [{ uri: 'https://192.0.2.1', match: null }],
      },
      fields: [{ name: 'Serial', value: '12345', type: 0, linkedId: null }],
    });
    // No folder: the shared folder is the collection; a bare host gets a scheme.
    expect(parsed.items[1]).toMatchObject({
      row: 3,
      collections: ['Shared Team'],
      login: { uris: [{ uri: 'http://example.com' }] },
    });
  });

  it('reports rows with fewer than six columns', () => {
    const parsed = parseKeeperCsv('F,Title,login\nF,Ok,u,p,https://x,notes\n');
    expect(parsed.items.map((i) => i.name)).toEqual(['Ok']);
    expect(parsed.problems).toEqual([
      { row: 1, reason: expect.stringMatching(/3 columns; Keeper rows have at least 6/) },
    ]);
    expect(parsed.total).toBe(2);
  });

  it('skips a header row a person added', () => {
    const parsed = parseKeeperCsv('Folder,Title,Login,Password,Website Address,Notes\nF,A,u,p,,\n');
    expect(parsed.items.map((i) => i.name)).toEqual(['A']);
    expect(parsed.total).toBe(1);
  });

  it('reports broken quoting by line and reads on', () => {
    const parsed = parseKeeperCsv('F,"A"x,u,p,,\nF,B,u,p,,\n');
    expect(parsed.items.map((i) => [i.row, i.name])).toEqual([[2, 'B']]);
    expect(parsed.problems.map((p) => p.row)).toEqual([1]);
  });
});
