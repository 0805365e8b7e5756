import 'fake-indexeddb/auto';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { flushSync, tick } from 'svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { headerHeight } from '../../../../../src-renderer/lib/components/DataTable.svelte';
import ClientCommands from '../../../../../src-renderer/lib/portal/clients/ClientCommands.svelte';
import { clientList } from '../../../../../src-renderer/lib/portal/clients/clientList.svelte';
import ClientsPage from '../../../../../src-renderer/lib/portal/clients/ClientsPage.svelte';
import { clientDialogs } from '../../../../../src-renderer/lib/portal/clients/clientDialogs.svelte';
import { clientFavourites } from '../../../../../src-renderer/lib/portal/clients/favourites.svelte';
import { installFakeDesk } from '../../fakes/desk';
import { fakeScrollLayout, type FakeScroller } from '../../fakes/layout';
import { ACCOUNT, cacheClients, client, signIn, signOut } from './clientFixtures';
import ClientsPageHarness from './ClientsPageHarness.svelte';

let layout: FakeScroller;

beforeEach(() => {
  localStorage.clear();
  layout = fakeScrollLayout('[data-table-viewport]', {
    height: 400,
    contentHeight: (el) => headerHeight + parseFloat(el.querySelector('tbody')?.style.height ?? '0'),
  });
  installFakeDesk({});
});

afterEach(async () => {
  layout.restore();
  clientDialogs.close();
  await signOut();
});

const acme = client('Acme Corp', { seats: 20, occupiedSeats: 19, remainingSeats: 1 });
const bolt = client('Bolt Électrique', {
  seats: 5,
  occupiedSeats: 7,
  remainingSeats: -2,
  plan: 'Enterprise (Monthly)',
});
const cedar = client('Cedar Law', { seats: 8, occupiedSeats: 2, remainingSeats: 6, enabled: false });

const grid = () => screen.getByRole('grid', { name: 'Clients' });
const names = () =>
  within(grid())
    .queryAllByRole('row')
    .filter((row) => row.hasAttribute('data-index'))
    .map((row) => within(row).getByRole('link').textContent);
const staleNotice = () => document.querySelector('.stale-notice')?.textContent?.replace(/\s+/g, ' ');
const search = () => screen.getByRole('searchbox', { name: 'Search clients' });

async function renderPage(role: 0 | 1 = 0, online = true) {
  signIn(role, { online });
  await cacheClients([cedar, acme, bolt]);
  const onOpen = vi.fn();
  render(ClientsPageHarness, { onOpen });
  // The first render compiles and opens IndexedDB: generous under a loaded machine.
  await waitFor(() => expect(names()).toHaveLength(3), { timeout: 5000 });
  return { onOpen };
}

describe('Clients page: the grid', () => {
  it('lists the cached clients by name with seats, plan and status, and counts them', async () => {
    await renderPage();
    expect(screen.getByRole('heading', { level: 1, name: 'Clients' })).toBeTruthy();
    expect(names()).toEqual(['Acme Corp', 'Bolt Électrique', 'Cedar Law']);
    expect(screen.getByRole('status').textContent).toContain('3 clients');
    const bolts = within(grid()).getAllByRole('row')[2]!;
    const cells = within(bolts)
      .getAllByRole('gridcell')
      .map((c) => c.textContent?.trim());
    expect(cells.slice(1, 4)).toEqual(['5', '7', '-2']);
    expect(cells[5]).toBe('Enterprise');
    expect(cells[6]).toBe('Over seats');
    expect(
      within(bolts).getByRole('meter', { name: 'Seat use of Bolt Électrique' }).getAttribute('aria-valuetext'),
    ).toContain('over the limit');
    expect(within(grid()).getAllByRole('row')[3]!.textContent).toContain('Disabled');
    await waitFor(() => expect(staleNotice()).toMatch(/Last synced\s+just now/), { timeout: 3000 });
  });

  it('filters as you type, ignoring case and accents, and offers to clear a search that matches nothing', async () => {
    await renderPage();
    await fireEvent.input(search(), { target: { value: 'ELEC' } });
    expect(names()).toEqual(['Bolt Électrique']);
    expect(screen.getByRole('status').textContent).toContain('1 of 3 clients');
    await fireEvent.input(search(), { target: { value: 'zzz' } });
    expect(names()).toEqual([]);
    expect(screen.getByText('No client matches “zzz”.')).toBeTruthy();
    await fireEvent.click(screen.getByRole('button', { name: 'Clear search' }));
    await waitFor(() => expect(names()).toHaveLength(3));
  });

  it('sorts on the column headers, numbers as numbers', async () => {
    await renderPage();
    const header = (name: string) => within(grid()).getByRole('button', { name: new RegExp(`^${name}`) });
    await fireEvent.click(header('Assigned'));
    expect(names()).toEqual(['Bolt Électrique', 'Cedar Law', 'Acme Corp']);
    await fireEvent.click(header('Assigned'));
    expect(names()).toEqual(['Acme Corp', 'Cedar Law', 'Bolt Électrique']);
    expect(header('Assigned').closest('th')?.getAttribute('aria-sort')).toBe('descending');
    await fireEvent.click(header('Seat use'));
    expect(names()).toEqual(['Cedar Law', 'Acme Corp', 'Bolt Électrique']);
  });

  it('opens a client with Enter on its row, and pins it from its star', async () => {
    const { onOpen } = await renderPage();
    const row = within(grid()).getAllByRole('row')[1]!;
    await fireEvent.keyDown(row, { key: 'Enter' });
    expect(onOpen).toHaveBeenCalledWith(expect.objectContaining({ name: 'Acme Corp' }));
    const pin = within(row).getByRole('button', { name: 'Pin Acme Corp' });
    expect(pin.getAttribute('aria-pressed')).toBe('false');
    await fireEvent.click(pin);
    expect(pin.getAttribute('aria-pressed')).toBe('true');
    expect(clientFavourites.of(ACCOUNT).pinned).toEqual([acme.organizationId]);
  });
});

