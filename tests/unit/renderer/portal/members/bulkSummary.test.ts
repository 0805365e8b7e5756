import { describe, expect, it } from 'vitest';
import { SELF_SKIPPED } from '../../../../../src-shared/contract/selfSkip';
import { summarizeBulk } from '../../../../../src-renderer/lib/portal/members/bulkSummary';

const words = { one: 'member', many: 'members', done: 'removed' };
const names: Record<string, string> = { a: 'Ann', b: 'Ben', me: 'You' };
const nameOf = (id: string) => names[id] ?? id;

describe('summarizeBulk', () => {
  it('says your own row was skipped, and does not count it as a failure', () => {
    const summary = summarizeBulk(
      {
        results: [
          { id: 'a', ok: true, error: null },
          { id: 'me', ok: false, error: SELF_SKIPPED },
          { id: 'b', ok: true, error: null },
        ],
        succeeded: 2,
        failed: 1,
      },
      words,
      nameOf,
    );
    expect(summary).toEqual({
      tone: 'success',
      message: '2 members removed. You were skipped: you cannot remove yourself.',
      failures: [],
    });
  });

  it('still reports real failures, out of the rows that were tried', () => {
    const summary = summarizeBulk(
      {
        results: [
          { id: 'a', ok: true, error: null },
          { id: 'me', ok: false, error: SELF_SKIPPED },
          { id: 'b', ok: false, error: 'Invalid user.' },
        ],
        succeeded: 1,
        failed: 2,
      },
      words,
      nameOf,
    );
    expect(summary.tone).toBe('error');
    expect(summary.message).toBe(
      '1 of 2 members removed. Ben: Invalid user. You were skipped: you cannot remove yourself.',
    );
    expect(summary.failures).toEqual([{ name: 'Ben', error: 'Invalid user.' }]);
  });
});
