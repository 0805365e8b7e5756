/**
 * The renderer budgets in Chromium through the browser shell, on the scale data (SQLite backend):
 *
 *   npm run build && npx tsx bench/renderer/portal.ts [--clients 5000] [--events 1000000] [--quick]
 *
 * Signs in as the scale provider admin through the Log in screen, lets the first sync fill the cache (timing each
 * 100,000 events stored), tops the event cache up to `--events` (copies of synced events: the provider's own log
 * is ~57 % of the seeded events), reloads, then measures the client grid, filtering, the palette → client console,
 * the event log and memory. Prints figures; asserts nothing. Rows whose page does not exist say "not measured".
 */
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { formatReport, type Row } from '../report';
import { benchOptions, scaleData, startServer, type BenchOptions, type ScaleData } from '../server/scaleServer';
import { launchBrowser, signIn, startShell } from './browserShell';
import { measureMemory } from './memory';
import {
  clientsColdPaint,
  clientsGridPaint,
  eventLogFirstPages,
  filterKeystrokes,
  NotMeasured,
  paletteToConsole,
} from './measures';
import { installProbe, type ProbeGlobal } from './pageProbe';
import { SyncWatch } from './syncWatch';

const SYNC_WINDOW = 100_000;

export function rendererCommand(o: BenchOptions): string {
  return `npx tsx bench/renderer/portal.ts --clients ${o.clients} --events ${o.events}`;
}

/** Runs `measure`; a NotMeasured (or any failure) becomes a row that says why. */
async function attempt(
  page: Page,
  rows: Row[],
  base: Omit<Row, 'samples'>,
  measure: () => Promise<Partial<Row>>,
): Promise<void> {
  try {
    rows.push({ ...base, samples: [], ...(await measure()) });
  } catch (error) {
    const why = error instanceof NotMeasured ? error.message : `failed: ${(error as Error).message.split('\n')[0]}`;
    rows.push({ ...base, samples: [], notMeasured: why });
    // Leave no palette or dialog open for the next measure.
    await page.keyboard.press('Escape').catch(() => {});
    await page.evaluate(() => (globalThis as unknown as ProbeGlobal).__pdBench.collect()).catch(() => {});
  }
}

