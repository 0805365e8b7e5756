import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { flushSync } from 'svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { headerHeight } from '../../../../src-renderer/lib/components/DataTable.svelte';
import { prefsKey } from '../../../../src-renderer/lib/table/prefs';
import { fakeScrollLayout, type FakeScroller } from '../fakes/layout';
import DataTableHarness, { type Client } from './DataTableHarness.svelte';

const rowHeight = 40;
const viewportHeight = 400;

function clients(count: number): Client[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `c${i + 1}`,
    name: `Client ${i + 1}`,
    seats: (i * 7) % 50,
    plan: i % 2 ? 'Teams' : 'Enterprise',
  }));
}

let layout: FakeScroller;

beforeEach(() => {
  localStorage.clear();
  layout = fakeScrollLayout('[data-table-viewport]', {
    height: viewportHeight,
    contentHeight: (el) => headerHeight + parseFloat(el.querySelector('tbody')?.style.height ?? '0'),
  });
});

afterEach(() => layout.restore());

const grid = () => screen.getByRole('grid', { name: 'Clients' });
const bodyRows = () =>
  within(grid())
    .getAllByRole('row')
    .filter((row) => row.hasAttribute('data-index'));
const rowIndexes = () => bodyRows().map((row) => Number(row.getAttribute('aria-rowindex')));
const rowAt = (ariaIndex: number) => grid().querySelector<HTMLElement>(`tr[aria-rowindex="${ariaIndex}"]`);
const viewport = () => grid().parentElement as HTMLElement;

async function renderTable(props: Partial<Parameters<typeof render<typeof DataTableHarness>>[1]> = {}) {
  const result = render(DataTableHarness, { rows: clients(5000), ...props });
  // The virtualizer attaches to its scroll element after mount.
  await waitFor(() => expect(bodyRows().length).toBeGreaterThan(0));
  return result;
}

describe('DataTable: virtualization', () => {
  it('is a grid named by its label that counts every row but renders only a window of them', async () => {
    await renderTable();
    expect(grid().getAttribute('aria-rowcount')).toBe('5001');
    const indexes = rowIndexes();
    // 400 px shows about nine 40 px rows under the header; a few more are kept ready on either side.
    expect(indexes.length).toBeGreaterThanOrEqual(9);
    expect(indexes.length).toBeLessThan(30);
    expect(indexes[0]).toBe(2);
    expect(indexes).toEqual(Array.from({ length: indexes.length }, (_, i) => i + 2));
    expect(
      within(grid())
        .getAllByRole('columnheader')
        .map((h) => h.textContent?.trim().replace(/\s+/g, ' ')),
    ).toEqual(['Client ↕', 'Assigned ↕', 'Plan']);
    expect(rowAt(2)?.textContent).toContain('Client 1');
    // The body is as tall as every row together, so the scrollbar is true to the data.
    expect(grid().querySelector('tbody')?.style.height).toBe(`${5000 * rowHeight}px`);
  });

  it('renders the rows that scrolling brings into view', async () => {
    await renderTable();
    viewport().scrollTop = 2000 * rowHeight;
    await fireEvent.scroll(viewport());
    await waitFor(() => expect(rowAt(2002)).not.toBeNull());
    expect(rowAt(2)).toBeNull();
    expect(rowIndexes().length).toBeLessThan(30);
  });
});

