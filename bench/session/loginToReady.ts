/**
 * Time from the login call to a ready session (keys unlocked) with PBKDF2 600,000, against the real backend
 * started in-process: `npx tsx bench/session/loginToReady.ts [runs]`. Also times the first sync (profile) after
 * it. Prints figures; asserts nothing. The backend runs with its default server-side re-hash (200,000 PBKDF2
 * iterations), as a real deployment would.
 */
import { randomUUID } from 'node:crypto';
import { cpus } from 'node:os';
import { performance } from 'node:perf_hooks';
import { createMemorySecretStore } from '../../src-main/platform/secretStoreMemory';
import { createSessionService } from '../../src-main/session/sessionService';
import { createSyncService } from '../../src-main/sync/syncService';
import { startTestServer } from '../../tests/server/harness';
import { registerUser } from '../../tests/server/users';

const runs = Math.max(1, Number(process.argv[2] ?? 5));
const server = await startTestServer('sqlite', { passwordHashIterations: 200_000 });
const user = await registerUser(server, { kdf: { kdf: 0, iterations: 600_000 } });

const login: number[] = [];
const sync: number[] = [];
for (let i = 0; i < runs; i++) {
  const session = createSessionService({
    secrets: createMemorySecretStore(),
    identity: { appVersion: 'bench', device: { identifier: randomUUID(), type: 8, name: 'linux' } },
    emit: () => {},
  });
  const syncService = createSyncService({ session, emit: () => {}, syncIntervalMinutes: () => 0 });
  const start = performance.now();
  const result = await session.login({
    server: { kind: 'selfHosted', baseUrl: server.url },
    email: user.email,
    masterPassword: user.password,
  });
  if (result.status !== 'ready') throw new Error(`expected a ready session, got ${result.status}`);
  login.push(performance.now() - start);
  const outcome = await syncService.start({ state: { datasets: {}, eventScopes: {} } }).done;
  if (outcome !== 'done') throw new Error(`sync ${outcome}`);
  sync.push(performance.now() - start);
  syncService.dispose();
  session.dispose();
}
await server.close();

const stats = (samples: number[]) => {
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  const ms = (v: number) => `${v.toFixed(0)} ms`.padStart(9);
  return `${ms(median)}${ms(sorted[0]!)}${ms(sorted.at(-1)!)}`;
};
console.log(
  `Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${runs} runs, PBKDF2 600,000\n`,
);
console.log(`${''.padEnd(44)}${'median'.padStart(9)}${'min'.padStart(9)}${'max'.padStart(9)}`);
console.log(`${'login call → session ready (keys unlocked)'.padEnd(44)}${stats(login)}`);
console.log(`${'login call → first sync done'.padEnd(44)}${stats(sync)}`);
