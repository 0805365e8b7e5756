import 'fake-indexeddb/auto';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ChannelOutput } from '$shared/contract';
import type { QueueItem } from '$shared/contract/portal/queue';
import { headerHeight } from '../../../../../src-renderer/lib/components/DataTable.svelte';
import QueueView from '../../../../../src-renderer/lib/portal/queue/QueueView.svelte';
import { filterQueue, waitingFor } from '../../../../../src-renderer/lib/portal/queue/queueModel';
import { deferred, installFakeDesk } from '../../fakes/desk';
import { fakeScrollLayout, type FakeScroller } from '../../fakes/layout';
import { PROVIDER, signIn, signOut, toastMessages } from '../members/memberFixtures';

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

const ORG = 'dddddddd-0000-4000-8000-000000000001';
const phrase = (w: string) => `${w}-bravo-charlie-delta-echo`;
const days = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString();

function item(overrides: Partial<QueueItem>): QueueItem {
  return {
    scope: 'provider',
    id: 'eeeeeeee-0000-4000-8000-000000000001',
    organizationId: null,
    providerOrganizationId: null,
    clientName: null,
    userId: 'u1',
    name: null,
    email: 'someone@example.com',
    status: 'accepted',
    type: 1,
    invitedAt: null,
    fingerprint: phrase('alpha'),
    ...overrides,
  };
}

const dmitri = item({ name: 'Dmitri Volkov', email: 'dmitri@example.com', invitedAt: days(2) });
const hiro = item({
  scope: 'client',
  id: 'eeeeeeee-0000-4000-8000-000000000002',
  organizationId: ORG,
  providerOrganizationId: 'p-org',
  clientName: 'Crescent Bakery',
  name: 'Hiro Patel',
  email: 'hiro@crescent.example',
  type: 2,
  invitedAt: days(1),
  fingerprint: phrase('zulu'),
});
const olive = item({
  scope: 'client',
  id: 'eeeeeeee-0000-4000-8000-000000000003',
  organizationId: ORG,
  clientName: 'Crescent Bakery',
  email: 'olive@crescent.example',
  status: 'invited',
  type: 0,
  invitedAt: days(9),
  fingerprint: null,
});

function pending(
  items: QueueItem[],
  extra: Partial<ChannelOutput<'queue.pending'>> = {},
): ChannelOutput<'queue.pending'> {
  return {
    items,
    clientsChecked: 12,
    problems: [],
    includesProviderMembers: true,
    generatedAt: new Date().toISOString(),
    ...extra,
  };
}

const grid = () => screen.getByRole('grid', { name: 'People waiting' });
const bodyRows = () =>
  within(grid())
    .getAllByRole('row')
    .filter((r) => r.hasAttribute('data-index'));

async function renderQueue(handlers: Parameters<typeof installFakeDesk>[0], online = true) {
  const desk = installFakeDesk(handlers);
  signIn(0, { online });
  render(QueueView, { onOpenLink: vi.fn() });
  return desk;
}

describe('queue model', () => {
  it('filters by where, status and text, and words the wait', () => {
    const all = [dmitri, hiro, olive];
    expect(filterQueue(all, 'client', 'all', '')).toEqual([hiro, olive]);
    expect(filterQueue(all, 'all', 'invited', '')).toEqual([olive]);
    expect(filterQueue(all, 'all', 'all', 'crescent')).toEqual([hiro, olive]);
    expect(waitingFor(olive, Date.now(), 5)).toBe('9 days ago');
    expect(waitingFor({ ...olive, invitedAt: null }, Date.now(), 5)).toBe('over 5 days');
  });
});

