import { describe, expect, it } from 'vitest';
import { nextSort, orderByRank, SortCache, sortRows, type SortValue } from '../../../../../src-renderer/lib/table/sort';

interface Item {
  id: number;
  value: SortValue;
}

const items = (...values: SortValue[]): Item[] => values.map((value, id) => ({ id, value }));
const ids = (rows: Item[]) => rows.map((row) => row.id);
const byValue = (row: Item) => row.value;

describe('sortRows', () => {
  it('compares text by locale: case- and accent-insensitive, digits as numbers', () => {
    const rows = items('Client 10', 'client 2', 'Zeta', 'Ärzte', 'alpha', 'Client 9');
    expect(sortRows(rows, byValue, 'ascending').map((r) => r.value)).toEqual([
      'alpha',
      'Ärzte',
      'client 2',
      'Client 9',
      'Client 10',
      'Zeta',
    ]);
  });

  it('compares numbers, dates and booleans as numbers', () => {
    expect(ids(sortRows(items(10, 9, 100, -1), byValue, 'ascending'))).toEqual([3, 1, 0, 2]);
    const dates = items(new Date('2024-05-01'), new Date('2023-01-01'), new Date('2024-01-01'));
    expect(ids(sortRows(dates, byValue, 'descending'))).toEqual([0, 2, 1]);
    expect(ids(sortRows(items(true, false, true), byValue, 'ascending'))).toEqual([1, 0, 2]);
  });

  it('is stable: equal values keep their input order in both directions', () => {
    const rows = items(5, 1, 5, 1, 5);
    expect(ids(sortRows(rows, byValue, 'ascending'))).toEqual([1, 3, 0, 2, 4]);
    expect(ids(sortRows(rows, byValue, 'descending'))).toEqual([0, 2, 4, 1, 3]);
    // Case-insensitive equals are equal too, so they keep their order.
    expect(ids(sortRows(items('acme', 'ACME', 'Acme'), byValue, 'descending'))).toEqual([0, 1, 2]);
  });

  it('keeps empty values last whichever the direction', () => {
    const rows = items(null, 'b', undefined, '  ', 'a', new Date('nope'), Number.NaN);
    expect(ids(sortRows(rows, byValue, 'ascending'))).toEqual([4, 1, 0, 2, 3, 5, 6]);
    expect(ids(sortRows(rows, byValue, 'descending'))).toEqual([1, 4, 0, 2, 3, 5, 6]);
  });

  it('puts numbers before text in a mixed column', () => {
    expect(sortRows(items('b', 2, 'a', 1), byValue, 'ascending').map((r) => r.value)).toEqual([1, 2, 'a', 'b']);
  });

  it('returns a new array and leaves the input alone', () => {
    const rows = items(3, 1, 2);
    const sorted = sortRows(rows, byValue, 'ascending');
    expect(sorted).not.toBe(rows);
    expect(ids(rows)).toEqual([0, 1, 2]);
  });

  it('reads each value once', () => {
    let reads = 0;
    const rows = items(...Array.from({ length: 500 }, (_, i) => `Client ${(i * 37) % 500}`));
    sortRows(
      rows,
      (row) => {
        reads += 1;
        return row.value;
      },
      'ascending',
    );
    expect(reads).toBe(500);
  });
});

describe('nextSort', () => {
  it('starts a new column ascending and flips the sorted one', () => {
    expect(nextSort(undefined, 'name')).toEqual({ key: 'name', direction: 'ascending' });
    expect(nextSort({ key: 'name', direction: 'ascending' }, 'name')).toEqual({ key: 'name', direction: 'descending' });
    expect(nextSort({ key: 'name', direction: 'descending' }, 'name')).toEqual({ key: 'name', direction: 'ascending' });
    expect(nextSort({ key: 'name', direction: 'descending' }, 'seats')).toEqual({
      key: 'seats',
      direction: 'ascending',
    });
  });
});

describe('SortCache', () => {
  const names = ['Client 10', 'client 2', 'Ärzte', '', 'Beta', 'beta', null, 'Zeta', 'alpha', 'Client 9', 'Beta'];
  const make = () => names.map((name, id) => ({ id, name }));
  const byName = (row: { name: string | null }) => row.name;

  it('gives the same order as sortRows for the full set and any subset, in both directions', () => {
    const rows = make();
    const cache = new SortCache<{ id: number; name: string | null }>();
    const subsets = [rows, rows.filter((r) => r.id % 2 === 0), rows.slice(3, 9), [...rows].reverse(), rows.slice(0, 1)];
    for (const subset of subsets) {
      for (const direction of ['ascending', 'descending'] as const) {
        expect(cache.sort(subset, byName, direction).map((r) => r.id)).toEqual(
          sortRows(subset, byName, direction).map((r) => r.id),
        );
      }
    }
  });

  it('ranks again when a row’s value changed in place, a new row arrives, or the value function changes', () => {
    const rows = make();
    const cache = new SortCache<{ id: number; name: string | null }>();
    cache.sort(rows, byName, 'ascending');

    rows[7]!.name = 'aaa first';
    expect(cache.sort(rows, byName, 'ascending')[0]?.name).toBe('aaa first');

    const added = [...rows, { id: 99, name: '0 zero' }];
    expect(cache.sort(added, byName, 'ascending')[0]?.id).toBe(99);

    const byId = (row: { id: number }) => -row.id;
    expect(cache.sort(added, byId, 'ascending')[0]?.id).toBe(99);
  });

  it('falls back to a plain sort for rows that are not objects', () => {
    const cache = new SortCache<string>();
    expect(cache.sort(['b', 'a', 'c'], (s) => s, 'descending')).toEqual(['c', 'b', 'a']);
  });
});

describe('orderByRank', () => {
  const rows = ['a', 'b', 'c', 'd', 'e', 'f'];
  const ranks = Float64Array.from([2, Infinity, 0, 2, Infinity, 1]);

  it('orders by rank, equal ranks in input order, empty values (Infinity) last in both directions', () => {
    expect(orderByRank(rows, ranks, 'ascending')).toEqual(['c', 'f', 'a', 'd', 'b', 'e']);
    expect(orderByRank(rows, ranks, 'descending')).toEqual(['a', 'd', 'f', 'c', 'b', 'e']);
  });

  it('handles no rows, only empty values, and sparse ranks', () => {
    expect(orderByRank([], new Float64Array(0), 'ascending')).toEqual([]);
    expect(orderByRank(['x', 'y'], Float64Array.from([Infinity, Infinity]), 'descending')).toEqual(['x', 'y']);
    expect(orderByRank(['x', 'y', 'z'], Float64Array.from([4999, 7, 4999]), 'ascending')).toEqual(['y', 'x', 'z']);
  });
});
