// Deterministic data for `seed-scale` (a seeded PRNG, so two runs with the same sizes make the same clients):
// client companies with realistic names, plans, seats and seat use; their members; and the shape of 90 days of
// provider and org events (which types, by whom, in which client, at what time of day).
import { FIRST as DEMO_FIRST, LAST as DEMO_LAST } from './demoData';

export const DAY_MS = 86_400_000;
export const HISTORY_DAYS = 90;

export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Rand = () => number;
export const pick = <T>(rand: Rand, list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;

/** Normal deviate (Box–Muller). */
function gauss(rand: Rand): number {
  const u = Math.max(rand(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rand());
}

/** Picks an index from cumulative weights (binary search). */
export function weighted(rand: Rand, cumulative: Float64Array): number {
  const x = rand() * cumulative[cumulative.length - 1]!;
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cumulative[mid]! > x) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

export function cumulate(weights: readonly number[]): Float64Array {
  const out = new Float64Array(weights.length);
  let sum = 0;
  weights.forEach((w, i) => (out[i] = sum += w));
  return out;
}

/** A well-formed, deterministic v4-style UUID from two integers (ids of things the events refer to). */
export function fakeUuid(a: number, b: number): string {
  const r = prng(Math.imul(a + 1, 2654435761) ^ Math.imul(b + 1, 40503) ^ 0x5bd1e995);
  const hex = (n: number) => Array.from({ length: n }, () => Math.floor(r() * 16).toString(16)).join('');
  return `${hex(8)}-${hex(4)}-4${hex(3)}-${'89ab'[Math.floor(r() * 4)]}${hex(3)}-${hex(12)}`;
}

/** A time-ordered (v7-style) UUID: events inserted in date order append to the primary-key index. */
export function timeUuid(ms: number, rand: Rand): string {
  const t = ms.toString(16).padStart(12, '0');
  const hex = (n: number) => {
    let s = '';
    for (let i = 0; i < n; i++) s += Math.floor(rand() * 16).toString(16);
    return s;
  };
  return `${t.slice(0, 8)}-${t.slice(8, 12)}-7${hex(3)}-${'89ab'[Math.floor(rand() * 4)]}${hex(3)}-${hex(12)}`;
}

// ---- The provider ----

export const SCALE_PROVIDER = {
  name: 'Summit Ridge Managed Services',
  businessName: 'Summit Ridge Managed Services Inc.',
  billingEmail: 'billing@summitridge-msp.example',
  seatMinimums: { teams: 500, enterprise: 1000 },
};

export const SCALE_ADMIN = { email: 'jordan.ellis@summitridge-msp.example', name: 'Jordan Ellis' };

// ---- Client companies ----

const PLACES = [
  'Alder',
  'Aspen',
  'Bayside',
  'Beacon',
  'Birchwood',
  'Blue Harbor',
  'Bridgeport',
  'Brookside',
  'Canyon',
  'Cedar Creek',
  'Clearwater',
  'Coastal',
  'Copper Hill',
  'Crescent',
  'Cypress',
  'Driftwood',
  'Eastgate',
  'Elmhurst',
  'Evergreen',
  'Fairview',
  'Falcon Ridge',
  'Foxglove',
  'Glenwood',
  'Golden Gate',
  'Granite Peak',
  'Greenfield',
  'Harborview',
  'Hawthorne',
  'Highland',
  'Hillcrest',
  'Ironwood',
  'Juniper',
  'Keystone',
  'Lakeside',
  'Larkspur',
  'Lighthouse',
  'Magnolia',
  'Maple Street',
  'Meadowbrook',
  'Meridian',
  'Millbrook',
  'Northgate',
  'Northstar',
  'Oakridge',
  'Orchard',
  'Pacific',
  'Pinecrest',
  'Prairie',
  'Quarry Lane',
  'Redwood',
  'Ridgeview',
  'Riverside',
  'Rockport',
  'Sagebrush',
  'Seaside',
  'Silverline',
  'Southfield',
  'Sparrow',
  'Summit',
  'Sunrise',
  'Tamarack',
  'Tidewater',
  'Timberline',
  'Union Square',
  'Valley',
  'Westbrook',
  'Willow',
  'Windmill',
  'Yellowstone',
  'Montréal',
  'Zürich',
  'København',
  'São Paulo',
  'Kraków',
  'Ōsaka',
  'Málaga',
  'Göteborg',
  'Reykjavík',
  'Dublin',
  'Auckland',
];
const TRADES = [
  'Dental Group',
  'Logistics',
  'Veterinary Clinic',
  'Realty',
  'Law Offices',
  'Architects',
  'Bakery',
  'Marine Supply',
  'Pediatrics',
  'Landscaping',
  'Accounting',
  'Florists',
  'Construction',
  'Hotel',
  'Insurance',
  'Security',
  'Wellness',
  'Engineering',
  'Community Bank',
  'Design Studio',
  'Pharmacy',
  'Travel',
  'Auto Repair',
  'Charter School',
  'Spa & Salon',
  'Property Management',
  'Brewing',
  'Family Clinic',
  'Printing',
  'Consulting',
  'Couriers',
  'Physical Therapy',
  'Outfitters',
  'Fisheries',
  'Foods',
  'Energy Co-op',
  'Tours',
  'Credit Union',
  'Orthodontics',
  'Chiropractic',
  'Title & Escrow',
  'Staffing',
  'Plumbing & Heating',
  'Electric',
  'Roofing',
  'Animal Hospital',
  'Optometry',
  'Montessori',
  'Dermatology',
  'Wealth Advisors',
  'Marketing',
  'Manufacturing',
  'Tool & Die',
  'Winery',
  'Coffee Roasters',
  'Catering',
  'Fitness',
  'Dance Academy',
  'Museum',
  'Freight',
];
const FORMS = ['', '', '', ' LLC', ' Inc.', ' Ltd', ' & Co', ' Partners', ' GmbH', ' Group'];

export const FIRST = [
  // The demo names first (same order), then more for thousands of clients.
  ...DEMO_FIRST,
  'Aiden',
  'Camila',
  'Mason',
  'Aria',
  'Elijah',
  'Luna',
  'James',
  'Maya',
  'Benjamin',
  'Sofia',
  'Henry',
  'Layla',
  'Jack',
  'Zara',
  'Owen',
  'Chiara',
  'Mikael',
  'Aisha',
  'Jakub',
  'Renée',
];
export const LAST = [
  // The demo names first (same order), then more for thousands of clients.
  ...DEMO_LAST,
  'Johnson',
  'Williams',
  'Jones',
  'Miller',
  'Davis',
  'Martinez',
  'Lopez',
  'Wilson',
  'Anderson',
  'Taylor',
  'Thomas',
  'Moore',
  'Jackson',
  'Martin',
  'Lee',
  'Thompson',
  'White',
  'Harris',
  'Clark',
  'Lewis',
  'Walker',
  'Young',
  'Allen',
  'King',
  'Wright',
  'Scott',
  'Müller',
  'Novák',
  'Sato',
  'Andersson',
];

export const COLLECTIONS = [
  'Shared Logins',
  'IT Infrastructure',
  'Finance',
  'Marketing',
  'HR & Payroll',
  'Vendors',
  'Wi-Fi & Network',
  'Social Media',
  'Clinical Systems',
  'Banking',
];
export const GROUPS = ['IT', 'Finance', 'Leadership', 'Front Office', 'Operations', 'Sales', 'Support'];

/** Enterprise policies seeded on some clients: [type, data]. */
export const POLICIES: [number, unknown][] = [
  [0, null],
  [
    1,
    {
      minComplexity: 3,
      minLength: 14,
      requireUpper: true,
      requireLower: true,
      requireNumbers: true,
      requireSpecial: false,
      enforceOnLogin: false,
    },
  ],
  [2, { overridePasswordType: 'passphrase', minNumberWords: 4, capitalize: true, includeNumber: true }],
  [3, null],
  [8, { autoEnrollEnabled: false }],
];

const slugOf = (name: string) =>
  name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, 'and')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

export const emailPart = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');

/** OrganizationUserStatus: Revoked −1, Invited 0, Accepted 1, Confirmed 2. */
export type ScaleStatus = -1 | 0 | 1 | 2;

export interface ScaleMember {
  email: string;
  name: string;
  /** OrganizationUserType: Owner 0, Admin 1, User 2, Custom 4. */
  type: 0 | 1 | 2 | 4;
  status: ScaleStatus;
}

export interface ScaleClient {
  index: number;
  name: string;
  slug: string;
  /** TeamsMonthly 17 or EnterpriseMonthly 19 (what an MSP may manage). */
  planType: 17 | 19;
  seats: number;
  /** When the client joined the provider (ms). */
  createdAt: number;
  /** The owner first; Invited, Accepted and Confirmed members occupy seats, Revoked ones do not. */
  members: ScaleMember[];
  collections: string[];
  groups: string[];
  policies: number[];
}

export const occupiedOf = (c: ScaleClient) => c.members.filter((m) => m.status >= 0).length;

/** `count` clients, ~65 % Teams; seats log-normal (Teams median 10, Enterprise 35); use from empty to over the limit. */
export function scaleClients(count: number, now: number): ScaleClient[] {
  const rand = prng(90_001);
  const names = new Set<string>();
  const out: ScaleClient[] = [];
  for (let index = 0; index < count; index++) {
    let name = '';
    for (let attempt = 0; !name || names.has(name); attempt++) {
      name = `${pick(rand, PLACES)} ${pick(rand, TRADES)}${pick(rand, FORMS)}`;
      if (attempt > 20) name = `${name} ${index + 1}`;
    }
    names.add(name);
    const slug = `${slugOf(name)}-${index.toString(36)}`;
    const planType: 17 | 19 = rand() < 0.65 ? 17 : 19;
    const median = planType === 17 ? 10 : 35;
    const seats = Math.round(
      Math.min(planType === 17 ? 150 : 1500, Math.max(planType === 17 ? 2 : 10, median * Math.exp(0.7 * gauss(rand)))),
    );
    const shape = rand();
    // 2 % just created (only the owner invited), 3 % full, 1 % over the limit, the rest 45–95 % used.
    const occupied =
      shape < 0.02
        ? 1
        : shape < 0.05
          ? seats
          : shape < 0.06
            ? seats + 1 + Math.floor(rand() * 3)
            : Math.max(1, Math.round(seats * (0.45 + 0.5 * rand())));
    const justCreated = shape < 0.02;
    // 12 % joined during the 90 days of history; the rest up to three years before.
    const createdAt =
      justCreated || rand() < 0.1
        ? now - Math.floor(rand() * (HISTORY_DAYS - 1) * DAY_MS) - 3_600_000
        : now - HISTORY_DAYS * DAY_MS - Math.floor(rand() * 1000 * DAY_MS);
    const domain = `${slug}.example`;
    const person = (k: number) => {
      const first = pick(rand, FIRST);
      const last = pick(rand, LAST);
      return { name: `${first} ${last}`, email: `${emailPart(first)}.${emailPart(last)}${k}@${domain}` };
    };
    const members: ScaleMember[] = [];
    for (let k = 0; k < occupied; k++) {
      const r = rand();
      const status: ScaleStatus = justCreated ? 0 : k === 0 ? (r < 0.97 ? 2 : 1) : r < 0.85 ? 2 : r < 0.94 ? 0 : 1;
      const type = k === 0 ? 0 : k <= (seats > 20 ? 2 : 1) ? 1 : k === 3 && planType === 19 ? 4 : 2;
      members.push({ ...person(k), status, type });
    }
    if (!justCreated && rand() < 0.15)
      for (let k = 0; k < 1 + Math.floor(rand() * 2); k++) members.push({ ...person(900 + k), status: -1, type: 2 });
    const collections = ['Default collection', ...COLLECTIONS.filter(() => rand() < 0.3).slice(0, 5)];
    const groups = planType === 19 || rand() < 0.3 ? GROUPS.filter(() => rand() < 0.4).slice(0, 4) : [];
    const policies = planType === 19 && !justCreated ? POLICIES.filter(() => rand() < 0.5).map(([t]) => t) : [];
    out.push({ index, name, slug, planType, seats, createdAt, members, collections, groups, policies });
  }
  return out;
}

/** Provider technicians besides the admin: a couple of admins and service users, ~1 per 250 clients. */
export function scaleTechnicians(clients: number): { email: string; name: string; type: 0 | 1 }[] {
  const count = Math.min(40, Math.max(2, Math.round(clients / 250)));
  const rand = prng(77);
  const out: { email: string; name: string; type: 0 | 1 }[] = [];
  for (let i = 0; i < count; i++) {
    const first = pick(rand, FIRST);
    const last = pick(rand, LAST);
    out.push({
      name: `${first} ${last}`,
      email: `${emailPart(first)}.${emailPart(last)}.${i}@summitridge-msp.example`,
      type: i < 2 ? 0 : 1,
    });
  }
  return out;
}

// ---- Events ----

/** What kinds of events happen, how often (weight per row slot), and who does them. */
export interface EventKind {
  types: number[]; // one row per type (1903 + 1603 come as a pair)
  weight: number;
  /** provider: a technician acting (rows carry providerId); member: a client member acting (org log only). */
  by: 'provider' | 'member';
  needs?: 'orgUser' | 'collection' | 'group' | 'policy' | 'cipher' | 'technician';
}

export const EVENT_KINDS: EventKind[] = [
  { types: [1000], weight: 4, by: 'provider' }, // technician logs in (provider copy of User_LoggedIn)
  { types: [1903, 1603], weight: 11, by: 'provider' }, // technician opens a client's vault
  { types: [1500], weight: 3, by: 'provider', needs: 'orgUser' },
  { types: [1501], weight: 3, by: 'provider', needs: 'orgUser' },
  { types: [1502], weight: 7, by: 'provider', needs: 'orgUser' },
  { types: [1504], weight: 2, by: 'provider', needs: 'orgUser' },
  { types: [1511], weight: 0.7, by: 'provider', needs: 'orgUser' },
  { types: [1512], weight: 0.3, by: 'provider', needs: 'orgUser' },
  { types: [1503], weight: 0.8, by: 'provider', needs: 'orgUser' },
  { types: [1300], weight: 2, by: 'provider', needs: 'collection' },
  { types: [1301], weight: 4, by: 'provider', needs: 'collection' },
  { types: [1302], weight: 0.5, by: 'provider', needs: 'collection' },
  { types: [1400], weight: 0.8, by: 'provider', needs: 'group' },
  { types: [1401], weight: 1.5, by: 'provider', needs: 'group' },
  { types: [1700], weight: 0.8, by: 'provider', needs: 'policy' },
  { types: [1600], weight: 1, by: 'provider' },
  { types: [1602], weight: 0.3, by: 'provider' },
  { types: [1802], weight: 0.05, by: 'provider', needs: 'technician' },
  { types: [1107], weight: 15, by: 'member', needs: 'cipher' }, // Cipher_ClientViewed
  { types: [1111], weight: 9, by: 'member', needs: 'cipher' }, // Cipher_ClientCopiedPassword
  { types: [1114], weight: 7, by: 'member', needs: 'cipher' }, // Cipher_ClientAutofilled
  { types: [1108], weight: 2, by: 'member', needs: 'cipher' },
  { types: [1100], weight: 3, by: 'member', needs: 'cipher' },
  { types: [1101], weight: 4, by: 'member', needs: 'cipher' },
  { types: [1115], weight: 0.5, by: 'member', needs: 'cipher' },
  { types: [1502], weight: 0.5, by: 'member', needs: 'orgUser' },
];

export const TECH_DEVICES = cumulate([40, 30, 10, 15, 5]);
export const TECH_DEVICE_TYPES = [9, 6, 7, 2, 25];
export const MEMBER_DEVICES = cumulate([35, 15, 10, 15, 10, 15]);
export const MEMBER_DEVICE_TYPES = [2, 5, 0, 1, 6, 9];
export const OFFICE_IPS = ['203.0.113.10', '203.0.113.11', '203.0.113.24', '198.51.100.77', '2001:db8:5a::10'];

/** Share of a day's events per UTC hour: most in (US) business hours, a tail at night. */
export const HOURS = cumulate(
  Array.from({ length: 24 }, (_, h) => (h >= 13 && h < 23 ? 10 : h >= 11 && h < 24 ? 3 : 0.6)),
);

/**
 * How many events each of the 90 days gets (oldest first): weekdays 1, weekends 0.25, today only up to `now`.
 * The counts add up to `total`.
 */
export function dailyCounts(total: number, now: number): { start: number; end: number; count: number }[] {
  const today = Math.floor(now / DAY_MS) * DAY_MS;
  const days = Array.from({ length: HISTORY_DAYS }, (_, i) => {
    const start = today - (HISTORY_DAYS - 1 - i) * DAY_MS;
    const end = Math.min(start + DAY_MS, now);
    const weekday = new Date(start).getUTCDay();
    return { start, end, weight: (weekday === 0 || weekday === 6 ? 0.25 : 1) * ((end - start) / DAY_MS) };
  });
  const sum = days.reduce((s, d) => s + d.weight, 0);
  let assigned = 0;
  const out = days.map((d) => {
    const count = Math.floor((total * d.weight) / sum);
    assigned += count;
    return { start: d.start, end: d.end, count };
  });
  for (let i = out.length - 2; assigned < total; i = (i - 1 + out.length) % out.length) {
    out[i]!.count++;
    assigned++;
  }
  return out;
}