describe('DataTable: keyboard', () => {
  it('offers one tab stop, on the first row, and moves it with the arrow keys', async () => {
    await renderTable();
    const tabStops = bodyRows().filter((row) => row.tabIndex === 0);
    expect(tabStops).toEqual([rowAt(2)]);

    rowAt(2)!.focus();
    await fireEvent.keyDown(rowAt(2)!, { key: 'ArrowDown' });
    await waitFor(() => expect(document.activeElement).toBe(rowAt(3)));
    expect(rowAt(3)!.tabIndex).toBe(0);
    expect(rowAt(2)!.tabIndex).toBe(-1);

    await fireEvent.keyDown(rowAt(3)!, { key: 'ArrowUp' });
    await waitFor(() => expect(document.activeElement).toBe(rowAt(2)));
    await fireEvent.keyDown(rowAt(2)!, { key: 'ArrowUp' });
    expect(document.activeElement).toBe(rowAt(2));
  });

  it('jumps to the last row with End, scrolling it into the window, and back with Home', async () => {
    await renderTable();
    rowAt(2)!.focus();
    await fireEvent.keyDown(rowAt(2)!, { key: 'End' });

    await waitFor(() => expect(document.activeElement).toBe(rowAt(5001)));
    expect(viewport().scrollTop).toBe(headerHeight + 5000 * rowHeight - viewportHeight);
    // The window moved with it: the rows just above the last are rendered, the first ones are gone.
    await waitFor(() => expect(rowAt(4995)).not.toBeNull());
    expect(rowAt(2)).toBeNull();
    expect(rowIndexes().length).toBeLessThan(30);

    await fireEvent.keyDown(rowAt(5001)!, { key: 'Home' });
    await waitFor(() => expect(document.activeElement).toBe(rowAt(2)));
    expect(viewport().scrollTop).toBe(0);
    expect(rowAt(5001)).toBeNull();
  });

  it('moves by a page of visible rows with PageDown and PageUp', async () => {
    await renderTable();
    rowAt(2)!.focus();
    // (400 − 36) / 40 = 9 rows in view; a page keeps one row of context.
    await fireEvent.keyDown(rowAt(2)!, { key: 'PageDown' });
    await waitFor(() => expect(document.activeElement).toBe(rowAt(10)));
    await fireEvent.keyDown(rowAt(10)!, { key: 'PageDown' });
    await waitFor(() => expect(document.activeElement).toBe(rowAt(18)));
    // Row 18 (index 16) ends at 36 + 17 × 40 = 716 px: scrolled so it sits at the bottom.
    expect(viewport().scrollTop).toBe(headerHeight + 17 * rowHeight - viewportHeight);
    await fireEvent.keyDown(rowAt(18)!, { key: 'PageUp' });
    await waitFor(() => expect(document.activeElement).toBe(rowAt(10)));
  });

  it('keeps the active row rendered while the view is scrolled far away, so focus is not lost', async () => {
    await renderTable();
    rowAt(2)!.focus();
    await fireEvent.keyDown(rowAt(2)!, { key: 'ArrowDown' });
    await waitFor(() => expect(document.activeElement).toBe(rowAt(3)));

    viewport().scrollTop = 3000 * rowHeight;
    await fireEvent.scroll(viewport());
    await waitFor(() => expect(rowAt(3002)).not.toBeNull());
    expect(rowAt(3)).not.toBeNull();
    expect(document.activeElement).toBe(rowAt(3));
  });

  it('activates the row with Enter, or on double-click, but leaves Enter on a control in a cell to it', async () => {
    const onActivate = vi.fn();
    await renderTable({ onActivate });
    rowAt(3)!.focus();
    await fireEvent.keyDown(rowAt(3)!, { key: 'Enter' });
    expect(onActivate).toHaveBeenCalledTimes(1);
    expect(onActivate.mock.calls[0]?.[0]).toMatchObject({ id: 'c2', name: 'Client 2' });

    await fireEvent.keyDown(within(rowAt(4)!).getByRole('button', { name: 'Open Client 3' }), { key: 'Enter' });
    expect(onActivate).toHaveBeenCalledTimes(1);

    await fireEvent.dblClick(within(rowAt(5)!).getByText('Client 4', { selector: 'span' }));
    expect(onActivate.mock.calls[1]?.[0]).toMatchObject({ id: 'c4' });
  });

  it('makes a clicked row the active one', async () => {
    await renderTable();
    await fireEvent.click(within(rowAt(6)!).getByText('Enterprise'));
    expect(document.activeElement).toBe(rowAt(6));
    expect(rowAt(6)!.tabIndex).toBe(0);
    await fireEvent.keyDown(rowAt(6)!, { key: 'ArrowDown' });
    await waitFor(() => expect(document.activeElement).toBe(rowAt(7)));
  });

  it('keeps focus on the focused row when rows arrive above it', async () => {
    const rows = clients(50);
    const { rerender } = await renderTable({ rows });
    await fireEvent.click(within(rowAt(4)!).getByText('Client 3'));
    await rerender({ rows: [{ id: 'new', name: 'Client 0', seats: 1, plan: 'Teams' }, ...rows] });
    await waitFor(() => expect(document.activeElement).toBe(rowAt(5)));
    expect(rowAt(5)!.textContent).toContain('Client 3');
    expect(rowAt(4)!.textContent).toContain('Client 2');
  });
});

