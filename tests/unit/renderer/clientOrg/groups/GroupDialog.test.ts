import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import GroupDialog from '../../../../../src-renderer/lib/clientOrg/groups/GroupDialog.svelte';
import { installFakeDesk } from '../../fakes/desk';
import { CLIENT_NAME, group, member, ORG } from '../members/orgFixtures';

afterEach(() => document.body.replaceChildren());

const scope = { accountId: 'acct-ava', organizationId: ORG };
const finance = { id: '00000000-0000-4000-8000-0000000000f1', label: 'Finance', depth: 0 };
const payroll = { id: '00000000-0000-4000-8000-0000000000f2', label: 'Payroll', depth: 1 };
const ann = member({ name: 'Ann Lee' });

describe('GroupDialog: the group access editor', { timeout: 20_000 }, () => {
  it('creates a group with a level per collection and its members', async () => {
    const desk = installFakeDesk({
      'org.groups.create': (input) => ({
        group: group({ name: input.name, collections: input.collections ?? [], memberIds: input.memberIds ?? [] }),
      }),
    });
    const onSaved = vi.fn();
    render(GroupDialog, {
      open: true,
      scope,
      clientName: CLIENT_NAME,
      group: null,
      collections: [finance, payroll],
      members: [{ id: ann.id, label: 'Ann Lee' }],
      onSaved,
    });
    const dialog = await screen.findByRole('dialog', { name: `New group in ${CLIENT_NAME}` });
    await fireEvent.input(within(dialog).getByLabelText('Name'), { target: { value: '  Payroll team ' } });

    const access = within(dialog).getByRole('group', { name: /Collections/ });
    const level = within(access).getByLabelText('Access for Payroll') as HTMLSelectElement;
    expect(level.disabled).toBe(true);
    await fireEvent.click(within(access).getByRole('checkbox', { name: 'Payroll' }));
    expect(level.disabled).toBe(false);
    expect(level.value).toBe('canView');
    expect(
      within(access)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(
      expect.arrayContaining([
        'Can view',
        'Can view, except passwords',
        'Can edit',
        'Can edit, except passwords',
        'Can manage',
      ]),
    );
    await fireEvent.change(level, { target: { value: 'canEditExceptPasswords' } });
    await fireEvent.click(within(access).getByRole('checkbox', { name: 'Finance' }));
    expect(within(access).getByText('(2 of 2)')).toBeTruthy();
    await fireEvent.click(within(dialog).getByRole('checkbox', { name: 'Ann Lee' }));
    await fireEvent.click(within(dialog).getByRole('button', { name: 'Create group' }));

    await waitFor(() => expect(onSaved).toHaveBeenCalledOnce());
    expect(desk.calls[0]?.input).toEqual({
      ...scope,
      name: 'Payroll team',
      collections: [
        { id: payroll.id, access: 'canEditExceptPasswords' },
        { id: finance.id, access: 'canView' },
      ],
      memberIds: [ann.id],
    });
    expect(onSaved.mock.calls[0]?.[1]).toBe(true);
  });

  it('edits an existing group: unticking a collection takes its access away', async () => {
    const existing = group({
      name: 'Front desk',
      collections: [
        { id: finance.id, access: 'canManage' },
        { id: payroll.id, access: 'canView' },
      ],
    });
    const desk = installFakeDesk({ 'org.groups.update': (input) => ({ group: { ...existing, ...input } }) });
    render(GroupDialog, {
      open: true,
      scope,
      clientName: CLIENT_NAME,
      group: existing,
      collections: [finance, payroll],
      members: [],
      onSaved: vi.fn(),
    });
    const dialog = await screen.findByRole('dialog', { name: 'Edit group Front desk' });
    expect((within(dialog).getByLabelText('Access for Finance') as HTMLSelectElement).value).toBe('canManage');
    await fireEvent.click(within(dialog).getByRole('checkbox', { name: 'Payroll' }));
    await fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(desk.calls).toHaveLength(1));
    expect(desk.calls[0]).toMatchObject({
      channel: 'org.groups.update',
      input: { id: existing.id, name: 'Front desk', collections: [{ id: finance.id, access: 'canManage' }] },
    });
  });

  it('refuses an empty name before asking the server', async () => {
    const desk = installFakeDesk({});
    render(GroupDialog, {
      open: true,
      scope,
      clientName: CLIENT_NAME,
      group: null,
      collections: [],
      members: [],
      onSaved: vi.fn(),
    });
    const dialog = await screen.findByRole('dialog');
    await fireEvent.click(within(dialog).getByRole('button', { name: 'Create group' }));
    expect(within(dialog).getByText('Enter a name.')).toBeTruthy();
    expect(within(dialog).getByText('This client has no collections yet.')).toBeTruthy();
    expect(desk.calls).toHaveLength(0);
  });
});
