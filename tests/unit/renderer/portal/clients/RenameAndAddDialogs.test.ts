import 'fake-indexeddb/auto';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import AddExistingDialog from '../../../../../src-renderer/lib/portal/clients/AddExistingDialog.svelte';
import { clientList, scopeKeyOf } from '../../../../../src-renderer/lib/portal/clients/clientList.svelte';
import RenameDialog from '../../../../../src-renderer/lib/portal/clients/RenameDialog.svelte';
import { toast } from '../../../../../src-renderer/lib/toasts.svelte';
import { installFakeDesk } from '../../fakes/desk';
import { ACCOUNT, client, PROVIDER, signIn, signOut } from './clientFixtures';

afterEach(async () => {
  toast.clear();
  clientList.update(null, [], true);
  await signOut();
});

const acme = client('Acme Corp');

describe('Rename dialog', () => {
  it('starts with the current name, refuses an empty or too long one, and renames', async () => {
    signIn(1);
    const desk = installFakeDesk({
      'clients.rename': (input) => ({ client: { ...acme, name: input.name } }),
    });
    render(RenameDialog, { client: acme, open: true });
    const dialog = await screen.findByRole('dialog', { name: 'Rename Acme Corp' });
    const name = within(dialog).getByLabelText<HTMLInputElement>('Name');
    const save = within(dialog).getByRole('button', { name: 'Save name' });
    expect(name.value).toBe('Acme Corp');

    await fireEvent.input(name, { target: { value: '   ' } });
    await fireEvent.click(save);
    expect(dialog.textContent).toContain('Enter the client organization name');
    await fireEvent.input(name, { target: { value: 'A'.repeat(51) } });
    expect(dialog.textContent).toContain('The name has at most 50 characters');
    expect(desk.calls).toEqual([]);

    await fireEvent.input(name, { target: { value: ' Acme Holdings ' } });
    await fireEvent.click(save);
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(desk.calls[0]?.input).toEqual({
      accountId: ACCOUNT,
      providerId: PROVIDER,
      providerOrganizationId: acme.id,
      name: 'Acme Holdings',
    });
    expect(toast.items.map((t) => t.message)).toEqual(['Renamed Acme Corp to Acme Holdings']);
  });
});

describe('Rename dialog: names of other clients', () => {
  it("refuses another client's name (trimmed, any case) before sending, and keeps its own in another case", async () => {
    signIn(1);
    const globex = client('Globex');
    clientList.update(scopeKeyOf({ accountId: ACCOUNT, providerId: PROVIDER }), [acme, globex], false);
    const desk = installFakeDesk({
      'clients.rename': (input) => ({ client: { ...acme, name: input.name } }),
    });
    render(RenameDialog, { client: acme, open: true });
    const dialog = await screen.findByRole('dialog', { name: 'Rename Acme Corp' });
    const name = within(dialog).getByLabelText<HTMLInputElement>('Name');
    const save = within(dialog).getByRole('button', { name: 'Save name' });

    await fireEvent.input(name, { target: { value: '  gLOBEX ' } });
    await fireEvent.click(save);
    expect(dialog.textContent).toContain('Another client is already named “Globex”. Choose a name no other client has');
    expect(name.getAttribute('aria-invalid')).toBe('true');
    expect(desk.calls).toEqual([]);

    await fireEvent.input(name, { target: { value: 'ACME CORP' } });
    expect(dialog.textContent).not.toContain('Another client is already named');
    await fireEvent.click(save);
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(desk.calls[0]?.input).toMatchObject({ name: 'ACME CORP' });
  });
});

describe('Add existing organization dialog', () => {
  const orgs = [
    {
      organizationId: 'cccccccc-0000-4000-8000-000000000001',
      name: 'Harbor Co',
      plan: 'Teams (Monthly)',
      seats: 12,
      disabled: false,
    },
    {
      organizationId: 'cccccccc-0000-4000-8000-000000000002',
      name: 'Huge Co',
      plan: 'Enterprise (Monthly)',
      seats: 900,
      disabled: true,
    },
  ];

  it('picks an addable organization, confirms its plan and seats, and adds it', async () => {
    signIn(0);
    const desk = installFakeDesk({
      'clients.addable': () => ({ organizations: orgs }),
      'clients.addExisting': () => ({ client: null }),
    });
    render(AddExistingDialog, { open: true });
    const dialog = await screen.findByRole('dialog', { name: 'Add existing organization' });
    const [harbor, huge] = await within(dialog).findAllByRole<HTMLInputElement>('radio');
    expect(huge!.disabled).toBe(true);
    expect(dialog.textContent).toContain('exceed the seats your provider has available');
    const next = within(dialog).getByRole<HTMLButtonElement>('button', { name: 'Next' });
    expect(next.disabled).toBe(true);

    await fireEvent.click(harbor!);
    await fireEvent.click(next);
    expect(dialog.textContent).toContain('Do you want to add this organization to Northwind IT Partners?');
    expect(dialog.querySelector('dl')?.textContent?.replace(/\s+/g, ' ')).toContain(
      'Organization Harbor Co Billing plan Teams Assigned seats 12',
    );
    await fireEvent.click(within(dialog).getByRole('button', { name: 'Add organization' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(desk.calls.at(-1)).toEqual({
      channel: 'clients.addExisting',
      input: { accountId: ACCOUNT, providerId: PROVIDER, organizationId: orgs[0]!.organizationId },
    });
    expect(toast.items.map((t) => t.message)).toEqual(['Added Harbor Co to Northwind IT Partners']);
  });

  it('says when there is nothing to add', async () => {
    signIn(0);
    installFakeDesk({ 'clients.addable': () => ({ organizations: [] }) });
    render(AddExistingDialog, { open: true });
    const dialog = await screen.findByRole('dialog', { name: 'Add existing organization' });
    await waitFor(() => expect(dialog.textContent).toContain('No organizations to add.'));
  });
});