describe('DataTable: sorting', () => {
  const unordered: Client[] = [
    { id: 'a', name: 'Client 10', seats: 5, plan: 'Teams' },
    { id: 'b', name: 'client 2', seats: 50, plan: 'Teams' },
    { id: 'c', name: 'Ärzte GmbH', seats: 5, plan: 'Enterprise' },
    { id: 'd', name: 'Beta', seats: 9, plan: 'Enterprise' },
  ];
  const names = () => bodyRows().map((row) => row.querySelector('span')?.textContent);
  const header = (name: string) => within(grid()).getByRole('columnheader', { name: new RegExp(`^${name}`) });

  it('sorts on a header button, ascending then descending, with aria-sort on the header', async () => {
    await renderTable({ rows: unordered });
    expect(names()).toEqual(['Client 10', 'client 2', 'Ärzte GmbH', 'Beta']);
    expect(header('Client').getAttribute('aria-sort')).toBe('none');
    expect(header('Plan').hasAttribute('aria-sort')).toBe(false);
    expect(within(header('Plan')).queryByRole('button')).toBeNull();

    const sortButton = within(header('Client')).getByRole('button', { name: /Client/ });
    await fireEvent.click(sortButton);
    // Locale-aware: Ä sorts with A, case is ignored, and numbers compare as numbers.
    expect(names()).toEqual(['Ärzte GmbH', 'Beta', 'client 2', 'Client 10']);
    expect(header('Client').getAttribute('aria-sort')).toBe('ascending');

    await fireEvent.click(sortButton);
    expect(names()).toEqual(['Client 10', 'client 2', 'Beta', 'Ärzte GmbH']);
    expect(header('Client').getAttribute('aria-sort')).toBe('descending');
  });

  it('keeps equal values in their previous order (stable) in both directions', async () => {
    await renderTable({ rows: unordered });
    const seats = within(header('Assigned')).getByRole('button');
    await fireEvent.click(seats);
    expect(names()).toEqual(['Client 10', 'Ärzte GmbH', 'Beta', 'client 2']);
    await fireEvent.click(seats);
    expect(names()).toEqual(['client 2', 'Beta', 'Client 10', 'Ärzte GmbH']);
  });

  it('remembers the sort per table id across remounts, and uses the default sort otherwise', async () => {
    const first = await renderTable({ rows: unordered });
    const sortButton = within(header('Assigned')).getByRole('button');
    await fireEvent.click(sortButton);
    await fireEvent.click(sortButton);
    expect(JSON.parse(localStorage.getItem(prefsKey('clients')) ?? '{}').sort).toEqual({
      key: 'seats',
      direction: 'descending',
    });
    first.unmount();

    await renderTable({ rows: unordered, defaultSort: { key: 'name', direction: 'ascending' } });
    expect(header('Assigned').getAttribute('aria-sort')).toBe('descending');
    expect(names()[0]).toBe('client 2');
  });

  it('ignores a remembered sort on a column that no longer sorts, and unreadable preferences', async () => {
    localStorage.setItem(prefsKey('clients'), JSON.stringify({ sort: { key: 'plan', direction: 'ascending' } }));
    localStorage.setItem(prefsKey('other'), '{not json');
    await renderTable({ rows: unordered, defaultSort: { key: 'name', direction: 'descending' } });
    expect(header('Plan').hasAttribute('aria-sort')).toBe(false);
    expect(header('Client').getAttribute('aria-sort')).toBe('descending');
  });

  it('keeps the active row active when the order changes', async () => {
    await renderTable({ rows: unordered });
    await fireEvent.click(within(bodyRows()[3]!).getByText('Beta', { selector: 'span' }));
    await fireEvent.click(within(header('Client')).getByRole('button'));
    const active = bodyRows().find((row) => row.tabIndex === 0);
    expect(active?.textContent).toContain('Beta');
    expect(active?.getAttribute('aria-rowindex')).toBe('3');
  });
});

describe('DataTable: column widths', () => {
  it('resizes a column from the keyboard and remembers the width', async () => {
    const first = await renderTable({ rows: clients(3) });
    const handle = screen.getByRole('separator', { name: 'Resize Client' });
    expect(handle.tabIndex).toBe(0);
    // jsdom measures nothing, so the first step starts from the 160 px fallback.
    await fireEvent.keyDown(handle, { key: 'ArrowRight' });
    await fireEvent.keyDown(handle, { key: 'ArrowRight', shiftKey: true });
    expect(handle.getAttribute('aria-valuenow')).toBe(String(160 + 16 + 64));
    expect(grid().style.getPropertyValue('--pd-table-columns')).toBe('240px 6rem minmax(8rem, 1fr)');
    expect(JSON.parse(localStorage.getItem(prefsKey('clients')) ?? '{}').widths).toEqual({ name: 240 });
    first.unmount();

    await renderTable({ rows: clients(3) });
    expect(grid().style.getPropertyValue('--pd-table-columns')).toBe('240px 6rem minmax(8rem, 1fr)');
    await fireEvent.keyDown(screen.getByRole('separator', { name: 'Resize Client' }), { key: 'ArrowLeft' });
    expect(grid().style.getPropertyValue('--pd-table-columns')).toMatch(/^224px /);
  });

  it('resizes a column by dragging its edge', async () => {
    await renderTable({ rows: clients(3) });
    const handle = screen.getByRole('separator', { name: 'Resize Client' });
    await fireEvent.pointerDown(handle, { clientX: 100, pointerId: 1 });
    await fireEvent.pointerMove(handle, { clientX: 60, pointerId: 1 });
    await fireEvent.pointerUp(handle, { clientX: 60, pointerId: 1 });
    expect(JSON.parse(localStorage.getItem(prefsKey('clients')) ?? '{}').widths).toEqual({ name: 120 });
  });
});

