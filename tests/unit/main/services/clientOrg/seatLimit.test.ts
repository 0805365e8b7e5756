// Inviting into a client without enough seats: the provider reads how many remain, not "contact your provider".
import { describe, expect, it, vi } from 'vitest';
import { DeskError } from '../../../../../src-shared/contract/errors';
import { isOverSeatsMessage, overSeatsMessage } from '../../../../../src-shared/contract/clientOrg/seatLimit';
import { createMembersService } from '../../../../../src-main/services/clientOrg/members';
import type { OrgContext } from '../../../../../src-main/services/clientOrg/orgContext';

vi.mock('../../../../../src-main/bitwarden/clientOrgMembersApi', async (original) => ({
  ...(await original<object>()),
  fetchOrgUsers: vi.fn(async () => [
    { id: 'u1', email: 'owner@alder.example', status: 2 },
    { id: 'u2', email: 'ann@alder.example', status: 0 },
    { id: 'u3', email: 'gone@alder.example', status: -1 },
  ]),
  inviteOrgUsers: vi.fn(async () => {
    throw new DeskError('validation', 'Seat limit has been reached. Please contact your provider to add more seats.');
  }),
}));
vi.mock('../../../../../src-main/bitwarden/orgAdminApi', async (original) => ({
  ...(await original<object>()),
  fetchOrganization: vi.fn(async () => ({ seats: 3 })),
}));

const ctx = {
  scope: () => ({ accountId: 'acct', organizationId: 'org' }),
  call: (_s: unknown, fn: (a: never) => Promise<unknown>) => fn({} as never),
} as unknown as OrgContext;

describe('over-seat invites', () => {
  it('words the refusal for the provider: seats left (revoked members hold none) and Manage seats', async () => {
    const invite = createMembersService(ctx).invite({
      organizationId: 'org',
      emails: ['b@alder.example', 'c@alder.example'],
      role: 'user',
      collections: [],
      groups: [],
    } as never);
    await expect(invite).rejects.toMatchObject({
      code: 'conflict',
      message:
        'This client has only 1 seat left, and inviting 2 people needs 2 seats. Add seats with Manage seats, then invite again.',
    });
  });

  it('has one sentence for no seats left, and the dialog recognizes both', () => {
    expect(overSeatsMessage(0, 1)).toBe(
      'This client has no seats left, and inviting 1 person needs 1 seat. Add seats with Manage seats, then invite again.',
    );
    expect(isOverSeatsMessage(overSeatsMessage(0, 1))).toBe(true);
    expect(isOverSeatsMessage(overSeatsMessage(1200, 20))).toBe(true);
    expect(isOverSeatsMessage('Seat limit has been reached.')).toBe(false);
  });
});
