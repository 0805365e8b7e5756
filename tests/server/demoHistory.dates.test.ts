// Issue 12: the demo history dates no event in the future, at any time of day (an event dated ahead of the clock
// sits above everything the admin does next and, before the overlap window, hid it from incremental syncs).
import { describe, expect, it } from 'vitest';
import { demoClients } from '../../src-server/seed/demoData';
import { activity, type ClientRows } from '../../src-server/seed/demoHistory';
import type { DemoProvider } from '../../src-server/seed/demoProvider';

const provider = {
  id: 'p',
  actors: [{ id: 'a1' }, { id: 'a2' }, { id: 'a3' }] as DemoProvider['actors'],
};
const clients: ClientRows[] = demoClients(7).map((demo, i) => ({
  demo: { ...demo, createdDaysAgo: i === 0 ? 1 : demo.createdDaysAgo },
  orgId: `org-${i}`,
  linkId: `link-${i}`,
  orgUserIds: ['ou1', 'ou2'],
  collectionIds: ['c1'],
  groupIds: ['g1'],
  policyIds: ['pol1'],
  occupied: 2,
}));

describe('seed-demo history dates', () => {
  // Just after midnight, mid-morning, and late evening (UTC), on a weekday.
  for (const time of ['00:05', '09:30', '23:55']) {
    it(`writes no event after the seed's now (${time} UTC), and still has today's events up to it`, () => {
      const now = Date.parse(`2026-12-08T${time}:00.000Z`);
      const events = activity(provider, clients, now);
      expect(events.length).toBeGreaterThan(100);
      const latest = Math.max(...events.map((e) => Date.parse(e.date!)));
      expect(latest).toBeLessThanOrEqual(now);
      expect(latest).toBeGreaterThan(now - 2 * 86_400_000);
    });
  }
});
