// A LastPass CSV export of 50 items made here (never a checked-in file): 40 logins, 6 secure notes, 2 credit
// cards and 2 addresses, in nested groupings, with the quoting a real export has (commas, quotes, line breaks,
// non-ASCII names).
import Papa from 'papaparse';

export interface FixtureItem {
  name: string;
  kind: 'login' | 'note' | 'card' | 'address';
  username?: string;
  password?: string;
  grouping: string;
}

const GROUPINGS = ['Clients\\Contoso', 'Clients\\Fabrikam', 'Infrastructure', 'Email'];
const SPECIAL_NAMES = ['Zürich Bank', 'Acme, Inc. "portal"', '日本 サーバー', 'Café ☕ Wi-Fi'];

export function lastPassItems(count = 50): FixtureItem[] {
  return Array.from({ length: count }, (_, i) => {
    const grouping = GROUPINGS[i % GROUPINGS.length]!;
    const kind = i >= 40 ? (i < 46 ? 'note' : i < 48 ? 'card' : 'address') : 'login';
    const base = i < SPECIAL_NAMES.length ? SPECIAL_NAMES[i]! : `Item ${String(i + 1).padStart(2, '0')}`;
    const name = `${base} #${i + 1}`;
    return kind === 'login'
      ? { name, kind, username: `user${i + 1}@example.com`, password: `pw-${i + 1}, "quoted"`, grouping }
      : { name, kind, grouping };
  });
}

function extraOf(item: FixtureItem, i: number): string {
  switch (item.kind) {
    case 'login':
      return i % 5 === 0 ? `First line\nsecond line, with a comma` : '';
    case 'note':
      return `Door code ${i}\n"quoted" line\nlast line`;
    case 'card':
      return [
        'NoteType:Credit Card',
        'Language:en-US',
        'Name on Card:Pat Example',
        'Type:Visa',
        `Number:411111111111${String(1000 + i).slice(-4)}`,
        'Security Code:123',
        'Start Date:,',
        'Expiration Date:June,2030',
        'Notes:Corporate card',
        'second notes line',
      ].join('\n');
    case 'address':
      return [
        'NoteType:Address',
        'Language:en-US',
        'Title:mr',
        'First Name:Pat',
        'Last Name:Example',
        'Address 1:1 Main St',
        'City / Town:Springfield',
        'Zip / Postal Code:12345',
        'Country:US',
        'Email Address:pat@example.com',
        'Fax:555-0100',
        'Notes:',
      ].join('\n');
  }
}

/** The CSV text, with a byte-order mark and CRLF line ends like a Windows export. */
export function lastPassCsv(items = lastPassItems()): string {
  const rows = items.map((item, i) => ({
    url: item.kind === 'login' ? `https://site${i + 1}.example.com/login` : 'http://sn',
    username: item.username ?? '',
    password: item.password ?? '',
    totp: item.kind === 'login' && i % 7 === 0 ? 'JBSWY3DPEHPK3PXP' : '',
    extra: extraOf(item, i),
    name: item.name,
    grouping: item.grouping,
    fav: i % 3 === 0 ? '1' : '0',
  }));
  return `\uFEFF${Papa.unparse(rows, { newline: '\r\n', quotes: false })}\r\n`;
}
