import 'fake-indexeddb/auto';
import { configure, fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import Papa from 'papaparse';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { dropAccountCache } from '$lib/cache/accountCache';
import { headerHeight } from '$lib/components/DataTable.svelte';
import EventLog from '$lib/eventLog/EventLog.svelte';
import { session } from '$lib/session/sessionStore.svelte';
import { fakeScrollLayout, type FakeScroller } from '../fakes/layout';
import { account, sessionState } from '../session/sessionFixtures';
import { ava, contoso, directory, event, providerLog, seed } from './eventLogFixtures';

const saved = vi.hoisted(() => [] as { name: string; content: string; type: string }[]);
vi.mock('$lib/files/saveFile', () => ({
  saveFile: (name: string, content: string, type: string) => saved.push({ name, content, type }),
}));

let accountId = '';
let layout: FakeScroller;
const scope = 'provider:prov-1';

beforeEach(async () => {
  localStorage.clear();
  saved.length = 0;
  accountId = `acct-${Math.random().toString(36).slice(2)}`;
  await seed(accountId, scope, providerLog());
  // Another scope's events must never show.
  await seed(
    accountId,
    'org:org-contoso',
    providerLog().map((e) => ({ ...e, key: `org-${e.key}`, type: 1500 })),
  );
  layout = fakeScrollLayout('[data-table-viewport]', {
    height: 800,
    contentHeight: (el) => headerHeight + parseFloat(el.querySelector('tbody')?.style.height ?? '0'),
  });
});

afterEach(async () => {
  layout.restore();
  session.state = null;
  await dropAccountCache(accountId);
});

function renderLog(props: Partial<Parameters<typeof render<typeof EventLog>>[1]> = {}) {
  return render(EventLog, {
    kind: 'provider',
    accountId,
    scope,
    directory: directory(),
    clients: [contoso],
    lastSyncedAt: new Date(Date.now() - 5 * 60_000).toISOString(),
    label: 'Provider events',
    ...props,
  });
}

const grid = () => screen.getByRole('grid', { name: 'Provider events' });
const messages = () =>
  within(grid())
    .getAllByRole('row')
    .filter((row) => row.hasAttribute('data-index'))
    .map((row) => row.querySelectorAll('[role="gridcell"]')[2]?.textContent?.trim());

async function shown(count: number) {
  await waitFor(() =>
    expect(screen.getByTestId('event-count').textContent).toBe(
      `${count.toLocaleString()} event${count === 1 ? '' : 's'}`,
    ),
  );
}

// The cache is real IndexedDB (fake-indexeddb): give its queries room when the machine is busy.
configure({ asyncUtilTimeout: 5_000 });

describe('EventLog', { timeout: 20_000 }, () => {
  it('shows the last 30 days newest first, with names for users and clients', async () => {
    renderLog();
    await shown(5);
    await waitFor(() => expect(messages()).toHaveLength(5));
    expect(messages()).toEqual([
      'Invited user Carla Reyes.',
      'Confirmed user Carla Reyes.',
      'Created organization Contoso.',
      'Accessed Fabrikam organization vault.',
      'Added organization Fabrikam.',
    ]);
    const first = within(grid()).getAllByRole('row')[1]!;
    expect(within(first).getByText('Ava Martin').getAttribute('title')).toBe(ava.email);
  });

  it('filters by event type', async () => {
    renderLog();
    await shown(5);
    await fireEvent.change(screen.getByLabelText('Event'), { target: { value: '1903' } });
    await shown(1);
    expect(messages()).toEqual(['Accessed Fabrikam organization vault.']);
    await fireEvent.change(screen.getByLabelText('Event'), { target: { value: '' } });
    await shown(5);
  });

  it('filters by acting user and by client, and resets', async () => {
    renderLog();
    await shown(5);
    await fireEvent.change(screen.getByLabelText('User'), { target: { value: 'user-carla' } });
    await shown(2);
    await fireEvent.change(screen.getByLabelText('User'), { target: { value: '' } });
    await fireEvent.change(screen.getByLabelText('Client'), { target: { value: contoso.organizationId } });
    await shown(1);
    expect(messages()).toEqual(['Created organization Contoso.']);
    await fireEvent.click(screen.getByRole('button', { name: 'Reset filters' }));
    await shown(5);
  });

  it('searches the words of message, user and client', async () => {
    renderLog();
    await shown(5);
    const search = screen.getByLabelText('Search events');
    await fireEvent.input(search, { target: { value: 'fabrikam' } });
    await shown(2);
    await fireEvent.input(search, { target: { value: 'carla confirmed' } });
    await shown(1);
    await fireEvent.input(search, { target: { value: 'nothing like this' } });
    await waitFor(() => expect(screen.getByText('No matching events')).toBeTruthy());
    await fireEvent.input(search, { target: { value: '' } });
    await shown(5);
  });

  it(
    'answers with the first rows at once, then the page of 1,000, and more on request',
    { timeout: 40_000 },
    async () => {
      const many = Array.from({ length: 1_050 }, (_, i) => event({ type: 1801, daysAgo: 1 + i / 100 }));
      await seed(accountId, scope, many);
      renderLog();
      // fake-indexeddb walks a thousand rows slowly: give it time.
      const slow = { timeout: 15_000 };
      await waitFor(() => expect(screen.getByTestId('event-count').textContent).toBe('100+ events'));
      await waitFor(() => expect(screen.getByTestId('event-count').textContent).toBe('1,000+ events'), slow);
      await fireEvent.click(screen.getByRole('button', { name: 'Show more' }));
      await waitFor(() => expect(screen.getByTestId('event-count').textContent).toBe('1,055 events'), slow);
      expect(screen.queryByRole('button', { name: 'Show more' })).toBeNull();
    },
  );

  it('exports the filtered rows as CSV with the web vault columns and file name', async () => {
    renderLog();
    await shown(5);
    await fireEvent.change(screen.getByLabelText('User'), { target: { value: 'user-ava' } });
    await shown(3);
    await fireEvent.click(screen.getByRole('button', { name: 'Export CSV' }));

    await waitFor(() => expect(saved).toHaveLength(1));
    const [file] = saved;
    expect(file!.name).toMatch(/^bitwarden_provider-events_export_\d{14}\.csv$/);
    expect(file!.type).toBe('text/plain');
    const parsed = Papa.parse<Record<string, string>>(file!.content, { header: true });
    expect(parsed.meta.fields).toEqual([
      'message',
      'appIcon',
      'appName',
      'userId',
      'userName',
      'userEmail',
      'date',
      'ip',
      'type',
      'installationId',
      'client',
    ]);
    expect(parsed.data).toHaveLength(3);
    // The Client column says what the screen's Client column says, row for row.
    const shownClients = within(grid())
      .getAllByRole('row')
      .filter((row) => row.hasAttribute('data-index'))
      .map((row) => row.querySelectorAll('[role="gridcell"]')[3]?.textContent?.trim() ?? '');
    expect(parsed.data.map((r) => r.client)).toEqual(shownClients);
    expect(shownClients.some((name) => name !== '')).toBe(true);
    expect(parsed.data[0]).toMatchObject({
      message: 'Invited user pu-carla.',
      userName: 'Ava Martin',
      userEmail: ava.email,
      type: 'ProviderUser_Invited',
      appName: 'Web vault - Chrome',
    });
  });

  it('refuses an end before the start, and then cannot export', async () => {
    renderLog();
    await shown(5);
    await fireEvent.input(screen.getByLabelText('End'), { target: { value: '2020-01-01T00:00' } });
    expect((await screen.findByRole('alert')).textContent).toContain('The end date is before the start date.');
    expect(screen.getByLabelText('End').getAttribute('aria-invalid')).toBe('true');
    // Only the error: no "choose a range" or "no events" state beside it.
    await shown(0);
    expect(screen.queryByText('No date range')).toBeNull();
    expect(screen.queryByText(/Choose a start and an end date/)).toBeNull();
    expect(screen.queryByText('No events in this range')).toBeNull();
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Export CSV' }).disabled).toBe(true);
  });

  it('reaches older cached events when the range is widened', async () => {
    renderLog();
    await shown(5);
    const start = new Date(Date.now() - 60 * 24 * 3600_000);
    const value = `${start.getFullYear()}-${String(start.getMonth() + 1).padStart(2, '0')}-${String(start.getDate()).padStart(2, '0')}T00:00`;
    await fireEvent.input(screen.getByLabelText('Start'), { target: { value } });
    await shown(6);
  });

  it('offline: still lists and filters the cache, and says it is offline', async () => {
    session.apply(sessionState([account({ online: false })]));
    renderLog();
    await shown(5);
    expect(screen.getByText('Offline')).toBeTruthy();
    expect(screen.getByText(/Offline: showing the events cached on this device/)).toBeTruthy();
    await fireEvent.change(screen.getByLabelText('Event'), { target: { value: '1800' } });
    await shown(1);
  });

  it('shows progress while older pages are still arriving', async () => {
    renderLog({ fetching: { fetched: 150 } });
    expect(screen.getByRole('progressbar', { name: /Loading older events… 150 fetched/ })).toBeTruthy();
  });
});
