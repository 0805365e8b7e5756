import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OrgBulkResult } from '$shared/contract/clientOrg';
import MembersPage from '../../../../../src-renderer/lib/clientOrg/members/MembersPage.svelte';
import { session } from '../../../../../src-renderer/lib/session/sessionStore.svelte';
import { toast } from '../../../../../src-renderer/lib/toasts.svelte';
import { installFakeDesk, type FakeDesk } from '../../fakes/desk';
import { account, sessionState } from '../../session/sessionFixtures';
import { enterConsole } from './membersTestSetup';
import { CLIENT_NAME, group, member, overview } from './orgFixtures';

const dispatch = group({ name: 'Dispatch' });
const owner = member({ name: 'Olga Owner', email: 'olga@alder.example', role: 'owner', lastConfirmedOwner: true });
const custom = member({
  name: 'Cai Custom',
  email: 'cai@alder.example',
  role: 'custom',
  permissions: {
    accessEventLogs: false,
    accessImportExport: false,
    accessReports: true,
    createNewCollections: false,
    editAnyCollection: false,
    deleteAnyCollection: false,
    manageGroups: false,
    managePolicies: false,
    manageSso: false,
    manageUsers: true,
    manageResetPassword: false,
    manageScim: false,
    manageAccessRules: false,
  },
  twoFactorEnabled: true,
  accountRecoveryEnrolled: true,
  groups: [dispatch.id],
});
const invited = member({ name: null, email: 'ivy@alder.example', status: 'invited' });
const accepted = member({ name: 'Abe Accepted', email: 'abe@alder.example', role: 'admin', status: 'accepted' });
const revoked = member({ name: 'Rex Revoked', email: 'rex@alder.example', status: 'revoked' });
const members = [owner, custom, invited, accepted, revoked];

let leave: () => void;
let desk: FakeDesk;
let removed: string[][];

beforeEach(() => {
  leave = enterConsole();
  removed = [];
  desk = installFakeDesk({
    'org.overview': () => overview(),
    'org.members.list': () => ({ members }),
    'org.groups.list': () => ({ groups: [dispatch] }),
    'org.collections.list': () => ({ collections: [], accessIncluded: false }),
    'org.members.remove': ({ ids }): OrgBulkResult => {
      removed.push(ids);
      return {
        results: ids.map((id) => ({ id, ok: true, error: null, lastOwner: false })),
        succeeded: ids.length,
        failed: 0,
      };
    },
  });
});

afterEach(() => leave());

const grid = () => screen.getByRole('grid', { name: 'Members' });
const rowOf = (text: string) =>
  within(grid())
    .getAllByRole('row')
    .find((row) => row.textContent?.includes(text))!;