export async function rendererMeasures(serverUrl: string, data: ScaleData, o: BenchOptions): Promise<Row[]> {
  const command = rendererCommand(o);
  const say = (line: string) => console.log(`[renderer] ${line}`);
  const rows: Row[] = [];
  const shell = await startShell();
  const stage = await launchBrowser();
  try {
    const page = stage.page;
    await installProbe(page);
    const watch = new SyncWatch();
    watch.attach(page);

    // Sign in; the first sync starts on its own.
    const loginStart = Date.now();
    await signIn(page, shell.url, serverUrl, data.email, data.password);
    say(`signed in, Clients page shown after ${((Date.now() - loginStart) / 1000).toFixed(1)} s; syncing`);
    const finished = await watch.waitStored(page, o.syncTimeout * 1000, (n) =>
      say(`${n.toLocaleString('en-US')} events stored`),
    );
    const windows = watch.windows(SYNC_WINDOW);
    const rate = Math.round(watch.total / watch.seconds);
    rows.push({
      budget: 'sync',
      name: `sync ${SYNC_WINDOW.toLocaleString('en-US')} events into the cache`,
      unit: 's',
      samples: windows,
      note: `each successive 100,000 of ${watch.total.toLocaleString('en-US')} events stored in ${watch.seconds.toFixed(1)} s (${rate.toLocaleString('en-US')}/s; main sent the last batch after ${watch.sentSeconds.toFixed(1)} s)${finished ? '' : `; stopped waiting after ${o.syncTimeout} s`}`,
      ...(windows.length === 0 && { notMeasured: `fewer than ${SYNC_WINDOW} events were stored` }),
      command,
    });
    const clients = await page.evaluate(() => (globalThis as unknown as ProbeGlobal).__pdBench.count('clients'));
    say(
      `sync: ${watch.total.toLocaleString('en-US')} events stored in ${watch.seconds.toFixed(1)} s (sent by main in ${watch.sentSeconds.toFixed(1)} s); ${clients} clients`,
    );

    // Fill the event cache to the budget's size (within --fill-timeout).
    if (watch.scope) await fillEventCache(page, watch.scope, watch.total, o, say);
    const cached = `${clients.toLocaleString('en-US')} clients, ${(await page.evaluate(() => (globalThis as unknown as ProbeGlobal).__pdBench.count('events'))).toLocaleString('en-US')} events cached`;

    await attempt(page, rows, { name: 'clients: reload → grid rows painted', unit: 'ms', command }, async () => {
      const samples: number[] = [];
      for (let i = 0; i < 3; i++) samples.push(await clientsColdPaint(page));
      return { samples, note: `app start included (bridge, session, cache open); ${cached}` };
    });
    await attempt(
      page,
      rows,
      { budget: 'grid-paint', name: 'clients grid first paint', unit: 'ms', command },
      async () => ({
        samples: await clientsGridPaint(page, o.quick ? 10 : 20),
        note: `Settings → Clients (sidebar click) until rows painted; ${cached}`,
      }),
    );
    await attempt(page, rows, { budget: 'filter', name: 'filter per keystroke', unit: 'ms', command }, async () => {
      const names = await sampleNames(page, 3);
      const words = names.map((n) => n.split(' ')[0]!.slice(0, 6));
      return {
        samples: await filterKeystrokes(page, ['dental', ...words], 300),
        note: `typing and Backspace in Search clients: "dental", ${words.map((w) => `"${w}"`).join(', ')}`,
      };
    });
    await attempt(
      page,
      rows,
      { budget: 'console', name: 'palette → client console', unit: 'ms', command },
      async () => {
        const names = await sampleNames(page, o.quick ? 6 : 11);
        return {
          samples: await paletteToConsole(page, names),
          note: 'Ctrl+K, client name, Enter → `Acting client` shows it (first opening not counted)',
        };
      },
    );
    await attempt(
      page,
      rows,
      { budget: 'event-log', name: 'event log: filtered first page', unit: 'ms', command },
      async () => {
        const figures = await eventLogFirstPages(page, o.quick ? 10 : 20, 1000);
        rows.push({
          name: 'event log: first page (Settings → Event logs)',
          unit: 'ms',
          samples: figures.firstPage,
          note: cached,
          command,
        });
        rows.push({
          name: 'event log: filter change → page settled',
          unit: 'ms',
          samples: figures.settled,
          note: 'until the last change it causes is painted (the page loads up to 1,000 rows behind the first 100)',
          command,
        });
        return {
          samples: figures.filtered,
          note: `changing the "${figures.filter}" filter until the new answer's first rows are painted; ${cached}`,
        };
      },
    );
    await attempt(page, rows, { budget: 'memory', name: 'renderer memory', unit: 'MB', command }, async () => {
      await page
        .getByRole('navigation', { name: 'Sections' })
        .getByRole('link', { name: 'Clients', exact: true })
        .click();
      await new Promise((ok) => setTimeout(ok, 1000));
      const samples = await measureMemory(page, stage.userDataDir, 5);
      if (samples.some((s) => s.rendererPssMB === null)) throw new NotMeasured('no renderer process found in /proc');
      const heap = samples.map((s) => s.heapUsedMB).sort((a, b) => a - b)[2]!;
      const rss = samples.map((s) => s.rendererRssMB!).sort((a, b) => a - b)[2]!;
      return {
        samples: samples.map((s) => s.rendererPssMB!),
        note: `renderer process PSS after GC, on the Clients page, every page visited (JS heap ${heap.toFixed(0)} MB, RSS ${rss.toFixed(0)} MB); ${cached}`,
      };
    });
  } finally {
    await stage.close();
    await shell.stop();
  }
  return rows;
}

/** Copies of synced events until the cache holds `--events` of them, or `--fill-timeout` seconds have passed. */
async function fillEventCache(page: Page, scope: string, have: number, o: BenchOptions, say: (l: string) => void) {
  const started = Date.now();
  let count = have;
  while (count < o.events && Date.now() - started < o.fillTimeout * 1000) {
    const n = Math.min(50_000, o.events - count);
    await page.evaluate(([s, c, off]) => (globalThis as unknown as ProbeGlobal).__pdBench.topUp(s!, c!, off!, 10_000), [
      scope,
      n,
      count - have,
    ] as const);
    count += n;
    say(`event cache: ${count.toLocaleString('en-US')} (${((Date.now() - started) / 1000).toFixed(0)} s filling)`);
  }
}

/** Client names from the cache, spread over the list, plain enough to type. */
async function sampleNames(page: Page, n: number): Promise<string[]> {
  const clients = await page.evaluate(() => (globalThis as unknown as ProbeGlobal).__pdBench.clients(5000));
  const names = clients.map((c) => c.name ?? '').filter((name) => /^[A-Za-z][A-Za-z .-]+$/.test(name));
  if (names.length === 0) throw new NotMeasured('no cached client has a plain name to type');
  const step = Math.max(1, Math.floor(names.length / n));
  return Array.from({ length: n }, (_, i) => names[(i * step + 7) % names.length]!);
}

async function main(): Promise<void> {
  const o = benchOptions();
  const data = await scaleData('sqlite', o);
  const server = await startServer(data);
  try {
    const rows = await rendererMeasures(server.url, data, o);
    console.log(`\n${formatReport(rows)}`);
  } finally {
    await server.stop();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().then(
    () => process.exit(0),
    (err: unknown) => {
      console.error(err instanceof Error ? err.stack : err);
      process.exit(1);
    },
  );
}
