/**
 * Provider event log paging over the scale data (1,000,000 events, 90 days): `GET /api/providers/{id}/events` as
 * the provider admin, 50 a page, newest first, with continuation tokens: the first page (default 30 days and the
 * whole 90 days), pages deep into the range, a long walk (the backend's share of "sync 100,000 events into the
 * cache ≤ 10 s"), a technician's own log, the largest client's org log, and paging under bounded concurrent load.
 *
 *   npx tsx bench/server/events.ts [--clients 5000] [--events 1000000] [--backend sqlite|postgres|both]
 *                                  [--requests 200] [--concurrency 16] [--seconds 10] [--max-requests 2000]
 *                                  [--walk 100000]
 *
 * Prints figures; asserts nothing. The first run seeds the scale database (see scaleServer.ts).
 */
import { performance } from 'node:perf_hooks';
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
  type BenchOptions,
  type Measure,
  type Reply,
  type ScaleData,
} from './scaleServer';

const DAY = 86_400_000;

interface Page {
  data: { date: string }[];
  continuationToken: string | null;
}

export async function eventMeasures(url: string, token: string, data: ScaleData, o: BenchOptions): Promise<Measure[]> {
  const walk = o.walk;
  const P = `/api/providers/${data.providerId}`;
  const now = Date.now();
  const range = `start=${encodeURIComponent(new Date(now - 90 * DAY).toISOString())}&end=${encodeURIComponent(new Date(now).toISOString())}`;
  const get = async (path: string): Promise<Reply & { page: Page }> => {
    const r = await request(url, 'GET', path, { token });
    if (r.status !== 200) throw new Error(`${path.split('?')[0]}: ${r.status} ${r.body.slice(0, 200)}`);
    return { ...r, page: JSON.parse(r.body) as Page };
  };
  const next = (base: string, t: string | null) =>
    t ? `${base}${base.includes('?') ? '&' : '?'}continuationToken=${encodeURIComponent(t)}` : base;
  const measures: Measure[] = [];

  measures.push({
    name: 'events: first page, default 30 days',
    samples: await sequential(o.requests, async () => (await get(`${P}/events`)).ms),
  });
  measures.push({
    name: 'events: first page, 90 days',
    samples: await sequential(o.requests, async () => (await get(`${P}/events?${range}`)).ms),
  });

  // Walk: follow the tokens from the newest event back (what a first sync does).
  const pages = Math.ceil(walk / 50);
  const walkSamples: number[] = [];
  let tokenNext: string | null = null;
  let events = 0;
  const walkStart = performance.now();
  let oldest = '';
  for (let i = 0; i < pages; i++) {
    const r = await get(next(`${P}/events?${range}`, tokenNext));
    walkSamples.push(r.ms);
    events += r.page.data.length;
    oldest = r.page.data.at(-1)?.date ?? oldest;
    tokenNext = r.page.continuationToken;
    if (!tokenNext) break;
  }
  const walkSeconds = (performance.now() - walkStart) / 1000;
  measures.push({
    name: `events: walk ${events.toLocaleString('en-US')} (${walkSamples.length} pages)`,
    samples: walkSamples,
    note: `${walkSeconds.toFixed(1)} s in all, ${Math.round(events / walkSeconds).toLocaleString('en-US')} events/s, back to ${oldest.slice(0, 10)}`,
  });

  // Deep pages: the walk's last token continues ~`walk` events back; each sample re-reads that page.
  if (tokenNext) {
    const deep = next(`${P}/events?${range}`, tokenNext);
    measures.push({
      name: `events: page after ${events.toLocaleString('en-US')} events`,
      samples: await sequential(o.requests, async () => (await get(deep)).ms),
    });
  }
  // Deeper still: a token 80 days back (~90 % of the log newer than it). Tokens are opaque to clients; the bench
  // writes one in the server's format (`date|id`, base64url) to reach that depth without paging there first.
  const deepToken = Buffer.from(
    `${new Date(now - 80 * DAY).toISOString()}|ffffffff-ffff-ffff-ffff-ffffffffffff`,
  ).toString('base64url');
  measures.push({
    name: 'events: page from a token 80 days back',
    samples: await sequential(o.requests, async () => (await get(next(`${P}/events?${range}`, deepToken))).ms),
  });
  // The oldest page of the 90 days (a resumed sync's last page): a range ending 89 days ago.
  const oldRange = `start=${encodeURIComponent(new Date(now - 90 * DAY).toISOString())}&end=${encodeURIComponent(new Date(now - 89 * DAY).toISOString())}`;
  measures.push({
    name: 'events: first page of the oldest day',
    samples: await sequential(o.requests, async () => (await get(`${P}/events?${oldRange}`)).ms),
  });

  // One technician's log (a service user; the admin is the busiest) and the largest client's org log.
  const users = JSON.parse((await request(url, 'GET', `${P}/users`, { token })).body) as {
    data: { id: string; type: number; status: number }[];
  };
  const tech = users.data.find((u) => u.type === 1 && u.status === 2);
  if (tech)
    measures.push({
      name: 'events: a service user, first page, 90 days',
      samples: await sequential(o.requests, async () => (await get(`${P}/users/${tech.id}/events?${range}`)).ms),
    });
  const clients = JSON.parse((await request(url, 'GET', `${P}/organizations`, { token })).body) as {
    data: { organizationId: string; occupiedSeats: number }[];
  };
  const largest = clients.data.reduce((a, b) => (b.occupiedSeats > a.occupiedSeats ? b : a));
  measures.push({
    name: 'org events: largest client, first page, 90 days',
    samples: await sequential(
      o.requests,
      async () => (await get(`/api/organizations/${largest.organizationId}/events?${range}`)).ms,
    ),
    note: `${largest.occupiedSeats} seats used`,
  });

  // Concurrent: each connection walks its own chain of pages from the newest event.
  const chains = new Map<number, string | null>();
  const busy = await load(o, async (_, worker) => {
    const r = await get(next(`${P}/events?${range}`, chains.get(worker) ?? null));
    chains.set(worker, r.page.continuationToken);
    return r;
  });
  measures.push({ name: 'events: paging, concurrent', samples: busy.samples, note: loadNote(busy, o.concurrency) });
  return measures;
}

async function main(): Promise<void> {
  const o = benchOptions();
  for (const backend of o.backends) {
    const data = await scaleData(backend, o);
    const server = await startServer(data);
    try {
      const token = await login(server.url, data);
      const measures = await eventMeasures(server.url, token, data, o);
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
