// The event history of `seed-scale`: M events over 90 days, written through the bulk writer in batches
// (technicians working in clients for the provider log, members using their vaults for the org logs).
import type { Database } from '../db/schema';
import type { BulkWriter } from './scaleBulk';
import {
  cumulate,
  dailyCounts,
  EVENT_KINDS,
  fakeUuid,
  HOURS,
  MEMBER_DEVICE_TYPES,
  MEMBER_DEVICES,
  OFFICE_IPS,
  pick,
  prng,
  TECH_DEVICE_TYPES,
  TECH_DEVICES,
  timeUuid,
  weighted,
  type Rand,
  type ScaleClient,
} from './scaleData';

type Row<T extends keyof Database> = Database[T];
const iso = (ms: number) => new Date(ms).toISOString();
/** What the events need to know about each client once its rows exist. */
export interface ClientRefs {
  c: ScaleClient;
  orgId: string;
  linkId: string;
  createdAt: number;
  orgUserIds: string[];
  memberUserIds: string[];
  collectionIds: string[];
  groupIds: string[];
  policyIds: string[];
  ciphers: number;
  ip: string;
}

export interface Technician {
  userId: string;
  providerUserId: string;
}
export interface EventContext {
  providerId: string;
  techs: Technician[];
  refs: ClientRefs[];
  total: number;
  now: number;
  log: (line: string) => void;
}

