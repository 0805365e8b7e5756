// LastPass CSV: a generated 50-item export, secure-note kinds, groupings, and rows that cannot be imported.
import { describe, expect, it } from 'vitest';
import { parseLastPassCsv } from '../../../../src-main/import/lastpassCsv';
import { lastPassCsv, lastPassItems } from './lastpassFixture';

const HEADER = 'url,username,password,totp,extra,name,grouping,fav';

describe('LastPass CSV', () => {
  it('reads all 50 items of an export with BOM, CRLF, quoting and line breaks', () => {
    const expected = lastPassItems();
    const parsed = parseLastPassCsv(lastPassCsv(expected));
    expect(parsed.problems).toEqual([]);
    expect(parsed.total).toBe(50);
    expect(parsed.items.map((i) => i.name)).toEqual(expected.map((i) => i.name));
    expect(parsed.items.filter((i) => i.type === 1)).toHaveLength(40);
    expect(parsed.items.filter((i) => i.type === 2)).toHaveLength(6);
    expect(parsed.items.filter((i) => i.type === 3)).toHaveLength(2);
    expect(parsed.items.filter((i) => i.type === 4)).toHaveLength(2);
    expect(new Set(parsed.items.flatMap((i) => i.collections))).toEqual(
      new Set(['Clients/Contoso', 'Clients/Fabrikam', 'Infrastructure', 'Email']),
    );
  });

  it('keeps login fields, quotes and non-ASCII text exactly', () => {
    const [first, second] = parseLastPassCsv(lastPassCsv()).items;
    expect(first).toMatchObject({
      row: 2,
      name: 'Zürich Bank #1',
      notes: 'First line\nsecond line, with a comma',
      login: {
        username: 'user1@example.com',
        password: 'pw-1, "quoted"',
        totp: 'JBSWY3DPEHPK3PXP',
        uris: [{ uri: 'https://site1.example.com/login', match: null }],
      },
    });
    expect(second?.name).toBe('Acme, Inc. "portal" #2');
    // The first item's notes span two lines, so the second record starts on line 4.
    expect(second?.row).toBe(4);
  });

  it('turns credit-card and address notes into cards and identities', () => {
    const items = parseLastPassCsv(lastPassCsv()).items;
    const card = items.find((i) => i.type === 3)!;
    expect(card.card).toEqual({
      cardholderName: 'Pat Example',
      brand: 'Visa',
      number: expect.stringMatching(/^4111/),
      expMonth: '6',
      expYear: '2030',
      code: '123',
    });
    expect(card.notes).toBe('Corporate card\nsecond notes line');
    const address = items.find((i) => i.type === 4)!;
    expect(address.identity).toMatchObject({
      title: 'mr',
      firstName: 'Pat',
      lastName: 'Example',
      address1: '1 Main St',
      city: 'Springfield',
      postalCode: '12345',
      country: 'US',
      email: 'pat@example.com',
    });
    expect(address.fields).toContainEqual({ name: 'Fax', value: '555-0100', type: 0, linkedId: null });
    const note = items.find((i) => i.type === 2)!;
    expect(note.notes).toBe('Door code 40\n"quoted" line\nlast line');
    expect(note.login).toBeNull();
  });

  it('reports malformed rows by line and imports the rest', () => {
    const csv = [
      HEADER,
      'https://a.example,ann,pw,,,A,Team,0',
      'https://b.example,bob', // too few fields
      'https://c.example,"cat"x,pw,,,C,Team,0', // broken quoting
      ',,,,,,,0', // nothing but "fav"
      ',,,,,,,', // blank: skipped silently
      'https://d.example,dan,pw,,"multi',
      'line note",D,(none),0',
      'https://e.example,eve,pw,,,E,Team,0,extra', // too many fields
    ].join('\n');
    const parsed = parseLastPassCsv(csv);
    expect(parsed.items.map((i) => [i.row, i.name, i.collections])).toEqual([
      [2, 'A', ['Team']],
      [7, 'D', []],
    ]);
    expect(parsed.problems.map((p) => p.row)).toEqual([3, 4, 5, 9]);
    expect(parsed.problems[0]!.reason).toMatch(/2 fields where the header has 8/);
    expect(parsed.problems[1]!.reason).toMatch(/quoted field/);
    expect(parsed.problems[2]!.reason).toMatch(/empty/);
    expect(parsed.total).toBe(6);
    // Reasons name the problem, never the row's contents.
    expect(JSON.stringify(parsed.problems)).not.toMatch(/bob|cat|eve/);
  });

  it('refuses a file that is not a LastPass export', () => {
    const parsed = parseLastPassCsv('folder,title,login\nx,y,z\n');
    expect(parsed.items).toEqual([]);
    expect(parsed.problems[0]).toMatchObject({ row: 1, reason: expect.stringMatching(/not a LastPass CSV/) });
  });

  it('names unnamed items "--", adds a scheme to bare hosts and skips the empty "http://" URL', () => {
    const parsed = parseLastPassCsv(`${HEADER}\nexample.com,u,p,,,,,0\nhttp://,u,p,,,Blank,,0\n`);
    expect(parsed.items[0]).toMatchObject({ name: '--', login: { uris: [{ uri: 'http://example.com' }] } });
    expect(parsed.items[1]?.login?.uris).toEqual([]);
  });
});