// Rendering pages with a virtualized grid is slow on a loaded machine; the assertions wait, not the clock.
describe('MembersPage', { timeout: 20_000 }, () => {
  it('shows role, Custom permissions, status badges, two-step login, recovery and groups', async () => {
    render(MembersPage);
    await waitFor(() => expect(rowOf('Olga Owner')).toBeTruthy());
    expect(within(rowOf('Olga Owner')).getByText('Owner')).toBeTruthy();
    expect(within(rowOf('Olga Owner')).getByText('Last owner')).toBeTruthy();
    const customRow = within(rowOf('Cai Custom'));
    expect(customRow.getByText('Custom')).toBeTruthy();
    expect(customRow.getByText('Access reports, Manage users')).toBeTruthy();
    expect(customRow.getByText('On')).toBeTruthy();
    expect(customRow.getByText('Enrolled')).toBeTruthy();
    await waitFor(() => expect(customRow.getByText('Dispatch')).toBeTruthy());
    // Name or email; the badge says what to do next.
    expect(within(rowOf('ivy@alder.example')).getByText('Invited').dataset.tone).toBe('info');
    expect(within(rowOf('Abe Accepted')).getByText('Needs confirmation').dataset.tone).toBe('warning');
    expect(within(rowOf('Abe Accepted')).getByRole('button', { name: 'Confirm' })).toBeTruthy();
    expect(within(rowOf('ivy@alder.example')).getByRole('button', { name: 'Reinvite' })).toBeTruthy();
    // All leaves revoked members out; the Revoked view shows them.
    expect(rowOf('Rex Revoked')).toBeUndefined();
    expect(screen.getByText(/accepted and needs confirmation/)).toBeTruthy();
    await fireEvent.click(screen.getByRole('button', { name: /^Revoked/ }));
    expect(within(rowOf('Rex Revoked')).getByText('Revoked').dataset.tone).toBe('neutral');
    expect(within(rowOf('Rex Revoked')).getByRole('button', { name: 'Restore' })).toBeTruthy();
  });

  it('keeps the last owner when a removal would take every confirmed owner, and names the client', async () => {
    render(MembersPage);
    await waitFor(() => expect(rowOf('Olga Owner')).toBeTruthy());
    await fireEvent.click(within(rowOf('Olga Owner')).getByRole('checkbox'));
    await fireEvent.click(within(rowOf('Cai Custom')).getByRole('checkbox'));
    await fireEvent.click(screen.getByRole('button', { name: 'Remove 2' }));

    const dialog = await screen.findByRole('dialog', { name: `Remove Cai Custom from ${CLIENT_NAME}?` });
    expect(
      within(dialog).getByText(`Olga Owner stays: ${CLIENT_NAME} must keep at least one confirmed Owner.`),
    ).toBeTruthy();
    const action = within(dialog).getByRole('button', { name: 'Remove 1 member' }) as HTMLButtonElement;
    expect(action.disabled).toBe(true);
    await fireEvent.input(within(dialog).getByLabelText(/to confirm/), { target: { value: CLIENT_NAME } });
    expect(action.disabled).toBe(false);
    await fireEvent.click(action);

    await waitFor(() => expect(removed).toEqual([[custom.id]]));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(desk.calls.filter((c) => c.channel === 'org.members.remove')).toHaveLength(1);
  });

  it('will not let the last owner be demoted, revoked or removed from the edit dialog', async () => {
    render(MembersPage);
    await waitFor(() => expect(rowOf('Olga Owner')).toBeTruthy());
    await fireEvent.click(within(rowOf('Olga Owner')).getByRole('button', { name: 'Edit' }));
    const dialog = await screen.findByRole('dialog', { name: 'Edit Olga Owner' });
    expect((within(dialog).getByRole('radio', { name: /^Owner/ }) as HTMLInputElement).checked).toBe(true);
    expect((within(dialog).getByRole('radio', { name: /^Admin/ }) as HTMLInputElement).disabled).toBe(true);
    expect(within(dialog).getByText(/make someone else an Owner first/)).toBeTruthy();
    expect((within(dialog).getByRole('button', { name: 'Revoke access' }) as HTMLButtonElement).disabled).toBe(true);
    expect(
      (within(dialog).getByRole('button', { name: `Remove from ${CLIENT_NAME}` }) as HTMLButtonElement).disabled,
    ).toBe(true);
  });

  it('offline: keeps what was loaded browsable and says why actions wait', async () => {
    render(MembersPage);
    await waitFor(() => expect(rowOf('Olga Owner')).toBeTruthy());
    session.apply(sessionState([account({ online: false })]));
    await waitFor(() => expect(screen.getByText(/Offline: showing members as loaded at/)).toBeTruthy());
    expect(rowOf('Olga Owner')).toBeTruthy();
    const invite = screen.getByRole('button', { name: 'Invite members' });
    expect(invite.getAttribute('aria-disabled')).toBe('true');
    await fireEvent.click(invite);
    expect(screen.queryByRole('dialog')).toBeNull();
    // Enter on a row would open the editor: offline it says why not.
    const row = rowOf('Olga Owner');
    row.focus();
    await fireEvent.keyDown(row, { key: 'Enter' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(toast.items.at(-1)?.message).toMatch(/^Offline: vault.example.com cannot be reached/);
  });
});