/** M events over 90 days: technicians working in clients (provider log) and members using their vaults (org logs). */
export async function seedEvents(
  writer: BulkWriter,
  e: EventContext,
): Promise<{ events: number; providerEvents: number }> {
  const rand = prng(4242);
  const { providerId, techs, refs, now } = e;
  const start = now - 90 * 86_400_000;
  // Clients weigh by their seat use; technicians by how busy they are (a few do most of the work).
  const clientWeights = cumulate(refs.map((r) => Math.pow(r.orgUserIds.length + 1, 0.8)));
  const techWeights = cumulate(techs.map((_, i) => 1 / Math.sqrt(i + 1)));
  const kinds = EVENT_KINDS;
  const kindWeights = cumulate(kinds.map((k) => k.weight));
  const providerKinds = kinds
    .map((k, i) => [k, i] as const)
    .filter(([k]) => k.by === 'provider' && k.types.length === 1 && !k.needs);

  // Lifecycle rows of clients that joined during the window: created, owner invited, default collection.
  const lifecycle: Row<'events'>[] = [];
  for (const r of refs) {
    if (r.createdAt < start || r.orgUserIds.length === 0) continue;
    const actor = techs[weighted(rand, techWeights)]!;
    const base = { acting_user_id: actor.userId, device_type: 9, ip_address: OFFICE_IPS[0]!, provider_id: providerId };
    lifecycle.push(eventRow(rand, r.createdAt, 1900, { ...base, provider_organization_id: r.linkId }));
    lifecycle.push(
      eventRow(rand, r.createdAt, 1500, { ...base, organization_id: r.orgId, organization_user_id: r.orgUserIds[0]! }),
    );
    if (r.collectionIds[0])
      lifecycle.push(
        eventRow(rand, r.createdAt, 1300, { ...base, organization_id: r.orgId, collection_id: r.collectionIds[0] }),
      );
  }
  const useLifecycle = lifecycle.length <= e.total;
  const days = dailyCounts(e.total - (useLifecycle ? lifecycle.length : 0), now);
  const pickClient = (at: number): ClientRefs => {
    for (let tries = 0; tries < 8; tries++) {
      const r = refs[weighted(rand, clientWeights)]!;
      if (r.createdAt <= at) return r;
    }
    return refs.reduce((a, b) => (a.createdAt <= b.createdAt ? a : b));
  };

  let written = 0;
  let providerEvents = 0;
  for (const day of days) {
    const times: number[] = new Array(day.count);
    for (let i = 0; i < day.count; i++) {
      let t = day.start + weighted(rand, HOURS) * 3_600_000 + Math.floor(rand() * 3_600_000);
      if (t >= day.end) t = day.start + Math.floor(rand() * (day.end - day.start));
      times[i] = t;
    }
    times.sort((a, b) => a - b);
    const batch: Row<'events'>[] = useLifecycle
      ? lifecycle.filter((l) => Date.parse(l.date) >= day.start && Date.parse(l.date) < day.start + 86_400_000)
      : [];
    for (let i = 0; i < times.length;) {
      const at = times[i]!;
      let kind = kinds[weighted(rand, kindWeights)]!;
      if (kind.types.length > times.length - i) kind = providerKinds[0]![0];
      const client = pickClient(at);
      if (kind.by === 'member' && client.memberUserIds.length === 0) kind = pick(rand, providerKinds)[0];
      const target: Partial<Row<'events'>> = {};
      switch (kind.needs) {
        case 'orgUser':
          target.organization_user_id = pick(rand, client.orgUserIds);
          break;
        case 'collection':
          target.collection_id = pick(rand, client.collectionIds);
          break;
        case 'group':
          if (client.groupIds.length) target.group_id = pick(rand, client.groupIds);
          break;
        case 'policy':
          if (client.policyIds.length) target.policy_id = pick(rand, client.policyIds);
          break;
        case 'cipher':
          target.cipher_id = fakeUuid(client.c.index, Math.floor(rand() * client.ciphers));
          break;
        case 'technician': {
          const t = pick(rand, techs);
          target.provider_user_id = t.providerUserId;
          target.user_id = t.userId;
          break;
        }
      }
      // A kind whose target the client lacks (no groups, no policies) becomes an org update.
      const types =
        (kind.needs === 'group' && !target.group_id) || (kind.needs === 'policy' && !target.policy_id)
          ? [1600]
          : kind.types;
      if (kind.by === 'provider') {
        const tech = techs[weighted(rand, techWeights)]!;
        const origin = {
          acting_user_id: tech.userId,
          device_type: TECH_DEVICE_TYPES[weighted(rand, TECH_DEVICES)]!,
          ip_address: pick(rand, OFFICE_IPS),
          provider_id: providerId,
        };
        for (const type of types) {
          if (type === 1000) batch.push(eventRow(rand, at, type, { ...origin, user_id: tech.userId }));
          else if (type === 1903)
            batch.push(eventRow(rand, at, type, { ...origin, provider_organization_id: client.linkId }));
          else if (type === 1802) batch.push(eventRow(rand, at, type, { ...origin, ...target }));
          else batch.push(eventRow(rand, at, type, { ...origin, organization_id: client.orgId, ...target }));
        }
      } else {
        const member = pick(rand, client.memberUserIds);
        const origin = {
          acting_user_id: member,
          user_id: member,
          device_type: MEMBER_DEVICE_TYPES[weighted(rand, MEMBER_DEVICES)]!,
          ip_address: client.ip,
          organization_id: client.orgId,
        };
        for (const type of types) batch.push(eventRow(rand, at, type, { ...origin, ...target }));
      }
      i += types.length;
    }
    batch.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    await writer.write({ events: batch });
    written += batch.length;
    for (const r of batch) if (r.provider_id) providerEvents++;
    if (day === days[days.length - 1] || days.indexOf(day) % 15 === 14)
      e.log(`${written.toLocaleString('en-US')} events`);
  }
  return { events: written, providerEvents };
}

function eventRow(rand: Rand, at: number, type: number, f: Partial<Row<'events'>>): Row<'events'> {
  return {
    id: timeUuid(at, rand),
    type,
    date: iso(at),
    user_id: null,
    organization_id: null,
    provider_id: null,
    cipher_id: null,
    collection_id: null,
    group_id: null,
    policy_id: null,
    organization_user_id: null,
    provider_user_id: null,
    provider_organization_id: null,
    acting_user_id: null,
    installation_id: null,
    device_type: null,
    ip_address: null,
    system_user: null,
    domain_name: null,
    secret_id: null,
    project_id: null,
    service_account_id: null,
    granted_service_account_id: null,
    send_id: null,
    ...f,
  };
}
