import { describe, expect, it } from 'vitest';
import {
  everyAccepted,
  everyInvited,
  filterMembers,
  removalBlock,
  roleChangeBlock,
  soleAdmin,
  statusBadge,
  statusCounts,
} from '../../../../../src-renderer/lib/portal/members/memberModel';
import { member, MY_USER_ID } from './memberFixtures';

const ava = member({ name: 'Ava Martin', email: 'ava@example.com', type: 0, status: 2, userId: MY_USER_ID });
const ben = member({ name: 'Ben Okafor', email: 'ben@example.com', type: 0, status: 2 });
const dmitri = member({ name: 'Dmitri Volkov', email: 'dmitri@example.com', status: 1 });
const emma = member({ email: 'emma@example.com', status: 0, userId: null });
const invitedAdmin = member({ email: 'new.admin@example.com', type: 0, status: 0 });

describe('provider members model', () => {
  it('names statuses as the badges read them', () => {
    expect([0, 1, 2].map((s) => statusBadge(s).label)).toEqual(['Invited', 'Accepted', 'Confirmed']);
  });

  it('filters by status and by name, email or id, and counts each status', () => {
    const all = [ava, ben, dmitri, emma];
    expect(filterMembers(all, 'accepted', '')).toEqual([dmitri]);
    expect(filterMembers(all, 'invited', '')).toEqual([emma]);
    expect(filterMembers(all, 'all', 'OKAFOR')).toEqual([ben]);
    expect(filterMembers(all, 'all', 'emma@')).toEqual([emma]);
    expect(filterMembers(all, 'invited', 'ben')).toEqual([]);
    expect(statusCounts(all)).toEqual({ all: 4, invited: 1, accepted: 1 });
  });

  it('finds the only confirmed provider admin; an invited admin does not count', () => {
    expect(soleAdmin([ava, ben, dmitri])).toBeNull();
    expect(soleAdmin([ava, invitedAdmin, dmitri])).toBe(ava);
  });

  it('never removes yourself or the last confirmed admin', () => {
    expect(removalBlock([ava], [ava, ben], MY_USER_ID)).toMatch(/yourself/);
    expect(removalBlock([ben], [ava, ben], MY_USER_ID)).toBeNull();
    expect(removalBlock([ben], [ben, dmitri], MY_USER_ID)).toMatch(/at least one confirmed provider admin/);
    expect(removalBlock([dmitri, emma], [ben, dmitri, emma], MY_USER_ID)).toBeNull();
  });

  it('keeps the last confirmed admin an admin', () => {
    expect(roleChangeBlock(ben, 1, [ben, dmitri])).toMatch(/at least one/);
    expect(roleChangeBlock(ben, 1, [ava, ben])).toBeNull();
    expect(roleChangeBlock(dmitri, 0, [ben, dmitri])).toBeNull();
  });

  it('offers bulk resend and confirm only when every selected member fits', () => {
    expect(everyInvited([emma, invitedAdmin])).toBe(true);
    expect(everyInvited([emma, dmitri])).toBe(false);
    expect(everyAccepted([dmitri])).toBe(true);
    expect(everyAccepted([])).toBe(false);
  });
});
