import { describe, expect, it } from 'vitest';
import {
  demoteBlockedReason,
  guardSelection,
  ownersLostBy,
} from '../../../../../src-renderer/lib/clientOrg/members/memberGuards';
import { member } from './orgFixtures';

describe('the last-owner guard', () => {
  const owner = member({ name: 'Olga Owner', role: 'owner', lastConfirmedOwner: true });
  const invitedOwner = member({ name: 'Ivan Invited', role: 'owner', status: 'invited' });
  const user = member({ name: 'Uma User' });

  it('refuses to take away the only confirmed owner, whoever else goes with them', () => {
    const members = [owner, invitedOwner, user];
    expect(ownersLostBy(members, [owner.id, user.id])).toEqual([owner]);
    // An invited owner does not count: they cannot administer anything yet.
    expect(ownersLostBy(members, [invitedOwner.id, user.id])).toEqual([]);
    expect(ownersLostBy(members, [owner.id.toUpperCase()])).toEqual([owner]);
  });

  it('lets one of two confirmed owners go, but not both', () => {
    const second = member({ name: 'Sam Second', role: 'owner' });
    const members = [{ ...owner, lastConfirmedOwner: false }, second, user];
    expect(ownersLostBy(members, [second.id])).toEqual([]);
    const guarded = guardSelection(members, [members[0]!, second, user]);
    // As main and the server do: the last owner in the selection is the one kept.
    expect(guarded.kept).toBe(second);
    expect(guarded.allowed.map((m) => m.name)).toEqual(['Olga Owner', 'Uma User']);
  });

  it('blocks demoting the last confirmed owner only', () => {
    expect(demoteBlockedReason([owner, user], owner)).toMatch(/only confirmed Owner/);
    expect(demoteBlockedReason([owner, user], user)).toBeNull();
    const second = member({ role: 'owner' });
    expect(demoteBlockedReason([{ ...owner, lastConfirmedOwner: false }, second], second)).toBeNull();
  });
});
