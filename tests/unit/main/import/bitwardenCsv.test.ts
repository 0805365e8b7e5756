// Bitwarden CSV, organization and personal exports: logins and notes, custom fields, URI lists, collections.
import { describe, expect, it } from 'vitest';
import { parseBitwardenCsv } from '../../../../src-main/import/bitwardenCsv';

describe('Bitwarden CSV', () => {
  it('reads an organization export with collections, fields and several URIs', () => {
    const csv = [
      'collections,type,name,notes,fields,reprompt,login_uri,login_username,login_password,login_totp',
      '"Finance,Finance/Payroll",login,Bank,"Line 1\nLine 2","PIN: 1234\nColour: blue: dark",1,"https://bank.example,bank.example",alice,"s3c,ret",JBSWY3DP',
      'Ops,note,Door codes,"front: 1\nback: 2",,0,,,,',
    ].join('\r\n');
    const parsed = parseBitwardenCsv(csv);
    expect(parsed.problems).toEqual([]);
    expect(parsed.items[0]).toMatchObject({
      type: 1,
      name: 'Bank',
      notes: 'Line 1\nLine 2',
      reprompt: 1,
      collections: ['Finance', 'Finance/Payroll'],
      fields: [
        { name: 'PIN', value: '1234', type: 0 },
        { name: 'Colour: blue', value: 'dark', type: 0 },
      ],
      login: {
        username: 'alice',
        password: 's3c,ret',
        totp: 'JBSWY3DP',
        uris: [
          { uri: 'https://bank.example', match: null },
          { uri: 'http://bank.example', match: null },
        ],
      },
    });
    expect(parsed.items[1]).toMatchObject({ type: 2, name: 'Door codes', collections: ['Ops'], login: null });
  });

  it('uses the folder of a personal export as the collection', () => {
    const csv =
      'folder,favorite,type,name,notes,fields,reprompt,login_uri,login_username,login_password,login_totp\nSocial,1,login,Site,,,0,https://s.example,me,pw,\n,0,login,No folder,,,0,,,,';
    const parsed = parseBitwardenCsv(csv);
    expect(parsed.items.map((i) => i.collections)).toEqual([['Social'], []]);
  });

  it('reports item types the format does not carry, and files that are not Bitwarden CSV', () => {
    const parsed = parseBitwardenCsv('type,name\ncard,Visa\nlogin,Ok\n');
    expect(parsed.items.map((i) => i.name)).toEqual(['Ok']);
    expect(parsed.problems).toEqual([{ row: 2, reason: expect.stringMatching(/Only login and note/) }]);
    expect(parseBitwardenCsv('url,username\nx,y\n').problems[0]?.reason).toMatch(/not a Bitwarden CSV/);
  });
});
