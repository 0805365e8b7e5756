import { SvelteMap } from 'svelte/reactivity';
import type { PaletteItem } from './items';

/**
 * Where pages and stores hand the palette their items (the clients list, later actions), by source name.
 * `set` replaces a source's items and returns the function that removes them, so a component can write
 * `$effect(() => paletteRegistry.set('clients', items))`. Order: sources in the order first set, each source's
 * items in its own order (recent and pinned first, as the source decides).
 */
export class PaletteRegistry {
  #sources = new SvelteMap<string, readonly PaletteItem[]>();

  readonly items: readonly PaletteItem[] = $derived([...this.#sources.values()].flat());

  set(source: string, items: readonly PaletteItem[]): () => void {
    this.#sources.set(source, items);
    return () => {
      // Only remove what this call put there; a later `set` from the same source stays.
      if (this.#sources.get(source) === items) this.remove(source);
    };
  }

  remove(source: string): void {
    this.#sources.delete(source);
  }
}

/** The app's registry; the frame's palette shows its items after the sections. */
export const paletteRegistry = new PaletteRegistry();
