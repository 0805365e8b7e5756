/**
 * Backend budget "list 5,000 client orgs (SQLite) ≤ 50 ms p95": `GET /api/providers/{id}/organizations` as the
 * provider admin through real HTTP on loopback, one request after another, then under bounded concurrent load.
 * PostgreSQL too when DATABASE_URL_BENCH or DATABASE_URL_TEST is set.
 *
 *   npx tsx bench/server/listClients.ts [--clients 5000] [--events 1000000] [--backend sqlite|postgres|both]
 *                                       [--requests 200] [--concurrency 16] [--seconds 10] [--max-requests 2000]
 *
 * Prints figures; asserts nothing. The first run seeds the scale database (see scaleServer.ts).
 */
import { pathToFileURL } from 'node:url';
import {
  benchOptions,
  load,
  loadNote,
  login,
  printTable,
  request,
  scaleData,
  sequential,
  startServer,
  type Backend,
  type BenchOptions,
  type Measure,
  type ScaleData,
} from './scaleServer';

export const LIST_BUDGET_MS = 50;

export async function listClientMeasures(
  url: string,
  token: string,
  data: ScaleData,
  o: BenchOptions,
  backend: Backend,
): Promise<Measure[]> {
  const path = `/api/providers/${data.providerId}/organizations`;
  const first = await request(url, 'GET', path, { token });
  if (first.status !== 200) throw new Error(`list: ${first.status} ${first.body.slice(0, 200)}`);
  const count = (JSON.parse(first.body) as { data: unknown[] }).data.length;
  const kb = Math.round(first.body.length / 1024);
  const get = async () => {
    const r = await request(url, 'GET', path, { token });
    if (r.status !== 200) throw new Error(`list: ${r.status}`);
    return r;
  };
  const seq = await sequential(o.requests, async () => (await get()).ms);
  const busy = await load(o, () => get());
  const budget = backend === 'sqlite' ? LIST_BUDGET_MS : undefined;
  return [
    {
      name: `list ${count.toLocaleString('en-US')} client orgs, sequential`,
      samples: seq,
      budgetMs: budget,
      note: `${kb} KiB JSON`,
    },
    {
      name: `list ${count.toLocaleString('en-US')} client orgs, concurrent`,
      samples: busy.samples,
      note: loadNote(busy, o.concurrency),
    },
  ];
}

async function main(): Promise<void> {
  const o = benchOptions();
  for (const backend of o.backends) {
    const data = await scaleData(backend, o);
    const server = await startServer(data);
    try {
      const token = await login(server.url, data);
      const measures = await listClientMeasures(server.url, token, data, o, backend);
      printTable(
        `Backend, ${backend}: ${o.clients.toLocaleString('en-US')} clients, ${o.events.toLocaleString('en-US')} events`,
        measures,
      );
    } finally {
      await server.stop();
    }
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