describe('Waiting page', () => {
  it('shows a progress note while every client is read, then the people with where, status and phrase', async () => {
    const answer = deferred<ChannelOutput<'queue.pending'>>();
    const desk = await renderQueue({ 'queue.pending': () => answer.promise });
    expect(await screen.findByText(/Reading every client/)).toBeTruthy();
    answer.resolve(
      pending([dmitri, hiro, olive], {
        problems: [{ organizationId: ORG, clientName: 'Broken Co', message: 'Forbidden' }],
      }),
    );
    await waitFor(() => expect(bodyRows()).toHaveLength(3), { timeout: 5000 });
    expect(desk.calls[0]).toEqual({
      channel: 'queue.pending',
      input: { accountId: 'acct-ava', providerId: PROVIDER, invitedOlderThanDays: 5 },
    });
    expect(screen.getByText(/2 waiting for confirmation · 1 old invitation · 12 clients checked/)).toBeTruthy();
    const hiroRow = bodyRows().find((r) => r.textContent?.includes('Hiro Patel'))!;
    expect(hiroRow.textContent).toContain('Crescent Bakery');
    expect(hiroRow.textContent).toContain('Needs confirmation');
    expect(hiroRow.textContent).toContain(phrase('zulu'));
    expect(bodyRows().find((r) => r.textContent?.includes('Dmitri'))!.textContent).toContain('Provider');
    expect(screen.getByRole('note').textContent).toContain('Broken Co: Forbidden');
  });

  it('bulk-confirms with every phrase shown and sent back, then reads the queue again', async () => {
    let reads = 0;
    const desk = await renderQueue({
      'queue.pending': () => (++reads === 1 ? pending([dmitri, hiro, olive]) : pending([olive])),
      'queue.confirm': ({ items }) => ({
        results: items.map((i) => ({ id: i.id, ok: true, error: null })),
        succeeded: items.length,
        failed: 0,
      }),
    });
    await waitFor(() => expect(bodyRows()).toHaveLength(3));
    await fireEvent.click(screen.getByRole('checkbox', { name: 'Select Dmitri Volkov (Provider)' }));
    await fireEvent.click(screen.getByRole('checkbox', { name: 'Select Hiro Patel (Crescent Bakery)' }));
    expect(screen.queryByRole('button', { name: 'Resend invitations' })).toBeNull();
    await fireEvent.click(screen.getByRole('button', { name: 'Confirm…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Confirm 2 people' });
    await waitFor(() =>
      expect(
        within(dialog)
          .getAllByTestId('fingerprint')
          .map((f) => f.textContent),
      ).toEqual([phrase('alpha'), phrase('zulu')]),
    );
    await fireEvent.click(within(dialog).getByRole('checkbox', { name: 'Each person read me their exact phrase' }));
    await fireEvent.click(within(dialog).getByRole('button', { name: 'Confirm 2 people' }));
    await waitFor(() => expect(bodyRows()).toHaveLength(1));
    expect(desk.calls.find((c) => c.channel === 'queue.confirm')?.input).toEqual({
      accountId: 'acct-ava',
      providerId: PROVIDER,
      items: [
        { scope: 'provider', id: dmitri.id, fingerprint: phrase('alpha') },
        { scope: 'client', id: hiro.id, organizationId: ORG, fingerprint: phrase('zulu') },
      ],
    });
    expect(toastMessages()).toEqual(['success: 2 people confirmed']);
  });

  it('resends old invitations in bulk; a mixed selection offers neither action', async () => {
    const desk = await renderQueue({
      'queue.pending': () => pending([dmitri, olive]),
      'queue.reinvite': ({ items }) => ({
        results: items.map((i) => ({ id: i.id, ok: true, error: null })),
        succeeded: items.length,
        failed: 0,
      }),
    });
    await waitFor(() => expect(bodyRows()).toHaveLength(2));
    await fireEvent.click(screen.getByRole('checkbox', { name: 'Select olive@crescent.example (Crescent Bakery)' }));
    await fireEvent.click(screen.getByRole('checkbox', { name: 'Select Dmitri Volkov (Provider)' }));
    expect(screen.getByText('Select only people who need confirmation, or only invitations.')).toBeTruthy();
    await fireEvent.click(screen.getByRole('checkbox', { name: 'Select Dmitri Volkov (Provider)' }));
    await fireEvent.click(screen.getByRole('button', { name: 'Resend invitations' }));
    await waitFor(() => expect(toastMessages()).toEqual(['success: 1 invitation sent again']));
    expect(desk.calls.find((c) => c.channel === 'queue.reinvite')?.input).toMatchObject({
      items: [{ scope: 'client', id: olive.id, organizationId: ORG }],
    });
  });

  it('reads again with another invitation age', async () => {
    const desk = await renderQueue({ 'queue.pending': () => pending([]) });
    expect(await screen.findByText(/Nobody is waiting/)).toBeTruthy();
    await fireEvent.input(screen.getByLabelText('Invitations older than (days)'), { target: { value: '10' } });
    await waitFor(() =>
      expect(desk.calls.filter((c) => c.channel === 'queue.pending').at(-1)?.input).toMatchObject({
        invitedOlderThanDays: 10,
      }),
    );
  });

  it('offline: nothing is read and the reason is given', async () => {
    const desk = await renderQueue({ 'queue.pending': () => pending([dmitri]) }, false);
    expect(await screen.findByText(/The queue is read from the server, which cannot be reached now/)).toBeTruthy();
    expect(screen.getAllByText(/Offline: vault.example.com cannot be reached/).length).toBeGreaterThan(0);
    expect(desk.calls.filter((c) => c.channel === 'queue.pending')).toEqual([]);
  });
});
