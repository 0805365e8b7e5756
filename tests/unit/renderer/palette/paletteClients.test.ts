import 'fake-indexeddb/auto';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { createRawSnippet } from 'svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import AppFrame from '../../../../src-renderer/lib/components/AppFrame.svelte';
import { clientDialogs } from '../../../../src-renderer/lib/portal/clients/clientDialogs.svelte';
import { clientFavourites } from '../../../../src-renderer/lib/portal/clients/favourites.svelte';
import { sections } from '../../../../src-renderer/lib/sections';
import { installFakeDesk } from '../fakes/desk';
import { ACCOUNT, cacheClients, client, signIn, signOut } from '../portal/clients/clientFixtures';

const hrefs = Object.fromEntries(sections.map((s) => [s.path, `#${s.path}`])) as Record<
  (typeof sections)[number]['path'],
  string
>;

const acme = client('Acme Corp');
const birch = client('Birch Veterinary');
const cedar = client('Cedar Law');
const dune = client('Dune Logistics');

afterEach(async () => {
  clientDialogs.close();
  await signOut();
});

async function openPalette(role: 0 | 1 = 0) {
  installFakeDesk({});
  signIn(role);
  await cacheClients([acme, birch, cedar, dune]);
  clientFavourites.togglePin(ACCOUNT, dune.organizationId);
  clientFavourites.touch(ACCOUNT, birch.organizationId);
  const onNavigate = vi.fn();
  const children = createRawSnippet(() => ({ render: () => '<h1>Clients</h1>' }));
  render(AppFrame, { currentPath: '/clients', hrefs, onNavigate, children });
  await fireEvent.keyDown(window, { key: 'k', code: 'KeyK', ctrlKey: true });
  await screen.findByRole('dialog', { name: 'Command palette' });
  await waitFor(() => expect(labels()).toContain('Acme Corp'), { timeout: 5000 });
  return { onNavigate };
}

const combobox = () => screen.getByRole('combobox', { name: 'Go to' });
const labels = () =>
  within(screen.getByRole('listbox'))
    .getAllByRole('option')
    .map((o) => o.querySelector('.label')?.textContent);
const selected = () =>
  within(screen.getByRole('listbox'))
    .getAllByRole('option')
    .find((o) => o.getAttribute('aria-selected') === 'true');

describe('Go to: clients', () => {
  it('lists pinned then recent clients before the sections, then the actions and the other clients', async () => {
    await openPalette();
    const all = labels();
    expect(all.slice(0, 2)).toEqual(['Dune Logistics', 'Birch Veterinary']);
    expect(all.slice(-4)).toEqual(['New client', 'Add existing organization', 'Acme Corp', 'Cedar Law']);
    // The frame's sections sit between them.
    expect(all.slice(2, -4)).toContain('Clients');
    expect(all.slice(2, -4)).toContain('Waiting');
    expect(within(screen.getByRole('listbox')).getAllByRole('option')[0]!.textContent).toContain('Pinned client');
  });

  it('opens the chosen client’s console with the keyboard and makes it the most recent', async () => {
    const { onNavigate } = await openPalette();
    await fireEvent.input(combobox(), { target: { value: 'ce' } });
    expect(selected()?.textContent).toContain('Cedar Law');
    await fireEvent.keyDown(combobox(), { key: 'Enter' });
    expect(onNavigate).toHaveBeenCalledWith(
      expect.objectContaining({ path: `/clients/${cedar.organizationId}/members` }),
    );
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(clientFavourites.of(ACCOUNT).recent[0]).toBe(cedar.organizationId);

    await fireEvent.keyDown(window, { key: 'k', code: 'KeyK', ctrlKey: true });
    await screen.findByRole('dialog', { name: 'Command palette' });
    await waitFor(() => expect(labels().slice(0, 3)).toEqual(['Dune Logistics', 'Cedar Law', 'Birch Veterinary']));
  });

  it('opens a client dialog from an action', async () => {
    await openPalette();
    await fireEvent.input(combobox(), { target: { value: 'new client' } });
    await fireEvent.keyDown(combobox(), { key: 'Enter' });
    expect(clientDialogs.current).toEqual({ kind: 'new' });
  });

  it('gives a service user no add actions', async () => {
    await openPalette(1);
    expect(labels()).not.toContain('New client');
    expect(labels()).not.toContain('Add existing organization');
  });
});
