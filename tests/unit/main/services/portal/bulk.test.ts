// Bulk answers and confirm keys: one result per id asked for, fingerprints checked before a key is wrapped.
import { describe, expect, it, vi } from 'vitest';
import { DeskError } from '../../../../../src-shared/contract';
import { HttpStatusError } from '../../../../../src-main/bitwarden/httpErrors';
import { SELF_SKIPPED } from '../../../../../src-shared/contract/selfSkip';
import { deleteProviderUsers } from '../../../../../src-main/bitwarden/providerAdminApi';
import { changeOrgUsers } from '../../../../../src-main/bitwarden/clientOrgMembersApi';
import { bulkResult, fromServer, mapLimited, withoutSelf } from '../../../../../src-main/services/portal/bulk';
import { createMemberLifecycleService } from '../../../../../src-main/services/clientOrg/memberLifecycle';
import type { OrgContext } from '../../../../../src-main/services/clientOrg/orgContext';
import type { PortalContext } from '../../../../../src-main/services/portal/portalContext';
import { readableError } from '../../../../../src-main/services/portal/portalContext';
import {
  createProviderMembersService,
  FINGERPRINT_CHANGED,
  NOT_AWAITING,
  wrapForMembers,
} from '../../../../../src-main/services/portal/providerMembersService';

const ME = '11111111-1111-4111-8111-111111111111';
const mine = 'aaaaaaaa-0000-4000-8000-000000000001';
const tech = 'aaaaaaaa-0000-4000-8000-000000000002';
const spare = 'aaaaaaaa-0000-4000-8000-000000000003';
const members = [
  { id: mine, userId: ME, type: 0, status: 2 },
  { id: tech, userId: '22222222-2222-4222-8222-222222222222', type: 1, status: 2 },
  { id: spare, userId: null, type: 0, status: 0 },
];

// The API modules answer as a server would; the services' own logic is what is under test.
vi.mock('../../../../../src-main/bitwarden/providerApi', async (original) => ({
  ...(await original<object>()),
  fetchProfile: vi.fn(async () => ({ id: ME })),
  fetchProviderUsers: vi.fn(async () => members),
}));
vi.mock('../../../../../src-main/bitwarden/providerAdminApi', async (original) => ({
  ...(await original<object>()),
  // As the server does: with your own row in the request, no admin would remain, so every row is refused.
  deleteProviderUsers: vi.fn(async (_a: unknown, _p: string, ids: string[]) => {
    if (ids.includes(mine)) throw new Error('Provider must have at least one confirmed ProviderAdmin.');
    return ids.map((id) => ({ id, error: '' }));
  }),
}));
vi.mock('../../../../../src-main/bitwarden/clientOrgMembersApi', async (original) => ({
  ...(await original<object>()),
  fetchOrgUsers: vi.fn(async () => [
    { id: mine, userId: ME, type: 0, status: 2, email: 'me@example.com' },
    { id: tech, userId: '22222222-2222-4222-8222-222222222222', type: 0, status: 2, email: 'tech@example.com' },
  ]),
  changeOrgUsers: vi.fn(async (_a: unknown, _o: string, _action: string, body: { ids: string[] }) =>
    body.ids.map((id) => ({ id, error: id === mine ? 'You cannot remove yourself.' : '' })),
  ),
}));
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

describe('bulk remove with your own row selected', () => {
  it('withoutSelf takes your row out of the request and marks it skipped', () => {
    expect(withoutSelf([tech, mine, spare], members, ME.toUpperCase())).toEqual({
      ids: [tech, spare],
      skipped: [{ id: mine, ok: false, error: SELF_SKIPPED }],
    });
    expect(withoutSelf([tech], members, ME)).toEqual({ ids: [tech], skipped: [] });
  });

  it('removes the other provider members and reports your row as skipped, in the order asked', async () => {
    const refresh = vi.fn();
    const ctx = {
      accountOf: () => 'acct',
      call: (_account: string, fn: (a: never) => Promise<unknown>) => fn({} as never),
      refresh,
    } as unknown as PortalContext;
    const result = await createProviderMembersService(ctx).remove({
      accountId: 'acct',
      providerId: '33333333-3333-4333-8333-333333333333',
      ids: [tech, mine, spare],
    });
    expect(vi.mocked(deleteProviderUsers).mock.calls.at(-1)?.[2]).toEqual([tech, spare]);
    expect(result).toEqual({
      results: [
        { id: tech, ok: true, error: null },
        { id: mine, ok: false, error: SELF_SKIPPED },
        { id: spare, ok: true, error: null },
      ],
      succeeded: 2,
      failed: 1,
    });
    expect(refresh).toHaveBeenCalledWith('acct');

    // Only yourself: nothing is sent.
    vi.mocked(deleteProviderUsers).mockClear();
    const alone = await createProviderMembersService(ctx).remove({
      accountId: 'acct',
      providerId: '33333333-3333-4333-8333-333333333333',
      ids: [mine],
    });
    expect(deleteProviderUsers).not.toHaveBeenCalled();
    expect(alone).toMatchObject({ succeeded: 0, failed: 1, results: [{ id: mine, error: SELF_SKIPPED }] });
  });

  it('in a client org, skips your row before the last-owner check so the other owner is removed', async () => {
    const ctx = {
      scope: () => ({ accountId: 'acct', organizationId: '44444444-4444-4444-8444-444444444444' }),
      call: (_s: unknown, fn: (a: never) => Promise<unknown>) => fn({} as never),
      hasOrgKey: async () => true,
    } as unknown as OrgContext;
    const result = await createMemberLifecycleService(ctx).remove({
      organizationId: '44444444-4444-4444-8444-444444444444',
      ids: [mine, tech],
    });
    // Counting you as leaving, the other owner (last in the selection) would be refused as the last owner.
    expect(vi.mocked(changeOrgUsers).mock.calls.at(-1)?.[3]).toEqual({ ids: [tech] });
    expect(result).toEqual({
      results: [
        { id: mine, ok: false, error: SELF_SKIPPED, lastOwner: false },
        { id: tech, ok: true, error: null, lastOwner: false },
      ],
      succeeded: 1,
      failed: 1,
    });
  });
});
