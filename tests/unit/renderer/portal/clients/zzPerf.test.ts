import 'fake-indexeddb/auto';
import { render, screen, waitFor } from '@testing-library/svelte';
import { flushSync } from 'svelte';
import { it } from 'vitest';
import { headerHeight } from '../../../../../src-renderer/lib/components/DataTable.svelte';
import ClientsGrid from '../../../../../src-renderer/lib/portal/clients/ClientsGrid.svelte';
import { ClientFilter } from '../../../../../src-renderer/lib/portal/clients/clientRows';
import { fakeScrollLayout } from '../../fakes/layout';
import { client } from './clientFixtures';

it('perf', async () => {
  fakeScrollLayout('[data-table-viewport]', {
    height: 700,
    contentHeight: (el) => headerHeight + parseFloat(el.querySelector('tbody')?.style.height ?? '0'),
  });
  const words = ['Alpha', 'Beta', 'Gamma', 'Delta', 'Dental', 'Tide', 'Harbor', 'Summit'];
  const rows = Array.from({ length: 5000 }, (_, i) => client(`${words[i % 8]} ${words[(i * 7) % 8]} ${i}`));
  const gates = { canAdd: true, canUnlink: true, blockedReason: null };
  const filter = new ClientFilter();
  const { rerender } = render(ClientsGrid, { rows, accountId: 'a', gates, hrefFor: () => '#', onOpen: () => {} });
  await waitFor(() => screen.getAllByRole('row').length > 5);
  const times: number[] = [];
  for (const q of ['d', 'de', 'den', 'dent', 'den', 'de', 'd', '', 't', 'ti', 'tid', 'ti', 't', '']) {
    const t0 = performance.now();
    await rerender({ rows: filter.filter(rows, q) });
    flushSync();
    times.push(performance.now() - t0);
  }
  console.log('PERF', times.map((t) => t.toFixed(1)).join(' '));
});
