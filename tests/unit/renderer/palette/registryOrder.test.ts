import { describe, expect, it } from 'vitest';
import type { PaletteItem } from '../../../../src-renderer/lib/palette/items';
import { PaletteRegistry } from '../../../../src-renderer/lib/palette/registry.svelte';

const item = (id: string): PaletteItem => ({ id, label: id, kind: 'Client', run: () => undefined });

describe('PaletteRegistry order', () => {
  it('lists sources by order, negative ones as leading, ties in the order first set', () => {
    const registry = new PaletteRegistry();
    registry.set('clients', [item('c')], 2);
    registry.set('links', [item('l')]);
    registry.set('actions', [item('a')], 1);
    registry.set('favourites', [item('f')], -1);
    expect(registry.leading.map((i) => i.id)).toEqual(['f']);
    expect(registry.items.map((i) => i.id)).toEqual(['l', 'a', 'c']);
    registry.set('links', [item('l2')], 3);
    expect(registry.items.map((i) => i.id)).toEqual(['a', 'c', 'l2']);
  });
});
