/**
 * The main process's share of "sync 100,000 events into the cache": a first sync of the scale provider's event log
 * with the real session and sync services in this Node process, batches counted and dropped (no renderer, no
 * IndexedDB). Compare with the renderer bench's figure to see where the time goes.
 *
 *   npx tsx bench/session/syncEvents.ts [--clients 5000] [--events 1000000] [--quick]
 *
 * Prints figures; asserts nothing. Uses the scale database of bench/server (seeded once).
 */
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import type { SyncBatch } from '../../src-shared/contract';
import { parsePushPayload } from '../../src-main/ipc/dispatch';
import { createMemorySecretStore } from '../../src-main/platform/secretStoreMemory';
import { createSessionService } from '../../src-main/session/sessionService';
import { createSyncService } from '../../src-main/sync/syncService';
import type { Row } from '../report';
import { formatReport } from '../report';
import { benchOptions, scaleData, startServer, type BenchOptions, type ScaleData } from '../server/scaleServer';

/** Stops the run after this many events: three 100,000 windows say what the whole log would. */
const ENOUGH = 300_000;

export async function mainSyncRows(serverUrl: string, data: ScaleData, o: BenchOptions): Promise<Row[]> {
  let events = 0;
  let stop = () => {};
  let serialized = 0;
  const marks: number[] = [];
  let started = 0;
  const emit = (event: string, payload: unknown) => {
    if (event !== 'sync.batch') return;
    // What the shells do with each push event before it leaves main: the contract's check, then JSON.
    const batch = parsePushPayload(event, payload) as SyncBatch;
    if (batch.kind !== 'events') return;
    if (events === 0) started ||= performance.now();
    events += batch.events.length;
    serialized += JSON.stringify({ type: 'event', event, payload: batch }).length;
    while (events >= (marks.length + 1) * 100_000) marks.push(performance.now());
    if (events >= ENOUGH) stop();
  };
  const session = createSessionService({
    secrets: createMemorySecretStore(),
    identity: { appVersion: 'bench', device: { identifier: randomUUID(), type: 8, name: 'linux' } },
    emit: emit as never,
  });
  const sync = createSyncService({ session, emit: emit as never, syncIntervalMinutes: () => 0 });
  try {
    const login = await session.login({
      server: { kind: 'selfHosted', baseUrl: serverUrl },
      email: data.email,
      masterPassword: data.password,
    });
    if (login.status !== 'ready') throw new Error(`expected a ready session, got ${login.status}`);
    const membersDone = performance.now();
    started = 0;
    const accountId = session.activeAccountId()!;
    stop = () => sync.cancel(accountId);
    const outcome = await sync.start({ state: { datasets: {}, eventScopes: {} } }).done;
    if (outcome !== 'done' && events < ENOUGH) throw new Error(`sync ${outcome}`);
    const total = (performance.now() - (started || membersDone)) / 1000;
    const windows = marks.map((t, i) => (t - (i === 0 ? started : marks[i - 1]!)) / 1000);
    return [
      {
        name: 'sync in main alone: 100,000 events fetched and sent',
        unit: 's',
        samples: windows,
        note: `${events.toLocaleString('en-US')} events${events >= ENOUGH ? ' (stopped there)' : ''} in ${total.toFixed(1)} s (${Math.round(events / total).toLocaleString('en-US')}/s), ${Math.round(serialized / events)} bytes each as sent to the renderer; no IndexedDB`,
        command: `npx tsx bench/session/syncEvents.ts --clients ${o.clients} --events ${o.events}`,
      },
    ];
  } finally {
    sync.dispose();
    session.dispose();
  }
}

async function main(): Promise<void> {
  const o = benchOptions();
  const data = await scaleData('sqlite', o);
  const server = await startServer(data);
  try {
    console.log(formatReport(await mainSyncRows(server.url, data, o)));
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
