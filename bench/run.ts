/**
 * `npm run bench` (scripts/bench.mjs runs this after making sure the build exists): every budget of DESIGN.md's
 * "Performance budgets" on the scale data, in one table, plus the other figures.
 *
 *   npm run bench [-- --quick] [--only server|renderer] [--backend sqlite|postgres|both] [--clients N] [--events M]
 *
 * Per backend: the scale database (seeded once, kept under the OS temp folder or PD_BENCH_DIR; PostgreSQL when
 * DATABASE_URL_BENCH or DATABASE_URL_TEST is set), a real server in a child process on loopback, the backend
 * measures (client list, event paging, both under bounded concurrent load), and on SQLite the main-process sync
 * and the renderer measures in Chromium through the browser shell. Rows go to bench/results/<time>.json too.
 */
import { join, resolve } from 'node:path';
import { formatReport, formatRows, machineLine, writeJson, type Row } from './report';
import { rendererMeasures } from './renderer/portal';
import { eventMeasures } from './server/events';
import { listClientMeasures } from './server/listClients';
import { benchOptions, login, scaleData, startServer, stats, type Backend, type Measure } from './server/scaleServer';
import { mainSyncRows } from './session/syncEvents';

const o = benchOptions();
const size = `--clients ${o.clients} --events ${o.events}`;
const rows: Row[] = [];
const started = Date.now();
const startedOn = machineLine();
console.log(startedOn);
const file = resolve(
  o.json ?? join(import.meta.dirname, 'results', `${new Date().toISOString().replace(/[:.]/g, '-')}.json`),
);

/** Keeps a part's rows, prints them, and saves everything so far (a run cut short keeps what it measured). */
function record(part: string, partRows: Row[]): void {
  rows.push(...partRows);
  console.log(`\n${part}\n${formatRows(partRows)}\n`);
  writeJson(file, {
    at: new Date().toISOString(),
    machine: { atStart: startedOn, now: machineLine() },
    options: o,
    rows: rows.map((r) => ({ ...r, stats: r.samples.length ? stats(r.samples) : null })),
  });
}

function serverRows(backend: Backend, measures: Measure[]): Row[] {
  return measures.map((m) => ({
    ...(m.budgetMs !== undefined && backend === 'sqlite' && { budget: 'backend-list' as const }),
    name: `${backend}: ${m.name}`,
    unit: 'ms',
    samples: m.samples,
    note: m.note,
    command: `npx tsx bench/server/all.ts --backend ${backend} ${size}`,
  }));
}

const failed = (name: string, command: string, error: unknown): Row => ({
  name,
  unit: 'ms',
  samples: [],
  notMeasured: `failed: ${(error as Error).message.split('\n')[0]}`,
  command,
});

for (const backend of o.backends) {
  const data = await scaleData(backend, o);
  const server = await startServer(data);
  try {
    if (o.only !== 'renderer') {
      console.log(`[${backend}] backend measures`);
      const token = await login(server.url, data);
      record(
        `Backend, ${backend}: client list`,
        serverRows(backend, await listClientMeasures(server.url, token, data, o, backend)),
      );
      record(`Backend, ${backend}: events`, serverRows(backend, await eventMeasures(server.url, token, data, o)));
    }
    if (backend === 'sqlite' && o.only !== 'server') {
      console.log('[main] first sync without a renderer');
      record(
        'Main process: first sync without a renderer',
        await mainSyncRows(server.url, data, o).catch((e: unknown) => [
          failed('sync in main alone', `npx tsx bench/session/syncEvents.ts ${size}`, e),
        ]),
      );
      console.log('[renderer] Chromium through the browser shell');
      record(
        'Renderer: Chromium through the browser shell',
        await rendererMeasures(server.url, data, o).catch((e: unknown) => [
          failed('renderer measures', `npx tsx bench/renderer/portal.ts ${size}`, e),
        ]),
      );
    }
  } finally {
    await server.stop();
  }
}

console.log(
  `\nProvider Desk benchmarks: ${o.clients.toLocaleString('en-US')} clients, ${o.events.toLocaleString('en-US')} events${o.quick ? ' (--quick)' : ''}; ${((Date.now() - started) / 1000).toFixed(0)} s\n`,
);
console.log(`At start: ${startedOn}\nAt end:   ${machineLine()}\n`);
console.log(formatReport(rows));
console.log(`\nRows and samples: ${file}`);
process.exit(0);
