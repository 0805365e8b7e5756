import { describe, expect, it } from 'vitest';
import { SELF_SKIPPED } from '../../../../../src-shared/contract/selfSkip';
import { bulkSummary } from '../../../../../src-renderer/lib/clientOrg/members/bulkSummary';

const row = (id: string, error: string | null) => ({ id, ok: error === null, error, lastOwner: false });
const nameOf = (id: string) => ({ a: 'Ann Lee', b: 'Ben Roe', me: 'You' })[id] ?? id;

describe('bulkSummary (client org)', () => {
  it('says your own row was skipped, and does not count it as a failure', () => {
    const result = { results: [row('a', null), row('me', SELF_SKIPPED)], succeeded: 1, failed: 1 };
    expect(bulkSummary('Removed', result, 'Alder Dental', nameOf)).toEqual({
      tone: 'success',
      message: 'Removed 1 member in Alder Dental. You were skipped: you cannot remove yourself.',
    });
  });

  it('still reports real failures, out of the rows that were tried', () => {
    const result = {
      results: [row('a', null), row('me', SELF_SKIPPED), row('b', 'Not a member of this organization.')],
      succeeded: 1,
      failed: 2,
    };
    expect(bulkSummary('Removed', result, 'Alder Dental', nameOf)).toEqual({
      tone: 'error',
      message:
        'Removed 1 of 2 members in Alder Dental. Not done for Ben Roe: Not a member of this organization. ' +
        'You were skipped: you cannot remove yourself.',
    });
  });
});
