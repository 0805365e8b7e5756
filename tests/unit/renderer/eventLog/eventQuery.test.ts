import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ProviderEvent } from '$shared/contract/sync';
import { accountCache, dropAccountCache } from '$lib/cache/accountCache';
import { defaultFilter, rangeBounds, type EventLogFilter } from '$lib/eventLog/eventFilter';
import { exactRanges, queryEvents, rowMatches, toRow, usesDirectory } from '$lib/eventLog/eventQuery';
import { EventDirectory } from '$lib/eventLog/eventDirectory';
import { ava, carla, contoso, directory, event, fabrikam } from './eventLogFixtures';

const scope = 'provider:prov-1';
let accountId = '';
let events: ProviderEvent[] = [];

/** What the log must show: every event of the scope in range that passes `rowMatches`, newest first (date, key). */
function expected(filter: EventLogFilter): string[] {
  const range = rangeBounds(filter);
  if (!range.ok) return [];
  const dir = directory();
  return events
    .filter((e) => e.date >= range.startIso && e.date <= range.endIso)
    .map((e) => toRow(e, dir))
    .filter((row) => rowMatches(row, filter, dir))
    .sort((a, b) => (a.date !== b.date ? (a.date < b.date ? 1 : -1) : a.key < b.key ? 1 : a.key > b.key ? -1 : 0))
    .map((row) => row.key);
}

beforeEach(async () => {
  accountId = `acct-${Math.random().toString(36).slice(2)}`;
  const sameMoment = new Date(Date.now() - 2.5 * 24 * 3600_000).toISOString();
  events = [];
  for (let i = 0; i < 60; i++) {
    const who = i % 3 === 0 ? carla.userId : ava.userId;
    const client = [null, contoso, fabrikam][i % 3];
    events.push(
      event({
        type: [1800, 1900, 1903][i % 4 === 0 ? 0 : i % 2 ? 1 : 2],
        daysAgo: (i % 35) + 0.5,
        actingUserId: who,
        // Client events name the client by its provider-organization id, its organization id, or both.
        providerOrganizationId: client && i % 5 !== 0 ? client.id : null,
        organizationId: client && i % 4 !== 1 ? client.organizationId : null,
      }),
    );
  }
  // Ties on the date are ordered by key, as the index orders them.
  events.push(event({ daysAgo: 0, date: sameMoment, providerOrganizationId: contoso.id }));
  events.push(event({ daysAgo: 0, date: sameMoment, organizationId: contoso.organizationId }));
  await accountCache(accountId).events.bulkPut([
    ...events.map((e) => ({ ...e, scope })),
    // Another scope's events never show.
    ...events.map((e) => ({ ...e, key: `other-${e.key}`, scope: 'org:org-contoso' })),
  ]);
});

afterEach(async () => {
  await dropAccountCache(accountId);
});

const filters: [string, Partial<EventLogFilter>][] = [
  ['no filter', {}],
  ['a type', { type: 1903 }],
  ['an acting user', { actor: carla.userId }],
  ['a client', { client: contoso.organizationId }],
  ['another client', { client: fabrikam.organizationId }],
  ['an unknown client', { client: 'org-unknown' }],
  ['a type and a user', { type: 1900, actor: ava.userId }],
  ['a client and a type', { client: contoso.organizationId, type: 1900 }],
  ['text', { text: 'contoso' }],
  ['a client and text', { client: fabrikam.organizationId, text: 'ava' }],
];

describe('queryEvents', () => {
  it.each(filters)('answers %s like a row-by-row check, newest first', async (_, narrowed) => {
    const filter = { ...defaultFilter(), ...narrowed };
    const want = expected(filter);
    if (filter.client !== 'org-unknown') expect(want.length).toBeGreaterThan(1);
    const all = await queryEvents(accountCache(accountId), scope, filter, directory());
    expect(all.rows.map((r) => r.key)).toEqual(want);
    expect(all.more).toBe(false);
    for (const limit of [1, 3, want.length]) {
      const page = await queryEvents(accountCache(accountId), scope, filter, directory(), limit);
      expect(page.rows.map((r) => r.key)).toEqual(want.slice(0, limit));
      expect(page.more).toBe(want.length > limit);
    }
  });

  it('reads straight from the indexes only when they answer the filter exactly', () => {
    const cache = accountCache(accountId);
    const ranges = (narrowed: Partial<EventLogFilter>) =>
      exactRanges(cache, scope, { ...defaultFilter(), ...narrowed }, directory(), '2000', '3000')?.length ?? null;
    expect(ranges({})).toBe(1);
    expect(ranges({ type: 1800 })).toBe(1);
    expect(ranges({ actor: ava.userId })).toBe(1);
    // The client's organization, and its one provider-organization id.
    expect(ranges({ client: contoso.organizationId })).toBe(2);
    expect(ranges({ client: 'org-unknown' })).toBe(1);
    expect(ranges({ text: 'x' })).toBeNull();
    expect(ranges({ type: 1800, actor: ava.userId })).toBeNull();
    expect(ranges({ client: contoso.organizationId, actor: ava.userId })).toBeNull();
  });
});

describe('usesDirectory', () => {
  it('is true only when names or clients decide what matches', () => {
    expect(usesDirectory(defaultFilter())).toBe(false);
    expect(usesDirectory({ ...defaultFilter(), type: 1800, actor: ava.userId, text: '  ' })).toBe(false);
    expect(usesDirectory({ ...defaultFilter(), client: contoso.organizationId })).toBe(true);
    expect(usesDirectory({ ...defaultFilter(), text: 'ava' })).toBe(true);
  });
});

describe('EventDirectory.providerOrganizationIds', () => {
  it('lists the provider-organization ids of a client', () => {
    expect(directory().providerOrganizationIds(contoso.organizationId)).toEqual([contoso.id]);
    expect(directory().providerOrganizationIds('org-unknown')).toEqual([]);
  });
});

describe('EventDirectory.message', () => {
  it('names members, groups and collections of opened clients, and falls back to short ids', () => {
    const dana = { id: 'ou-dana-0001', userId: 'user-dana', name: null, email: 'dana@contoso.example' };
    const named = new EventDirectory([ava, dana], [contoso], {
      groups: [{ id: 'grp-dispatch', name: 'Dispatch' }],
      collections: [{ id: 'col-front-desk', name: 'Front desk' }],
    });
    const at = { organizationId: contoso.organizationId, providerUserId: null };
    expect(named.message(event({ ...at, type: 1500, organizationUserId: dana.id }))).toBe(
      'Invited user dana@contoso.example.',
    );
    expect(named.message(event({ ...at, type: 1400, groupId: 'grp-dispatch' }))).toBe('Created group Dispatch.');
    expect(named.message(event({ ...at, type: 1300, collectionId: 'col-front-desk' }))).toBe(
      'Created collection Front desk.',
    );
    expect(named.message(event({ ...at, type: 1300, collectionId: 'col-unknown-77' }))).toBe(
      'Created collection col-unkn.',
    );
  });
});
