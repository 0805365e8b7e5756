import { render } from '@testing-library/svelte';
import { flushSync } from 'svelte';
import { describe, expect, it } from 'vitest';
import type { PaletteItem } from '../../../../../src-renderer/lib/palette/items';
import { PaletteRegistry } from '../../../../../src-renderer/lib/palette/registry.svelte';
import PaletteSourceHarness from './PaletteSourceHarness.svelte';

const item = (id: string): PaletteItem => ({ id, label: id, kind: 'Client', run: () => undefined });

describe('PaletteRegistry', () => {
  it('lists items by source, in the order sources were first set', () => {
    const registry = new PaletteRegistry();
    registry.set('clients', [item('a'), item('b')]);
    registry.set('actions', [item('x')]);
    registry.set('clients', [item('c')]);
    expect(registry.items.map((i) => i.id)).toEqual(['c', 'x']);
  });

  it('removes a source with the function set returned, but not a newer set from the same source', () => {
    const registry = new PaletteRegistry();
    const removeOld = registry.set('clients', [item('a')]);
    registry.set('clients', [item('b')]);
    removeOld();
    expect(registry.items.map((i) => i.id)).toEqual(['b']);
    registry.remove('clients');
    expect(registry.items).toEqual([]);
  });
});

describe('PaletteRegistry from a component', () => {
  it('follows a page’s items through an effect and drops them when the page goes', async () => {
    const registry = new PaletteRegistry();
    const { rerender, unmount } = render(PaletteSourceHarness, { registry, items: [item('a')] });
    expect(registry.items.map((i) => i.id)).toEqual(['a']);
    await rerender({ items: [item('b'), item('c')] });
    expect(registry.items.map((i) => i.id)).toEqual(['b', 'c']);
    unmount();
    flushSync();
    expect(registry.items).toEqual([]);
  });
});
