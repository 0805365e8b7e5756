import { SvelteMap } from 'svelte/reactivity';
import type { PaletteItem } from './items';

interface Source {
  items: readonly PaletteItem[];
  order: number;
}

/**
 * Where pages and stores hand the palette their items (the clients list, actions), by source name.
 * `set` replaces a source's items and returns the function that removes them, so a component can write
 * `$effect(() => paletteRegistry.set('clients', items))`. Order: by each source's `order` (lower first), then the
 * order sources were first set; each source's items in its own order. Sources with a negative order are `leading`:
 * the frame lists them before its sections (pinned and recent clients), the others are `items`, listed after.
 */
export class PaletteRegistry {
  #sources = new SvelteMap<string, Source>();

  readonly #ordered: readonly Source[] = $derived(
    [...this.#sources.values()]
      .map((source, at) => ({ source, at }))
      .sort((a, b) => a.source.order - b.source.order || a.at - b.at)
      .map(({ source }) => source),
  );

  /** Items of sources with a negative order: shown before everything else. */
  readonly leading: readonly PaletteItem[] = $derived(
    this.#ordered.filter((source) => source.order < 0).flatMap((source) => source.items),
  );

  readonly items: readonly PaletteItem[] = $derived(
    this.#ordered.filter((source) => source.order >= 0).flatMap((source) => source.items),
  );

  set(source: string, items: readonly PaletteItem[], order = 0): () => void {
    this.#sources.set(source, { items, order });
    return () => {
      // Only remove what this call put there; a later `set` from the same source stays.
      if (this.#sources.get(source)?.items === items) this.remove(source);
    };
  }

  remove(source: string): void {
    this.#sources.delete(source);
  }
}

/** The app's registry; the frame's palette shows `leading`, then its sections, then `items`. */
export const paletteRegistry = new PaletteRegistry();