describe('DataTable: selection', () => {
  const checkbox = (name: string) => screen.getByRole<HTMLInputElement>('checkbox', { name: `Select ${name}` });
  const status = () => screen.getByRole('status');

  it('has no checkboxes unless selectable', async () => {
    await renderTable({ rows: clients(5) });
    expect(screen.queryAllByRole('checkbox')).toEqual([]);
    expect(grid().hasAttribute('aria-multiselectable')).toBe(false);
    expect(bodyRows()[0]!.hasAttribute('aria-selected')).toBe(false);
  });

  it('selects rows with their checkboxes and a range with Shift-click, and counts them', async () => {
    await renderTable({ rows: clients(10), selectable: true });
    expect(grid().getAttribute('aria-multiselectable')).toBe('true');
    expect(status().textContent?.trim()).toBe('');

    await fireEvent.click(checkbox('Client 2'));
    expect(checkbox('Client 2').checked).toBe(true);
    expect(rowAt(3)!.getAttribute('aria-selected')).toBe('true');
    await fireEvent.click(checkbox('Client 5'), { shiftKey: true });

    const checked = screen.getAllByRole<HTMLInputElement>('checkbox').filter((c) => c.checked);
    expect(checked.map((c) => c.getAttribute('aria-label'))).toEqual([
      'Select Client 2',
      'Select Client 3',
      'Select Client 4',
      'Select Client 5',
    ]);
    expect(status().textContent?.trim()).toBe('4 of 10 selected');
    const all = screen.getByRole<HTMLInputElement>('checkbox', { name: 'Select all rows' });
    expect(all.indeterminate).toBe(true);

    // Shift-click from a deselected anchor clears the range.
    await fireEvent.click(checkbox('Client 3'));
    await fireEvent.click(checkbox('Client 5'), { shiftKey: true });
    expect(status().textContent?.trim()).toBe('1 of 10 selected');
    expect(checkbox('Client 2').checked).toBe(true);
  });

  it('hands the selected rows to the bulk actions, which can clear the selection', async () => {
    const onBulk = vi.fn();
    await renderTable({ rows: clients(10), selectable: true, onBulk });
    expect(screen.queryByRole('button', { name: 'Unlink selected' })).toBeNull();

    await fireEvent.click(checkbox('Client 7'));
    await fireEvent.click(checkbox('Client 1'));
    await fireEvent.click(screen.getByRole('button', { name: 'Unlink selected' }));
    expect(onBulk.mock.calls[0]?.[0].map((c: Client) => c.id)).toEqual(['c1', 'c7']);
    expect(status().textContent?.trim()).toBe('');
    expect(screen.queryByRole('button', { name: 'Unlink selected' })).toBeNull();
  });

  it('selects every row with Ctrl+A or the header checkbox, and clears with Escape', async () => {
    await renderTable({ rows: clients(5000), selectable: true });
    rowAt(2)!.focus();
    await fireEvent.keyDown(rowAt(2)!, { key: 'a', ctrlKey: true });
    expect(status().textContent?.trim()).toBe('5000 of 5000 selected');
    const all = screen.getByRole<HTMLInputElement>('checkbox', { name: 'Select all rows' });
    expect(all.checked).toBe(true);
    expect(all.indeterminate).toBe(false);

    await fireEvent.keyDown(rowAt(2)!, { key: 'Escape' });
    expect(status().textContent?.trim()).toBe('');

    await fireEvent.click(all);
    expect(status().textContent?.trim()).toBe('5000 of 5000 selected');
    await fireEvent.click(all);
    expect(status().textContent?.trim()).toBe('');
  });

  it('toggles the active row with Space and extends with Shift+Arrow', async () => {
    await renderTable({ rows: clients(10), selectable: true });
    rowAt(2)!.focus();
    await fireEvent.keyDown(rowAt(2)!, { key: ' ' });
    expect(checkbox('Client 1').checked).toBe(true);
    await fireEvent.keyDown(rowAt(2)!, { key: 'ArrowDown', shiftKey: true });
    await waitFor(() => expect(document.activeElement).toBe(rowAt(3)));
    await fireEvent.keyDown(rowAt(3)!, { key: 'ArrowDown', shiftKey: true });
    await waitFor(() => expect(document.activeElement).toBe(rowAt(4)));
    expect(status().textContent?.trim()).toBe('3 of 10 selected');
    await fireEvent.keyDown(rowAt(4)!, { key: ' ' });
    expect(status().textContent?.trim()).toBe('2 of 10 selected');
  });

  // A browser runs microtasks (Svelte's DOM updates) after each listener returns, before it finishes the click's
  // activation (and undoes a cancelled checkbox toggle); jsdom's synchronous dispatch does not. Flushing from the
  // last listener reproduces the browser's order, where a checkbox the grid re-renders must not be reverted.
  async function browserClick(element: HTMLElement, init: MouseEventInit = {}) {
    const flush = () => flushSync();
    window.addEventListener('click', flush, { once: true });
    try {
      await fireEvent.click(element, init);
    } finally {
      window.removeEventListener('click', flush);
    }
  }

  it('shows the box of a selected row checked and unchecked again, as a browser would paint it', async () => {
    await renderTable({ rows: clients(10), selectable: true });
    await browserClick(checkbox('Client 2'));
    expect(checkbox('Client 2').checked).toBe(true);
    await browserClick(checkbox('Client 5'), { shiftKey: true });
    expect(
      screen
        .getAllByRole<HTMLInputElement>('checkbox')
        .filter((c) => c.checked)
        .map((c) => c.getAttribute('aria-label')),
    ).toEqual(['Select Client 2', 'Select Client 3', 'Select Client 4', 'Select Client 5']);
    // Shift-click on a row already in the anchor's state leaves it as it is, not toggled.
    await browserClick(checkbox('Client 3'), { shiftKey: true });
    expect(checkbox('Client 3').checked).toBe(true);
    await browserClick(checkbox('Client 2'));
    expect(checkbox('Client 2').checked).toBe(false);
  });

  it('checks the header box when every row is selected and marks it mixed when some are', async () => {
    await renderTable({ rows: clients(10), selectable: true });
    const all = screen.getByRole<HTMLInputElement>('checkbox', { name: 'Select all rows' });
    expect(all.checked).toBe(false);
    expect(all.indeterminate).toBe(false);

    await browserClick(all);
    expect(status().textContent?.trim()).toBe('10 of 10 selected');
    expect(all.checked).toBe(true);
    expect(all.indeterminate).toBe(false);
    expect(checkbox('Client 7').checked).toBe(true);

    await browserClick(checkbox('Client 7'));
    expect(all.checked).toBe(false);
    expect(all.indeterminate).toBe(true);

    // From mixed, the header box selects every row.
    await browserClick(all);
    expect(all.checked).toBe(true);
    expect(all.indeterminate).toBe(false);
    expect(checkbox('Client 7').checked).toBe(true);

    await browserClick(all);
    expect(status().textContent?.trim()).toBe('');
    expect(all.checked).toBe(false);
    expect(all.indeterminate).toBe(false);
    expect(checkbox('Client 7').checked).toBe(false);
  });

  it('counts and acts only on selected rows that are still shown after the rows change', async () => {
    const onBulk = vi.fn();
    const { rerender } = await renderTable({ rows: clients(10), selectable: true, onBulk });
    await fireEvent.click(checkbox('Client 2'));
    await fireEvent.click(checkbox('Client 9'));
    await rerender({ rows: clients(5) });
    expect(status().textContent?.trim()).toBe('1 of 5 selected');
    await fireEvent.click(screen.getByRole('button', { name: 'Unlink selected' }));
    expect(onBulk.mock.calls[0]?.[0].map((c: Client) => c.id)).toEqual(['c2']);
  });
});

describe('DataTable: empty and loading', () => {
  it('shows the loading snippet while busy with no rows, then the empty snippet', async () => {
    const { rerender } = render(DataTableHarness, { rows: [], busy: true });
    expect(grid().getAttribute('aria-busy')).toBe('true');
    expect(screen.getByText('Loading clients…')).toBeTruthy();
    expect(screen.queryByText('No clients yet')).toBeNull();

    await rerender({ busy: false });
    expect(grid().hasAttribute('aria-busy')).toBe(false);
    expect(screen.getByText('No clients yet')).toBeTruthy();
    expect(screen.getAllByRole('columnheader')).toHaveLength(3);
    expect(grid().getAttribute('aria-rowcount')).toBe('1');
  });
});
