/**
 * In-page helpers for the renderer benchmarks (`pageProbe.browser.js`, installed with `addInitScript` so they
 * survive reloads): raw IndexedDB reads of the app's account cache (`provider-desk:<accountId>`, see
 * src-renderer/lib/cache/accountCache.ts) without Dexie, and a paint clock.
 *
 * The paint clock: after a user input (its `event.timeStamp`), every DOM mutation re-arms "the next frame"; the
 * input's latency runs from the input to the end of the frame after the last mutation it caused (a
 * requestAnimationFrame, then a message posted from it, which runs once that frame is painted). Inputs are spaced
 * so that one input's updates end before the next.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';

export interface Probe {
  cacheName(): Promise<string | null>;
  count(store: string): Promise<number>;
  scopes(): Promise<{ scope: string; state: { run: { continuationToken: string | null } | null } }[]>;
  clients(limit: number): Promise<{ name: string | null; organizationId: string; providerId: string }[]>;
  /** Writes `count` copies of `scope`'s cached events (keys numbered from `offset`). */
  topUp(scope: string, count: number, offset: number, chunk: number): Promise<void>;
  /** Starts timing the inputs of `type` ('keydown', 'click', 'change'). */
  arm(type: string): void;
  /** Latencies (ms) of the inputs seen since `arm`; stops timing. */
  collect(): number[];
  /**
   * After the next input `arm` sees: ms from it until the first element matching `selector` shows other text than
   * it did when this was called (the first rows of a new answer), that frame painted.
   */
  firstRowChange(selector: string, timeoutMs: number): Promise<number>;
  /**
   * Waits until `selector` matches (with `text` in it) and that frame is painted; resolves with the ms since the
   * last input `arm` saw (or since the call, when none). Start it before the input so nothing is missed.
   */
  until(selector: string, text: string | null, timeoutMs: number): Promise<number>;
}

/**
 * The page's global as `page.evaluate` callbacks see it: `(globalThis as unknown as ProbeGlobal).__pdBench`
 * (written out in each callback: they run in the page, where no Node helper exists).
 */
export type ProbeGlobal = { __pdBench: Probe };

export async function installProbe(page: Page): Promise<void> {
  await page.addInitScript({ content: readFileSync(join(import.meta.dirname, 'pageProbe.browser.js'), 'utf8') });
}
