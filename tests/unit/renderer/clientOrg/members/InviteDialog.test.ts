import 'fake-indexeddb/auto';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseInviteEmails } from '../../../../../src-renderer/lib/clientOrg/members/inviteEmails';
import InviteDialog from '../../../../../src-renderer/lib/clientOrg/members/InviteDialog.svelte';
import { bulkSummary } from '../../../../../src-renderer/lib/clientOrg/members/bulkSummary';
import { installFakeDesk } from '../../fakes/desk';
import { overSeatsMessage } from '../../../../../src-shared/contract/clientOrg/seatLimit';
import { clientDialogs } from '../../../../../src-renderer/lib/portal/clients/clientDialogs.svelte';
import { clientList, scopeKeyOf } from '../../../../../src-renderer/lib/portal/clients/clientList.svelte';
import { ACCOUNT, client, PROVIDER, signIn, signOut } from '../../portal/clients/clientFixtures';
import { CLIENT_NAME, ORG } from './orgFixtures';

afterEach(() => document.body.replaceChildren());

const scope = { accountId: 'acct-ava', organizationId: ORG };
const front = { id: '00000000-0000-4000-8000-0000000000c1', label: 'Front desk', depth: 0 };
const dispatch = { id: '00000000-0000-4000-8000-0000000000d1', label: 'Dispatch' };

describe('parseInviteEmails', () => {
  it('splits on commas, spaces and new lines, lower-cases and drops duplicates', () => {
    expect(parseInviteEmails(' Ann@Alder.example, bob@alder.example\nann@alder.example ')).toEqual({
      emails: ['ann@alder.example', 'bob@alder.example'],
      error: null,
    });
  });

  it('refuses more than 20 addresses, bad addresses and nothing at all', () => {
    const many = Array.from({ length: 21 }, (_, i) => `p${i}@alder.example`).join(',');
    expect(parseInviteEmails(many).error).toBe('You can invite up to 20 people at a time (21 entered).');
    expect(parseInviteEmails('ann@alder.example, not-an-address').error).toBe(
      'Not a valid email address: not-an-address',
    );
    expect(parseInviteEmails('  ').error).toBe('Enter at least one email address.');
  });
});

describe('InviteDialog', { timeout: 20_000 }, () => {
  it('invites with the role, Custom permissions, collection access and groups', async () => {
    const desk = installFakeDesk({
      'org.members.invite': ({ emails }) => ({ invited: emails.slice(1), alreadyMembers: emails.slice(0, 1) }),
    });
    const onInvited = vi.fn();
    render(InviteDialog, {
      open: true,
      scope,
      clientName: CLIENT_NAME,
      collections: [front],
      groups: [dispatch],
      onInvited,
    });
    const dialog = await screen.findByRole('dialog', { name: `Invite members to ${CLIENT_NAME}` });
    await fireEvent.input(within(dialog).getByLabelText('Email addresses'), {
      target: { value: 'old@alder.example, new@alder.example' },
    });
    await fireEvent.click(within(dialog).getByRole('radio', { name: /^Custom/ }));
    await fireEvent.click(within(dialog).getByRole('checkbox', { name: 'Manage users' }));
    await fireEvent.click(within(dialog).getByRole('checkbox', { name: 'Front desk' }));
    await fireEvent.change(within(dialog).getByLabelText('Access for Front desk'), { target: { value: 'canManage' } });
    await fireEvent.click(within(dialog).getByRole('checkbox', { name: 'Dispatch' }));
    await fireEvent.click(within(dialog).getByRole('button', { name: 'Invite 2 people' }));

    await waitFor(() =>
      expect(onInvited).toHaveBeenCalledWith({ invited: ['new@alder.example'], alreadyMembers: ['old@alder.example'] }),
    );
    expect(desk.calls[0]?.input).toEqual({
      ...scope,
      emails: ['old@alder.example', 'new@alder.example'],
      role: 'custom',
      permissions: { manageUsers: true },
      collections: [{ id: front.id, access: 'canManage' }],
      groups: [dispatch.id],
    });
  });

  it('shows what is wrong with the addresses and sends nothing', async () => {
    const desk = installFakeDesk({});
    render(InviteDialog, {
      open: true,
      scope,
      clientName: CLIENT_NAME,
      collections: [],
      groups: [],
      onInvited: vi.fn(),
    });
    const dialog = await screen.findByRole('dialog');
    const field = within(dialog).getByLabelText('Email addresses');
    await fireEvent.input(field, { target: { value: 'ann@alder' } });
    await fireEvent.click(within(dialog).getByRole('button', { name: 'Invite' }));
    expect(within(dialog).getByText('Not a valid email address: ann@alder')).toBeTruthy();
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(desk.calls).toHaveLength(0);
  });

  it('keeps the dialog open with the server’s refusal', async () => {
    installFakeDesk({
      'org.members.invite': () => {
        throw new Error('[validation] You have reached the maximum number of seats.');
      },
    });
    render(InviteDialog, {
      open: true,
      scope,
      clientName: CLIENT_NAME,
      collections: [],
      groups: [],
      onInvited: vi.fn(),
    });
    const dialog = await screen.findByRole('dialog');
    await fireEvent.input(within(dialog).getByLabelText('Email addresses'), { target: { value: 'ann@alder.example' } });
    await fireEvent.click(within(dialog).getByRole('button', { name: 'Invite' }));
    await waitFor(() => expect(within(dialog).getByRole('alert').textContent).toContain('maximum number of seats'));
  });
});

