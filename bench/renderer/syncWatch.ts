/**
 * Times the first sync of the provider event log into the renderer's cache ("sync 100,000 events from the backend
 * into the cache ≤ 10 s"). Main sends each `sync.batch` over the browser shell's WebSocket with the scope state the
 * renderer stores with it (in the same transaction); the page is polled for the stored state, so the time a batch
 * is *stored* is known, not only when it was sent. The clock starts when main begins fetching events (its last
 * progress report before the first event batch).
 */
import type { Page } from 'playwright-core';
import type { ProbeGlobal } from './pageProbe';

interface Batch {
  /** When the frame arrived (ms, Date.now()). */
  at: number;
  events: number;
  cumulative: number;
  token: string | null;
}

interface Frame {
  type: string;
  event?: string;
  payload?: {
    kind?: string;
    scope?: string;
    events?: unknown[];
    state?: { run: { continuationToken: string | null } | null };
    phase?: string;
  };
}

export class SyncWatch {
  scope: string | null = null;
  /** Event batches main sent, in order. */
  readonly batches: Batch[] = [];
  /** When main reported its last non-event progress before the first event batch (ms, Date.now()). */
  eventsStartedAt: number | null = null;
  private lastProgressAt: number | null = null;
  /** When the page had stored at least `cumulative` events: [ms, cumulative]. */
  readonly stored: [number, number][] = [];

  attach(page: Page): void {
    page.on('websocket', (ws) =>
      ws.on('framereceived', ({ payload }) => {
        if (typeof payload !== 'string' || !payload.includes('"sync.')) return;
        const frame = JSON.parse(payload) as Frame;
        if (frame.type !== 'event') return;
        if (frame.event === 'sync.progress' && frame.payload?.phase !== 'events') this.lastProgressAt = Date.now();
        if (frame.event !== 'sync.batch' || frame.payload?.kind !== 'events') return;
        this.scope ??= frame.payload.scope ?? null;
        if (frame.payload.scope !== this.scope) return;
        this.eventsStartedAt ??= this.lastProgressAt ?? Date.now();
        const events = frame.payload.events?.length ?? 0;
        this.batches.push({
          at: Date.now(),
          events,
          cumulative: (this.batches.at(-1)?.cumulative ?? 0) + events,
          token: frame.payload.state?.run?.continuationToken ?? null,
        });
      }),
    );
  }

  /** Events the page has stored, from its stored scope state. */
  private async storedCount(page: Page): Promise<{ count: number; finished: boolean }> {
    const scopes = await page.evaluate(() => (globalThis as unknown as ProbeGlobal).__pdBench.scopes());
    const row = scopes.find((s) => s.scope === this.scope);
    if (!row) return { count: 0, finished: false };
    if (row.state.run === null) return { count: this.batches.at(-1)?.cumulative ?? 0, finished: true };
    const token = row.state.run.continuationToken;
    const batch = this.batches.findLast((b) => b.token === token);
    return { count: batch?.cumulative ?? 0, finished: false };
  }

  /** Polls until the run is stored completely (or `timeoutMs`); returns whether it finished. */
  async waitStored(page: Page, timeoutMs: number, report: (count: number) => void): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    let lastReport = 0;
    while (Date.now() < deadline) {
      if (this.scope) {
        const { count, finished } = await this.storedCount(page);
        if (count > (this.stored.at(-1)?.[1] ?? 0)) this.stored.push([Date.now(), count]);
        if (Date.now() - lastReport > 5000) {
          report(count);
          lastReport = Date.now();
        }
        if (finished) return true;
      }
      await new Promise((ok) => setTimeout(ok, 50));
    }
    return false;
  }

  /** Seconds to store each successive `window` events (the first from the start of the event sync). */
  windows(window: number): number[] {
    if (this.eventsStartedAt === null) return [];
    const out: number[] = [];
    let from = this.eventsStartedAt;
    for (let goal = window; ; goal += window) {
      const reached = this.stored.find(([, count]) => count >= goal);
      if (!reached) break;
      out.push((reached[0] - from) / 1000);
      from = reached[0];
    }
    return out;
  }

  get total(): number {
    return this.stored.at(-1)?.[1] ?? 0;
  }

  /** Seconds from the start of the event sync until main had sent the last batch (fetching, without storing). */
  get sentSeconds(): number {
    const last = this.batches.at(-1);
    return last && this.eventsStartedAt !== null ? (last.at - this.eventsStartedAt) / 1000 : NaN;
  }

  /** Seconds from the start of the event sync to the last stored batch. */
  get seconds(): number {
    const last = this.stored.at(-1);
    return last && this.eventsStartedAt !== null ? (last[0] - this.eventsStartedAt) / 1000 : NaN;
  }
}