describe('Clients page: painting from memory', () => {
  it('shows the clients the frame already read at once, without waiting for the cache', async () => {
    signIn(0);
    await cacheClients([cedar, acme, bolt]);
    render(ClientCommands, { go: () => {} });
    await waitFor(() => expect(clientList.rows).toHaveLength(3), { timeout: 5000 });
    render(ClientsPage, { hrefFor: () => '#', onOpen: () => {}, gridHeight: '400px' });
    flushSync();
    await tick();
    expect(names()).toEqual(['Acme Corp', 'Bolt Électrique', 'Cedar Law']);
  });
});

describe('Clients page: role gating and offline', () => {
  it('gives a provider admin New client and Add existing organization', async () => {
    await renderPage(0);
    await fireEvent.click(screen.getByRole('button', { name: 'New client' }));
    expect(clientDialogs.current).toEqual({ kind: 'new' });
    expect(screen.getByRole('button', { name: 'Add existing organization' })).toBeTruthy();
  });

  it('gives a service user neither', async () => {
    await renderPage(1);
    expect(screen.queryByRole('button', { name: 'New client' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Add existing organization' })).toBeNull();
  });

  it('keeps the cached clients browsable offline, says how old they are, and disables changes with the reason', async () => {
    await renderPage(0, false);
    expect(names()).toHaveLength(3);
    await waitFor(() => expect(staleNotice()).toMatch(/Offline\s+·\s+last synced\s+just now/));
    const create = screen.getByRole('button', { name: 'New client' });
    expect(create.getAttribute('aria-disabled')).toBe('true');
    await fireEvent.click(create);
    expect(clientDialogs.current).toBeNull();
    expect(screen.getByRole('note').textContent).toContain('cannot be reached');
  });

  it('offers unlink in the row menu to provider admins only, and opens the dialogs from it', async () => {
    await renderPage(1);
    await openRowMenu('Acme Corp');
    expect(menuItems()).toEqual(['Open admin console', 'Pin to top of Go to', 'Manage seats…', 'Rename…']);
    await fireEvent.click(screen.getByRole('menuitem', { name: 'Rename…' }));
    expect(clientDialogs.current).toEqual({ kind: 'rename', client: expect.objectContaining({ name: 'Acme Corp' }) });
  });

  it('gives focus back to the row’s menu button when the menu closes with Escape', async () => {
    await renderPage(0);
    await openRowMenu('Cedar Law');
    await fireEvent.keyDown(screen.getByRole('menu'), { key: 'Escape' });
    await waitFor(() => expect(screen.queryByRole('menu')).toBeNull());
    const trigger = screen.getByRole('button', { name: 'Actions for Cedar Law' });
    await waitFor(() => expect(document.activeElement).toBe(trigger));
    expect(trigger.getAttribute('aria-expanded')).toBe('false');
  });

  it('lists unlink for a provider admin, and disables changes offline with the reason in the menu', async () => {
    await renderPage(0, false);
    await openRowMenu('Bolt Électrique');
    expect(menuItems()).toContain('Unlink…');
    const menu = screen.getByRole('menu');
    expect(menu.textContent).toContain('cannot be reached');
    for (const name of ['Manage seats…', 'Rename…', 'Unlink…']) {
      expect(screen.getByRole('menuitem', { name }).hasAttribute('data-disabled')).toBe(true);
    }
    expect(screen.getByRole('menuitem', { name: 'Open admin console' }).hasAttribute('data-disabled')).toBe(false);
  });
});

async function openRowMenu(name: string) {
  const trigger = screen.getByRole('button', { name: `Actions for ${name}` });
  expect(trigger.getAttribute('aria-expanded')).toBe('false');
  await fireEvent.click(trigger);
  expect(trigger.getAttribute('aria-expanded')).toBe('true');
  await screen.findByRole('menu');
}

function menuItems() {
  return screen.getAllByRole('menuitem').map((item) => item.textContent?.trim());
}
