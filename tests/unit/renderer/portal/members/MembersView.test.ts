import 'fake-indexeddb/auto';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { headerHeight } from '../../../../../src-renderer/lib/components/DataTable.svelte';
import MembersView from '../../../../../src-renderer/lib/portal/members/MembersView.svelte';
import { deferred, installFakeDesk } from '../../fakes/desk';
import { fakeScrollLayout, type FakeScroller } from '../../fakes/layout';
import { portal } from '../../../../../src-renderer/lib/portal/providerContext.svelte';
import { cacheMembers, member, MY_USER_ID, provider, PROVIDER, signIn, signOut, toastMessages } from './memberFixtures';

let layout: FakeScroller;

beforeEach(() => {
  layout = fakeScrollLayout('[data-table-viewport]', {
    height: 600,
    contentHeight: (el) => headerHeight + parseFloat(el.querySelector('tbody')?.style.height ?? '0'),
  });
});

afterEach(async () => {
  layout.restore();
  await signOut();
});

const ava = member({ name: 'Ava Martin', email: 'ava@example.com', type: 0, status: 2, userId: MY_USER_ID });
const ben = member({ name: 'Ben Okafor', email: 'ben@example.com', type: 0, status: 2 });
const dmitri = member({ name: 'Dmitri Volkov', email: 'dmitri@example.com', status: 1 });
const emma = member({ email: 'emma@example.com', status: 0, userId: null });
const phrase = 'alpha-bravo-charlie-delta-echo';

const grid = () => screen.getByRole('grid', { name: 'Provider members' });
const rowOf = (text: string) =>
  within(grid())
    .getAllByRole('row')
    .find((row) => row.hasAttribute('data-index') && row.textContent?.includes(text))!;

async function renderView(
  members = [ava, ben, dmitri, emma],
  handlers: Parameters<typeof installFakeDesk>[0] = {},
  { role = 0, online = true }: { role?: 0 | 1; online?: boolean } = {},
) {
  const desk = installFakeDesk(handlers);
  signIn(role, { online });
  await cacheMembers(members);
  const onOpenLink = vi.fn();
  render(MembersView, { onOpenLink });
  // The first paint reads IndexedDB; give it time on a busy machine.
  if (role === 0)
    await waitFor(() => expect(within(grid()).getAllByRole('row')).toHaveLength(members.length + 1), { timeout: 5000 });
  return { desk, onOpenLink };
}

