// The demo provider's data, deterministic (a seeded PRNG): ~40 client companies with seats from empty to full
// (one over its limit), members in every status, collections, groups and policies.
export const PROVIDER = {
  name: 'Northwind IT Partners',
  businessName: 'Northwind IT Partners LLC',
  billingEmail: 'billing@northwind-msp.example',
  seatMinimums: { teams: 150, enterprise: 80 },
};

export interface DemoPerson {
  email: string;
  name: string;
}

/** Provider users: 2 admins and 3 service users (one Invited, one Accepted but not confirmed). */
export const PROVIDER_USERS = [
  { email: 'ava.martin@northwind-msp.example', name: 'Ava Martin', type: 0, status: 'confirmed' },
  { email: 'ben.okafor@northwind-msp.example', name: 'Ben Okafor', type: 0, status: 'confirmed' },
  { email: 'carla.reyes@northwind-msp.example', name: 'Carla Reyes', type: 1, status: 'confirmed' },
  { email: 'dmitri.volkov@northwind-msp.example', name: 'Dmitri Volkov', type: 1, status: 'accepted' },
  { email: 'emma.lindqvist@northwind-msp.example', name: 'Emma Lindqvist', type: 1, status: 'invited' },
] as const;

const COMPANIES = [
  'Alder Dental Group',
  'Bayside Logistics',
  'Birchwood Veterinary',
  'Blue Harbor Realty',
  'Cedar Creek Law',
  'Cobalt Architects',
  'Crescent Bakery Co',
  'Driftwood Marine Supply',
  'Elmhurst Pediatrics',
  'Evergreen Landscaping',
  'Falcon Ridge Accounting',
  'Foxglove Florists',
  'Granite Peak Construction',
  'Harborview Hotel',
  'Hawthorne Insurance',
  'Ironclad Security',
  'Juniper Wellness',
  'Keystone Engineering',
  'Lakeside Community Bank',
  'Larkspur Design Studio',
  'Maple Street Pharmacy',
  'Meridian Travel',
  'Northgate Auto Repair',
  'Oakridge Charter School',
  'Orchid Spa & Salon',
  'Pinecrest Property Mgmt',
  'Quarry Lane Brewing',
  'Redwood Family Clinic',
  'Riverside Printing',
  'Sagebrush Consulting',
  'Silverline Couriers',
  'Sparrow Nonprofit Alliance',
  'Summit Physical Therapy',
  'Tamarack Outfitters',
  'Tidewater Fisheries',
  'Union Square Dentistry',
  'Valley Orchard Foods',
  'Willow & Finch Legal',
  'Windmill Energy Co-op',
  'Yellowstone Tours',
];

export const FIRST = [
  'Olivia',
  'Liam',
  'Noah',
  'Emma',
  'Sophia',
  'Mateo',
  'Isabella',
  'Lucas',
  'Mia',
  'Ethan',
  'Amara',
  'Hiro',
  'Priya',
  'Jonas',
  'Fatima',
  'Diego',
  'Chloe',
  'Omar',
  'Zoe',
  'Ravi',
  'Nora',
  'Felix',
  'Leila',
  'Sam',
  'Hana',
  'Tomás',
  'Grace',
  'Kofi',
  'Ingrid',
  'Yusuf',
];
export const LAST = [
  'Nguyen',
  'Smith',
  'Garcia',
  'Kowalski',
  'Haddad',
  'Tanaka',
  'Okonkwo',
  'Larsen',
  'Patel',
  'Rossi',
  'Murphy',
  'Schmidt',
  'Silva',
  'Cohen',
  'Dubois',
  'Ivanova',
  'Kim',
  'Brown',
  'Moreau',
  'Fischer',
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
];
export const GROUPS = ['IT', 'Finance', 'Leadership', 'Front Office', 'Operations'];

export type MemberStatus = 'confirmed' | 'accepted' | 'invited' | 'revoked';

export interface DemoMember extends DemoPerson {
  status: MemberStatus;
  /** OrganizationUserType: Admin 1, User 2, Custom 4. */
  type: 1 | 2 | 4;
}

export interface DemoClient {
  slug: string;
  name: string;
  planType: 17 | 19;
  seats: number;
  /** Seats after the members exist (the over-limit client ends below its use). */
  finalSeats: number;
  owner: DemoPerson | null;
  members: DemoMember[];
  collections: string[];
  groups: string[];
  policies: boolean;
  /** Days ago the client joined (for the 90-day history). */
  createdDaysAgo: number;
}

function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const slugOf = (name: string) =>
  name
    .toLowerCase()
    .replace(/&/g, 'and')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/** Fraction of seats in use, by client index: a spread from empty to full. */
const USE = [0, 0.1, 0.25, 0.4, 0.5, 0.6, 0.75, 0.9, 1, 1];
const SEATS = [3, 4, 5, 6, 8, 10, 12];

export function demoClients(count = COMPANIES.length): DemoClient[] {
  return COMPANIES.slice(0, Math.min(count, COMPANIES.length)).map((name, i) => {
    const rand = prng(1000 + i);
    const slug = slugOf(name);
    const domain = `${slug}.example`;
    const planType = i % 3 === 1 ? 19 : 17;
    const seats = SEATS[Math.floor(rand() * SEATS.length)]!;
    const empty = i === 0;
    const overLimit = i === 5;
    const used = empty ? 0 : Math.max(1, Math.round(seats * USE[i % USE.length]!));
    const person = (k: number): DemoPerson => {
      const first = FIRST[Math.floor(rand() * FIRST.length)]!;
      const last = LAST[Math.floor(rand() * LAST.length)]!;
      return {
        name: `${first} ${last}`,
        email: `${first}.${last}${k}@${domain}`
          .toLowerCase()
          .normalize('NFD')
          .replace(/[\u0300-\u036f]/g, ''),
      };
    };
    const owner = empty ? null : person(0);
    const members: DemoMember[] = [];
    for (let k = 1; k < used; k++) {
      const r = rand();
      const status: MemberStatus =
        k === 1
          ? 'confirmed'
          : k === used - 1 && i % 4 === 2
            ? 'invited'
            : r < 0.12
              ? 'invited'
              : r < 0.22
                ? 'accepted'
                : 'confirmed';
      const type = k === 1 && used > 3 ? 1 : k === 2 && planType === 19 ? 4 : 2;
      members.push({ ...person(k), status, type });
    }
    // A revoked member frees its seat, but needs one while invited: only in clients with room.
    if (!empty && i % 3 === 2 && used < seats) members.push({ ...person(99), status: 'revoked', type: 2 });
    const collections = COLLECTIONS.filter(() => rand() < 0.45).slice(0, 4);
    if (collections.length === 0) collections.push(COLLECTIONS[0]!);
    const groups = GROUPS.filter(() => rand() < 0.35).slice(0, 3);
    return {
      slug,
      name,
      planType,
      seats,
      finalSeats: overLimit ? Math.max(1, used - 2) : seats,
      owner,
      members,
      collections,
      groups,
      policies: planType === 19,
      createdDaysAgo: 88 - Math.floor((i * 84) / COMPANIES.length),
    };
  });
}
