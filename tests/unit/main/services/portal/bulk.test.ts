// Bulk answers and confirm keys: one result per id asked for, fingerprints checked before a key is wrapped.
import { describe, expect, it } from 'vitest';
import { DeskError } from '../../../../../src-shared/contract';
import { HttpStatusError } from '../../../../../src-main/bitwarden/httpErrors';
import { bulkResult, fromServer, mapLimited } from '../../../../../src-main/services/portal/bulk';
import { readableError } from '../../../../../src-main/services/portal/portalContext';
import {
  FINGERPRINT_CHANGED,
  NOT_AWAITING,
  wrapForMembers,
} from '../../../../../src-main/services/portal/providerMembersService';
import { fingerprintPhrase, rsaGenerateKeyPair } from '../../../../../src-main/crypto/index';

describe('bulk results', () => {
  it('keeps the order asked for and reports ids the server left out', () => {
    const rows = fromServer(
      ['a', 'b', 'c'],
      [
        { id: 'C', error: 'Invalid user.' },
        { id: 'a', error: '' },
      ],
      'missing',
    );
    expect(bulkResult(rows)).toEqual({
      results: [
        { id: 'a', ok: true, error: null },
        { id: 'b', ok: false, error: 'missing' },
        { id: 'c', ok: false, error: 'Invalid user.' },
      ],
      succeeded: 1,
      failed: 2,
    });
  });

  it('runs at most `limit` at once, in order', async () => {
    let inFlight = 0;
    let most = 0;
    const out = await mapLimited([1, 2, 3, 4, 5], 2, async (n) => {
      most = Math.max(most, ++inFlight);
      await new Promise((r) => setTimeout(r, 5));
      inFlight--;
      return n * 2;
    });
    expect(out).toEqual([2, 4, 6, 8, 10]);
    expect(most).toBe(2);
  });
});

describe('wrapForMembers', () => {
  it('wraps for members whose phrase still matches and refuses the others', async () => {
    const { publicKey } = await rsaGenerateKeyPair();
    const userId = '105dc0a9-4e4d-4230-b33b-39559898a79b';
    const phrase = await fingerprintPhrase(userId, publicKey);
    const rows = [{ id: 'm1', userId, key: publicKey }];
    const { keys, refused } = await wrapForMembers(
      rows,
      [{ id: 'm1', fingerprint: phrase }, { id: 'm2' }],
      (key) => `wrapped:${key === publicKey}`,
    );
    expect(keys).toEqual([{ id: 'm1', key: 'wrapped:true' }]);
    expect(refused).toEqual([{ id: 'm2', ok: false, error: NOT_AWAITING }]);
    const swapped = await wrapForMembers(
      rows,
      [{ id: 'm1', fingerprint: 'abacus-abacus-abacus-abacus-abacus' }],
      () => 'x',
    );
    expect(swapped).toEqual({ keys: [], refused: [{ id: 'm1', ok: false, error: FINGERPRINT_CHANGED }] });
  });
});

describe('readableError', () => {
  it('turns the last-admin rule into a conflict a person understands', () => {
    const error = readableError(
      new HttpStatusError('validation', 'Provider must have at least one confirmed ProviderAdmin.', 400, null),
    ) as DeskError;
    expect(error.code).toBe('conflict');
    expect(error.message).toMatch(/Make another member a provider admin first/);
  });

  it('reports a refusal after a token refresh as forbidden, not as an expired session', () => {
    expect(readableError(new HttpStatusError('unauthorized', 'Unauthorized.', 401, null))).toMatchObject({
      code: 'forbidden',
    });
    const expired = new DeskError('unauthorized', 'Your session has expired. Sign in again.');
    expect(readableError(expired)).toBe(expired);
  });
});