describe('Members page', () => {
  it('lists cached members with role and status badges, counts, and the confirmation callout', async () => {
    await renderView();
    expect(screen.getByRole('heading', { level: 1, name: 'Members' })).toBeTruthy();
    expect(rowOf('Ava Martin').textContent).toContain('Provider admin');
    expect(rowOf('Ava Martin').textContent).toContain('Confirmed');
    expect(rowOf('Dmitri Volkov').textContent).toContain('Accepted');
    expect(rowOf('emma@example.com').textContent).toContain('Invited');
    expect(screen.getByRole('button', { name: /Needs confirmation\s*1/ })).toBeTruthy();
    expect(screen.getByText(/1 member needs/)).toBeTruthy();
    expect(screen.queryByTestId('single-admin-warning')).toBeNull();

    await fireEvent.click(screen.getByRole('button', { name: 'Show them' }));
    await waitFor(() => expect(within(grid()).getAllByRole('row')).toHaveLength(2));
    expect(screen.getByRole('button', { name: /Needs confirmation/ }).getAttribute('aria-pressed')).toBe('true');
  });

  it('warns while the provider has a single confirmed provider admin', async () => {
    await renderView([ava, dmitri]);
    expect(screen.getByTestId('single-admin-warning').textContent).toContain('Ava Martin');
  });

  it('tells service users that only provider admins manage members', async () => {
    await renderView([ava], {}, { role: 1 });
    expect(screen.getByRole('heading', { name: 'Only provider admins manage members' })).toBeTruthy();
    expect(screen.queryByRole('grid')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Invite members' })).toBeNull();
  });

  it('explains that an accepted but unconfirmed member waits for a provider admin', async () => {
    installFakeDesk({
      'account.fingerprint': () => {
        throw new Error('[unauthorized] This account is locked. Unlock it first.');
      },
    });
    signIn(1);
    portal.providers = [provider(1, { userStatus: 1 })];
    render(MembersView, { onOpenLink: vi.fn() });
    expect(screen.getByRole('heading', { name: 'Waiting for confirmation' })).toBeTruthy();
    expect(screen.getByRole('status').textContent).toMatch(
      /Waiting for confirmation — a provider admin of .* must confirm you/,
    );
  });

  it('invites up to 20 addresses with the chosen role, checking them as a client invite does', async () => {
    const { desk } = await renderView([ava, ben], {
      'providerMembers.invite': () => ({
        invited: [{ id: 'x', email: 'new@example.com' }],
        skipped: ['ben@example.com'],
      }),
    });
    await fireEvent.click(screen.getByRole('button', { name: 'Invite members' }));
    const dialog = await screen.findByRole('dialog', { name: 'Invite members' });
    const field = within(dialog).getByLabelText('Email addresses');
    await fireEvent.input(field, { target: { value: 'new@example.com, not-an-address' } });
    await fireEvent.click(within(dialog).getByRole('button', { name: 'Invite' }));
    expect(within(dialog).getByText('Not a valid email address: not-an-address')).toBeTruthy();
    // Longer than 256 characters: refused here as in a client's invite dialog.
    await fireEvent.input(field, { target: { value: `${'a'.repeat(250)}@example.com` } });
    await fireEvent.click(within(dialog).getByRole('button', { name: 'Invite' }));
    expect(within(dialog).getByText(/^Not a valid email address: a{250}@example\.com$/)).toBeTruthy();
    const many = Array.from({ length: 21 }, (_, i) => `p${i}@example.com`).join(',');
    await fireEvent.input(field, { target: { value: many } });
    await fireEvent.click(within(dialog).getByRole('button', { name: 'Invite' }));
    expect(within(dialog).getByText('You can invite up to 20 people at a time (21 entered).')).toBeTruthy();
    expect(desk.calls.some((c) => c.channel === 'providerMembers.invite')).toBe(false);

    // Spaces and new lines separate addresses too; the parsed list is what main gets.
    await fireEvent.input(field, { target: { value: 'New@example.com ben@example.com\nnew@example.com' } });
    await fireEvent.click(within(dialog).getByRole('radio', { name: /Provider admin/ }));
    await fireEvent.click(within(dialog).getByRole('button', { name: 'Invite' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(desk.calls.find((c) => c.channel === 'providerMembers.invite')?.input).toEqual({
      accountId: 'acct-ava',
      providerId: PROVIDER,
      emails: ['new@example.com', 'ben@example.com'],
      type: 0,
    });
    expect(toastMessages()).toEqual([
      'success: Invitation sent. Skipped (already invited or members): ben@example.com.',
    ]);
  });

  it('shows the fingerprint phrase before confirming and sends the phrase compared', async () => {
    const { desk } = await renderView(undefined, {
      'providerMembers.confirmationDetails': ({ ids }) => ({
        members: [{ id: ids[0]!, userId: 'u', fingerprint: phrase }],
        notAwaiting: [],
      }),
      'providerMembers.confirm': ({ members }) => ({
        results: members.map((m) => ({ id: m.id, ok: true, error: null })),
        succeeded: members.length,
        failed: 0,
      }),
    });
    await fireEvent.click(within(rowOf('Dmitri Volkov')).getByRole('button', { name: /Confirm/ }));
    const dialog = await screen.findByRole('dialog', { name: 'Confirm Dmitri Volkov' });
    await waitFor(() => expect(within(dialog).getByTestId('fingerprint').textContent).toBe(phrase));
    // As in a client's Members: Confirm waits until you say the person read you this exact phrase.
    const confirm = within(dialog).getByRole<HTMLButtonElement>('button', { name: 'Confirm' });
    expect(confirm.disabled).toBe(true);
    await fireEvent.click(within(dialog).getByRole('checkbox', { name: 'The person read me this exact phrase' }));
    expect(confirm.disabled).toBe(false);
    await fireEvent.click(confirm);
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(desk.calls.find((c) => c.channel === 'providerMembers.confirm')?.input).toMatchObject({
      members: [{ id: dmitri.id, fingerprint: phrase }],
    });
    expect(toastMessages()).toEqual(['success: 1 member confirmed']);
  });

  it('always shows the phrase for a single member: there is no way to skip it', async () => {
    await renderView(undefined, {
      'providerMembers.confirmationDetails': ({ ids }) => ({
        members: [{ id: ids[0]!, userId: 'u', fingerprint: phrase }],
        notAwaiting: [],
      }),
    });
    // A skip chosen in an earlier version is not honoured.
    localStorage.setItem('provider-desk.confirm.skipFingerprint', 'true');
    await fireEvent.click(within(rowOf('Dmitri Volkov')).getByRole('button', { name: /Confirm/ }));
    const dialog = await screen.findByRole('dialog', { name: 'Confirm Dmitri Volkov' });
    await within(dialog).findByTestId('fingerprint');
    expect(within(dialog).queryByRole('checkbox', { name: /Don't ask again/ })).toBeNull();
  });

  it('resends selected invitations in bulk and reports each failure by name', async () => {
    const invitedToo = member({ email: 'zed@example.com', status: 0 });
    const { desk } = await renderView([ava, ben, dmitri, emma, invitedToo], {
      'providerMembers.reinvite': ({ ids }) => ({
        results: [
          { id: ids[0]!, ok: true, error: null },
          { id: ids[1]!, ok: false, error: 'Not invited (already accepted, or removed).' },
        ],
        succeeded: 1,
        failed: 1,
      }),
    });
    await fireEvent.click(screen.getByRole('checkbox', { name: 'Select emma@example.com' }));
    await fireEvent.click(screen.getByRole('checkbox', { name: 'Select zed@example.com' }));
    await fireEvent.click(screen.getByRole('button', { name: 'Resend invitations' }));
    await waitFor(() => expect(toastMessages()).toHaveLength(1));
    expect(desk.calls.find((c) => c.channel === 'providerMembers.reinvite')?.input).toMatchObject({
      ids: [emma.id, invitedToo.id],
    });
    expect(toastMessages()[0]).toBe(
      'error: 1 of 2 invitations sent again. zed@example.com: Not invited (already accepted, or removed).',
    );
    // Confirm is offered only when every selected member accepted.
    expect(screen.queryByRole('button', { name: 'Confirm…' })).toBeNull();
  });

  it('refuses to remove yourself, and removes another member after their address is typed', async () => {
    const { desk } = await renderView(undefined, {
      'providerMembers.remove': ({ ids }) => ({
        results: ids.map((id) => ({ id, ok: true, error: null })),
        succeeded: ids.length,
        failed: 0,
      }),
    });
    const removeSelf = () => within(rowOf('Ava Martin')).getByRole('button', { name: /Remove/ });
    await waitFor(() => expect(removeSelf().getAttribute('aria-disabled')).toBe('true'));
    expect(removeSelf().textContent).toContain('you cannot remove yourself');
    await fireEvent.click(within(rowOf('Ava Martin')).getByRole('button', { name: /Remove/ }));
    expect(toastMessages()).toEqual(['error: You cannot remove yourself from the provider.']);
    expect(screen.queryByRole('dialog')).toBeNull();

    await fireEvent.click(within(rowOf('Ben Okafor')).getByRole('button', { name: /Remove/ }));
    const dialog = await screen.findByRole('dialog', { name: 'Remove Ben Okafor' });
    const remove = within(dialog).getByRole<HTMLButtonElement>('button', { name: 'Remove' });
    expect(remove.disabled).toBe(true);
    await fireEvent.input(within(dialog).getByRole('textbox'), { target: { value: 'ben@example.com' } });
    expect(remove.disabled).toBe(false);
    await fireEvent.click(remove);
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(desk.calls.find((c) => c.channel === 'providerMembers.remove')?.input).toMatchObject({ ids: [ben.id] });
  });

  it('offline: the cached list stays, actions are disabled with the reason and nothing is sent', async () => {
    const { desk } = await renderView(undefined, {}, { online: false });
    const reason = screen.getByText(/Offline: vault.example.com cannot be reached/);
    const invite = screen.getByRole('button', { name: 'Invite members' });
    expect(invite.getAttribute('aria-disabled')).toBe('true');
    expect(invite.getAttribute('aria-describedby')).toBe(reason.id);
    await fireEvent.click(invite);
    await fireEvent.click(within(rowOf('emma@example.com')).getByRole('button', { name: /Resend/ }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(desk.calls.filter((c) => c.channel.startsWith('providerMembers.'))).toEqual([]);
  });

  it('keeps the confirm dialog open with the server message when confirming fails', async () => {
    const failing = deferred<never>();
    await renderView(undefined, {
      'providerMembers.confirmationDetails': ({ ids }) => ({
        members: [{ id: ids[0]!, userId: 'u', fingerprint: phrase }],
        notAwaiting: [],
      }),
      'providerMembers.confirm': () => failing.promise,
    });
    await fireEvent.click(within(rowOf('Dmitri Volkov')).getByRole('button', { name: /Confirm/ }));
    const dialog = await screen.findByRole('dialog');
    await within(dialog).findByTestId('fingerprint');
    await fireEvent.click(within(dialog).getByRole('checkbox', { name: 'The person read me this exact phrase' }));
    await fireEvent.click(within(dialog).getByRole('button', { name: 'Confirm' }));
    expect(within(dialog).getByRole('button', { name: 'Confirming…' })).toBeTruthy();
    failing.reject(new Error('[server] The server had a problem (HTTP 500).'));
    expect(await within(dialog).findByRole('alert')).toBeTruthy();
    expect(screen.getByRole('dialog')).toBeTruthy();
  });

  it('opens the link page from "Open link…"', async () => {
    const { onOpenLink } = await renderView();
    await fireEvent.click(screen.getByRole('button', { name: 'Open link…' }));
    expect(onOpenLink).toHaveBeenCalledOnce();
  });
});
