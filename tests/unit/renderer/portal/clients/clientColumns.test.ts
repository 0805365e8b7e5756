import { describe, expect, it } from 'vitest';
import { clientColumnWidths } from '../../../../../src-renderer/lib/portal/clients/ClientsGrid.svelte';

const rem = 16;
/** What the window leaves the grid: AppFrame's 13.5rem sidebar, main's 1.75rem padding each side, the grid's
 * 1px border each side and a 15px vertical scrollbar. */
const gridWidth = (windowWidth: number) => windowWidth - 13.5 * rem - 2 * 1.75 * rem - 2 - 15;

/** A track's floor and ceiling in pixels; an `fr` track has no ceiling. Only the forms the grid uses. */
function track(size: string): { min: number; max: number } {
  const px = (value: string) => {
    if (value.endsWith('fr')) return Infinity;
    if (value.endsWith('rem')) return parseFloat(value) * rem;
    if (value.endsWith('px')) return parseFloat(value);
    throw new Error(`unexpected track size ${value}`);
  };
  const range = /^minmax\(([^,]+),\s*([^)]+)\)$/.exec(size);
  if (!range) return { min: px(size), max: px(size) };
  return { min: px(range[1]!), max: px(range[2]!) };
}

const others = Object.entries(clientColumnWidths)
  .filter(([key]) => key !== 'name')
  .map(([, size]) => track(size));
const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

describe('Clients grid columns', () => {
  it('lets Client take the free space and caps every other column', () => {
    expect(track(clientColumnWidths.name).max).toBe(Infinity);
    for (const column of others) expect(column.max).toBeLessThan(Infinity);
  });

  it('fits every column at 1024 px', () => {
    expect(track(clientColumnWidths.name).min + sum(others.map((c) => c.min))).toBeLessThanOrEqual(gridWidth(1024));
  });

  it('leaves Client room for a long name at 1280 px, with a Seat use column no wider than its bar needs', () => {
    // CSS grid grows capped tracks to their ceiling before an fr track takes what is left.
    const client = gridWidth(1280) - sum(others.map((c) => c.max));
    expect(client).toBeGreaterThanOrEqual(18 * rem);
    expect(track(clientColumnWidths.use).max).toBeLessThanOrEqual(8 * rem);
  });
});
