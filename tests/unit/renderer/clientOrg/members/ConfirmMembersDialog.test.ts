import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import ConfirmMembersDialog from '../../../../../src-renderer/lib/clientOrg/members/ConfirmMembersDialog.svelte';
import { installFakeDesk } from '../../fakes/desk';
import { CLIENT_NAME, member, ORG } from './orgFixtures';

afterEach(() => document.body.replaceChildren());

const scope = { accountId: 'acct-ava', organizationId: ORG };

describe('ConfirmMembersDialog', { timeout: 20_000 }, () => {
  it('shows each fingerprint phrase and confirms only after the person says they compared it', async () => {
    const abe = member({ name: 'Abe Accepted', status: 'accepted' });
    const zed = member({ name: 'Zed Nokey', status: 'accepted' });
    const desk = installFakeDesk({
      'org.members.confirmationDetails': () => ({
        members: [
          {
            id: abe.id,
            name: abe.name,
            email: abe.email,
            fingerprint: 'alarm-bucket-cactus-dwelling-ember',
            error: null,
          },
          { id: zed.id, name: zed.name, email: zed.email, fingerprint: null, error: 'Has not accepted yet.' },
        ],
      }),
      'org.members.confirm': ({ members }) => ({
        results: members.map((m) => ({ id: m.id, ok: true, error: null, lastOwner: false })),
        succeeded: members.length,
        failed: 0,
      }),
    });
    const onConfirmed = vi.fn();
    render(ConfirmMembersDialog, { open: true, scope, clientName: CLIENT_NAME, members: [abe, zed], onConfirmed });

    const dialog = await screen.findByRole('dialog', { name: `Confirm 2 members in ${CLIENT_NAME}` });
    await waitFor(() => expect(within(dialog).getByText('alarm-bucket-cactus-dwelling-ember')).toBeTruthy());
    expect(within(dialog).getByText('Has not accepted yet.')).toBeTruthy();
    const confirm = within(dialog).getByRole('button', { name: 'Confirm' }) as HTMLButtonElement;
    expect(confirm.disabled).toBe(true);
    await fireEvent.click(within(dialog).getByRole('checkbox', { name: 'The member read me this exact phrase' }));
    expect(confirm.disabled).toBe(false);
    await fireEvent.click(confirm);

    await waitFor(() => expect(onConfirmed).toHaveBeenCalledOnce());
    // Only the member with a phrase, and with the phrase that was shown: main re-checks it.
    expect(desk.calls.find((c) => c.channel === 'org.members.confirm')?.input).toEqual({
      ...scope,
      members: [{ id: abe.id, fingerprint: 'alarm-bucket-cactus-dwelling-ember' }],
    });
  });
});