describe('bulkSummary', () => {
  it('names the client, and who was not done and why', () => {
    const names: Record<string, string> = { a: 'Ann Lee', b: 'Bob Roe' };
    const ok = { results: [{ id: 'a', ok: true, error: null, lastOwner: false }], succeeded: 1, failed: 0 };
    expect(bulkSummary('Revoked', ok, CLIENT_NAME, (id) => names[id]!)).toEqual({
      tone: 'success',
      message: `Revoked 1 member in ${CLIENT_NAME}.`,
    });
    const partial = {
      results: [
        { id: 'a', ok: true, error: null, lastOwner: false },
        { id: 'b', ok: false, error: 'The organization must have at least one confirmed owner.', lastOwner: true },
      ],
      succeeded: 1,
      failed: 1,
    };
    expect(bulkSummary('Removed', partial, CLIENT_NAME, (id) => names[id]!, 'from').message).toBe(
      `Removed 1 of 2 members from ${CLIENT_NAME}. Not done for Bob Roe: The organization must have at least one confirmed owner.`,
    );
  });
});

describe('InviteDialog: out of seats', { timeout: 20_000 }, () => {
  afterEach(async () => {
    clientDialogs.close();
    clientList.update(null, [], true);
    await signOut();
  });

  it('says how many seats remain and offers Manage seats for the client', async () => {
    signIn(0);
    const alder = client(CLIENT_NAME, { organizationId: ORG });
    clientList.update(scopeKeyOf({ accountId: ACCOUNT, providerId: PROVIDER }), [alder], false);
    installFakeDesk({
      'org.members.invite': () => {
        throw new Error(`[conflict] ${overSeatsMessage(2, 3)}`);
      },
    });
    render(InviteDialog, {
      open: true,
      scope,
      clientName: CLIENT_NAME,
      collections: [],
      groups: [],
      onInvited: vi.fn(),
    });
    const dialog = await screen.findByRole('dialog', { name: `Invite members to ${CLIENT_NAME}` });
    await fireEvent.input(within(dialog).getByLabelText('Email addresses'), {
      target: { value: 'a@alder.example, b@alder.example, c@alder.example' },
    });
    await fireEvent.click(within(dialog).getByRole('button', { name: 'Invite 3 people' }));
    const manage = await within(dialog).findByRole('button', { name: 'Manage seats' });
    expect(dialog.textContent).toContain(
      'This client has only 2 seats left, and inviting 3 people needs 3 seats. Add seats with Manage seats, then invite again.',
    );
    await fireEvent.click(manage);
    expect(clientDialogs.current).toEqual({ kind: 'seats', client: alder });
    await waitFor(() => expect(screen.queryByRole('dialog', { name: `Invite members to ${CLIENT_NAME}` })).toBeNull());
  });
});
