import 'fake-indexeddb/auto';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import { clientFavourites } from '../../../../../src-renderer/lib/portal/clients/favourites.svelte';
import UnlinkDialog from '../../../../../src-renderer/lib/portal/clients/UnlinkDialog.svelte';
import { toast } from '../../../../../src-renderer/lib/toasts.svelte';
import { installFakeDesk } from '../../fakes/desk';
import { ACCOUNT, client, PROVIDER, signIn, signOut } from './clientFixtures';

afterEach(async () => {
  toast.clear();
  await signOut();
});

const acme = client('Acme Corp');

async function openDialog(fail?: string) {
  signIn(0);
  const desk = installFakeDesk({
    'clients.unlink': () => {
      if (fail) throw new Error(`[validation] ${fail}`);
      return { organizationId: acme.organizationId, name: acme.name };
    },
  });
  render(UnlinkDialog, { client: acme, open: true });
  const dialog = await screen.findByRole('dialog', { name: 'Unlink Acme Corp?' });
  return {
    desk,
    dialog,
    phrase: within(dialog).getByLabelText<HTMLInputElement>('Type Acme Corp to confirm'),
    unlink: within(dialog).getByRole<HTMLButtonElement>('button', { name: 'Unlink Acme Corp' }),
  };
}

describe('Unlink dialog', () => {
  it("names the client and the provider, and waits for the client's exact name", async () => {
    const { dialog, phrase, unlink } = await openDialog();
    expect(dialog.textContent).toContain('Acme Corp will no longer be managed by Northwind IT Partners');
    expect(unlink.disabled).toBe(true);
    await fireEvent.input(phrase, { target: { value: 'acme corp' } });
    expect(unlink.disabled).toBe(true);
    await fireEvent.input(phrase, { target: { value: 'Acme Cor' } });
    expect(unlink.disabled).toBe(true);
    await fireEvent.input(phrase, { target: { value: ' Acme Corp ' } });
    expect(unlink.disabled).toBe(false);
  });

  it('unlinks with the typed name, forgets the client in Go to and says so', async () => {
    clientFavourites.togglePin(ACCOUNT, acme.organizationId);
    clientFavourites.touch(ACCOUNT, acme.organizationId);
    const { desk, phrase, unlink } = await openDialog();
    await fireEvent.input(phrase, { target: { value: 'Acme Corp' } });
    await fireEvent.click(unlink);
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(desk.calls[0]).toEqual({
      channel: 'clients.unlink',
      input: { accountId: ACCOUNT, providerId: PROVIDER, providerOrganizationId: acme.id, confirmName: 'Acme Corp' },
    });
    expect(clientFavourites.of(ACCOUNT)).toEqual({ pinned: [], recent: [] });
    expect(toast.items.map((t) => t.message)).toEqual(['Unlinked Acme Corp from Northwind IT Partners']);
  });

  it("shows the server's refusal and stays open", async () => {
    const { dialog, phrase, unlink } = await openDialog('The client organization must keep a confirmed owner');
    await fireEvent.input(phrase, { target: { value: 'Acme Corp' } });
    await fireEvent.click(unlink);
    expect((await within(dialog).findByRole('alert')).textContent).toContain('must keep a confirmed owner');
    expect(screen.getByRole('dialog')).toBeTruthy();
  });
});
