/**
 * Shared by the backend benchmarks: the scale database (seeded once with `seed-scale` and reused), a real server
 * in a child process on loopback (so the load generator does not share its event loop), a provider admin's token
 * from a real password login, a keep-alive HTTP client, bounded concurrent load, and the result table.
 *
 * Backends: SQLite always (a data folder under the OS temp folder, or PD_BENCH_DIR); PostgreSQL when
 * DATABASE_URL_BENCH (or DATABASE_URL_TEST) names a server: a database `pd_bench_<clients>_<events>` is created
 * there, seeded once and kept for the next run (`--fresh` drops and re-seeds it; drop it with `DROP DATABASE`).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import http from 'node:http';
import { createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { deriveMasterKey, DEFAULT_KDF_CONFIG, hashMasterPassword } from '../../src-main/crypto';
import { openDatabase } from '../../src-server/db/database';
import { resolveJwtKeys } from '../../src-server/domain/jwtKeys';
import { loadServerKeys } from '../../src-server/domain/serverKeys';
import { SCALE_DONE, SCALE_MARKER } from '../../src-server/seed/scale';
import { SCALE_ADMIN } from '../../src-server/seed/scaleData';
import { demoPassword } from '../../src-server/seed/seedHttp';

export type Backend = 'sqlite' | 'postgres';

const ROOT = resolve(import.meta.dirname, '../..');
/** PD_BENCH_SERVER_ROOT runs the server of another checkout (before/after comparisons); the seed stays this one's. */
const SERVER_ROOT = process.env.PD_BENCH_SERVER_ROOT ? resolve(process.env.PD_BENCH_SERVER_ROOT) : ROOT;
const CLI = join(ROOT, 'src-server/cli.ts');

export interface BenchOptions {
  clients: number;
  events: number;
  backends: Backend[];
  fresh: boolean;
  /** Sequential samples per measure. */
  requests: number;
  /** Concurrent load: parallel connections, time limit (s) and request limit. */
  concurrency: number;
  seconds: number;
  maxRequests: number;
  /** Events to page through in the walk measure. */
  walk: number;
  /** Smaller data and fewer samples, for development (`--quick`). */
  quick: boolean;
  /** Renderer bench: how long to wait for the first sync (s), and to fill the event cache to `events` (s). */
  syncTimeout: number;
  fillTimeout: number;
  /** `npm run bench`: only the `server` or the `renderer` part. */
  only?: 'server' | 'renderer';
  /** `npm run bench`: where to write the rows as JSON. */
  json?: string;
}

export function benchOptions(argv = process.argv.slice(2)): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      clients: { type: 'string' },
      events: { type: 'string' },
      backend: { type: 'string' },
      fresh: { type: 'boolean' },
      requests: { type: 'string' },
      concurrency: { type: 'string' },
      seconds: { type: 'string' },
      'max-requests': { type: 'string' },
      walk: { type: 'string' },
      quick: { type: 'boolean' },
      'sync-timeout': { type: 'string' },
      'fill-timeout': { type: 'string' },
      only: { type: 'string' },
      json: { type: 'string' },
    },
    allowPositionals: true,
  });
  const quick = values.quick ?? false;
  const num = (v: string | undefined, d: number) => (v === undefined ? d : Math.max(1, Math.floor(Number(v)) || d));
  const pgUrl = postgresAdminUrl();
  const backend = values.backend ?? (pgUrl ? 'both' : 'sqlite');
  const backends: Backend[] = backend === 'both' ? ['sqlite', 'postgres'] : [backend as Backend];
  if (backends.includes('postgres') && !pgUrl)
    throw new Error('PostgreSQL needs DATABASE_URL_BENCH or DATABASE_URL_TEST');
  if (values.only !== undefined && values.only !== 'server' && values.only !== 'renderer')
    throw new Error('--only takes server or renderer');
  return {
    clients: num(values.clients, quick ? 1000 : 5000),
    events: num(values.events, quick ? 200_000 : 1_000_000),
    backends,
    fresh: values.fresh ?? false,
    requests: num(values.requests, quick ? 50 : 200),
    concurrency: num(values.concurrency, 16),
    seconds: num(values.seconds, quick ? 5 : 10),
    maxRequests: num(values['max-requests'], quick ? 500 : 2000),
    walk: num(values.walk, quick ? 20_000 : 100_000),
    quick,
    syncTimeout: num(values['sync-timeout'], 600),
    fillTimeout: num(values['fill-timeout'], quick ? 60 : 180),
    only: values.only as BenchOptions['only'],
    json: values.json,
  };
}

export const postgresAdminUrl = () => process.env.DATABASE_URL_BENCH || process.env.DATABASE_URL_TEST || undefined;

// ---- The scale database ----

interface Target {
  backend: Backend;
  dataDir: string;
  databaseUrl?: string;
}

async function postgresTarget(o: BenchOptions): Promise<Target> {
  const admin = postgresAdminUrl()!;
  const name = `pd_bench_${o.clients}_${o.events}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  try {
    if (o.fresh) await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  const url = new URL(admin);
  url.pathname = `/${name}`;
  const dataDir = join(
    process.env.PD_BENCH_DIR ?? join(tmpdir(), 'provider-desk-bench'),
    `postgres-${o.clients}-${o.events}`,
  );
  mkdirSync(dataDir, { recursive: true });
  return { backend: 'postgres', dataDir, databaseUrl: url.toString() };
}

function sqliteTarget(o: BenchOptions): Target {
  const dataDir = join(
    process.env.PD_BENCH_DIR ?? join(tmpdir(), 'provider-desk-bench'),
    `sqlite-${o.clients}-${o.events}`,
  );
  if (o.fresh) rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });
  return { backend: 'sqlite', dataDir };
}

const cliArgs = (t: Target) => ['--data-dir', t.dataDir, ...(t.databaseUrl ? ['--database-url', t.databaseUrl] : [])];

function runCli(args: string[], quiet = false): Promise<void> {
  return new Promise((ok, fail) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CLI, ...args], {
      cwd: ROOT,
      stdio: quiet ? 'ignore' : 'inherit',
    });
    child.on('exit', (code) => (code === 0 ? ok() : fail(new Error(`cli ${args[0]} exited with ${code}`))));
  });
}

export interface ScaleData {
  target: Target;
  providerId: string;
  email: string;
  password: string;
}

/** The scale database for `backend`, seeded when it is not yet (seed-scale prints its own time). */
export async function scaleData(backend: Backend, o: BenchOptions): Promise<ScaleData> {
  const target = backend === 'postgres' ? await postgresTarget(o) : sqliteTarget(o);
  const read = async () => {
    const db = openDatabase({ dataDir: target.dataDir, databaseUrl: target.databaseUrl });
    try {
      const markers = await db
        .selectFrom('seed_markers')
        .selectAll()
        .where('name', 'in', [SCALE_MARKER, SCALE_DONE])
        .execute()
        .catch(() => []);
      const keys = markers.length ? await loadServerKeys(db, resolveJwtKeys({ dataDir: target.dataDir })) : null;
      return {
        provider: markers.find((m) => m.name === SCALE_MARKER)?.value,
        done: markers.some((m) => m.name === SCALE_DONE),
        keys,
      };
    } finally {
      await db.destroy();
    }
  };
  let state =
    existsSync(target.dataDir) || target.databaseUrl ? await read() : { provider: undefined, done: false, keys: null };
  if (!state.done) {
    console.log(
      `[${backend}] seeding ${o.clients} clients and ${o.events} events (once; kept in ${target.databaseUrl ? target.databaseUrl.replace(/\/\/[^@]*@/, '//') : target.dataDir})`,
    );
    await runCli(['seed-scale', '--clients', String(o.clients), '--events', String(o.events), ...cliArgs(target)]);
    state = await read();
  }
  if (!state.provider || !state.keys) throw new Error('the scale database has no provider');
  return {
    target,
    providerId: state.provider,
    email: SCALE_ADMIN.email,
    password: demoPassword(state.keys.hmac, SCALE_ADMIN.email),
  };
}

// ---- The server (child process) ----

async function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const s = createNetServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const address = s.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      s.close(() => ok(port));
    });
  });
}

export interface RunningServer {
  url: string;
  stop(): Promise<void>;
}

/** `serve` on 127.0.0.1 (plain http: loopback only), waiting until it answers. */
export async function startServer(data: ScaleData): Promise<RunningServer> {
  const port = await freePort();
  const child: ChildProcess = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      join(SERVER_ROOT, 'src-server/cli.ts'),
      'serve',
      ...cliArgs(data.target),
      '--host',
      '127.0.0.1',
      '--port',
      String(port),
      '--insecure-http',
      '--log-level',
      'warn',
    ],
    { cwd: SERVER_ROOT, stdio: ['ignore', 'ignore', 'inherit'] },
  );
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}`);
    try {
      if ((await request(url, 'GET', '/api/config')).status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error('the server did not start within 60 s');
    await new Promise((r) => setTimeout(r, 200));
  }
  await settle(url);
  return {
    url,
    stop: () =>
      new Promise((ok) => {
        if (child.exitCode !== null) return ok();
        child.once('exit', () => ok());
        child.kill('SIGTERM');
      }),
  };
}

/**
 * Waits until the server is idle: on start it runs the billing sweep (seat snapshots of every client), which would
 * otherwise share the event loop with the first measured requests. Idle = three quick answers in a row (max 60 s).
 */
async function settle(url: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  let quick = 0;
  while (quick < 3 && Date.now() < deadline) {
    const r = await request(url, 'GET', '/api/config');
    quick = r.ms < 3 ? quick + 1 : 0;
    await new Promise((ok) => setTimeout(ok, 100));
  }
}

// ---- HTTP ----

const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });

export interface Reply {
  status: number;
  body: string;
  ms: number;
}

/** One request on a keep-alive connection; `ms` runs from sending to the last byte of the body. */
export function request(
  base: string,
  method: string,
  path: string,
  o: { token?: string; form?: Record<string, string> } = {},
): Promise<Reply> {
  return new Promise((ok, fail) => {
    const body = o.form ? new URLSearchParams(o.form).toString() : undefined;
    const headers: Record<string, string> = {
      'device-type': '25',
      'bitwarden-client-name': 'cli',
      'bitwarden-client-version': '2026.9.0',
    };
    if (o.token) headers.authorization = `Bearer ${o.token}`;
    if (body) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      headers['content-length'] = String(Buffer.byteLength(body));
    }
    const started = performance.now();
    const req = http.request(`${base}${path}`, { method, headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        ok({
          status: res.statusCode ?? 0,
          body: Buffer.concat(chunks).toString('utf8'),
          ms: performance.now() - started,
        }),
      );
      res.on('error', fail);
    });
    req.on('error', fail);
    req.end(body);
  });
}

/** A real password login of the provider admin (client-side KDF as the app does); returns the access token. */
export async function login(url: string, data: ScaleData): Promise<string> {
  const masterKey = await deriveMasterKey(data.password, data.email, DEFAULT_KDF_CONFIG);
  const res = await request(url, 'POST', '/identity/connect/token', {
    form: {
      scope: 'api offline_access',
      client_id: 'cli',
      deviceType: '25',
      deviceIdentifier: crypto.randomUUID(),
      deviceName: 'bench',
      grant_type: 'password',
      username: data.email,
      password: await hashMasterPassword(masterKey, data.password, 1),
    },
  });
  if (res.status !== 200) throw new Error(`login: ${res.status} ${res.body.slice(0, 200)}`);
  return (JSON.parse(res.body) as { access_token: string }).access_token;
}

// ---- Measuring ----

export interface Measure {
  name: string;
  samples: number[];
  budgetMs?: number;
  note?: string;
}

/** Runs `fn` `n` times one after another (after `warmup` unmeasured runs); returns the durations (ms). */
export async function sequential(n: number, fn: (i: number) => Promise<number>, warmup = 10): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn(-1 - i);
  const out: number[] = [];
  for (let i = 0; i < n; i++) out.push(await fn(i));
  return out;
}

export interface LoadResult {
  samples: number[];
  seconds: number;
  errors: number;
}

/**
 * Bounded concurrent load: `concurrency` workers each send the next request as soon as the previous one finished,
 * until `seconds` have passed or `maxRequests` were sent. Loopback only (the URL is the child server's).
 */
export async function load(
  o: { concurrency: number; seconds: number; maxRequests: number },
  fn: (i: number, worker: number) => Promise<Reply>,
): Promise<LoadResult> {
  const samples: number[] = [];
  let errors = 0;
  let sent = 0;
  const started = performance.now();
  const until = started + o.seconds * 1000;
  const worker = async (w: number) => {
    while (performance.now() < until && sent < o.maxRequests) {
      const i = sent++;
      try {
        const r = await fn(i, w);
        if (r.status === 200) samples.push(r.ms);
        else errors++;
      } catch {
        errors++;
      }
    }
  };
  await Promise.all(Array.from({ length: o.concurrency }, (_, w) => worker(w)));
  return { samples, seconds: (performance.now() - started) / 1000, errors };
}

export function stats(samples: number[]) {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))] ?? NaN;
  const mid = s.length / 2;
  const median = s.length === 0 ? NaN : Number.isInteger(mid) ? (s[mid - 1]! + s[mid]!) / 2 : s[Math.floor(mid)]!;
  return { n: s.length, median, p95: at(0.95), min: s[0] ?? NaN, max: s.at(-1) ?? NaN };
}

const ms = (v: number) => (Number.isFinite(v) ? (v >= 100 ? `${v.toFixed(0)} ms` : `${v.toFixed(1)} ms`) : '—');

/** Prints measure | n | median | p95 | min | max | budget | result (figures only; nothing is asserted). */
export function printTable(title: string, measures: Measure[]): void {
  const rows = measures.map((m) => {
    const s = stats(m.samples);
    const result = m.budgetMs === undefined ? '—' : s.p95 <= m.budgetMs ? 'pass' : 'MISS';
    return [
      m.name,
      String(s.n),
      ms(s.median),
      ms(s.p95),
      ms(s.min),
      ms(s.max),
      m.budgetMs === undefined ? '—' : `p95 ≤ ${m.budgetMs} ms`,
      result,
      m.note ?? '',
    ];
  });
  const head = ['measure', 'n', 'median', 'p95', 'min', 'max', 'budget', 'result', 'note'];
  const width = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) =>
    `| ${r.map((c, i) => (i >= 1 && i <= 5 ? c.padStart(width[i]!) : c.padEnd(width[i]!))).join(' | ')} |`;
  console.log(
    `\n${title}\n${line(head)}\n|${width.map((w, i) => (i >= 1 && i <= 5 ? `${'-'.repeat(w + 1)}:` : '-'.repeat(w + 2))).join('|')}|`,
  );
  for (const r of rows) console.log(line(r));
}

export const loadNote = (r: LoadResult, concurrency: number) =>
  `${concurrency} connections, ${(r.samples.length / r.seconds).toFixed(0)} req/s over ${r.seconds.toFixed(1)} s${r.errors ? `, ${r.errors} errors` : ''}`;
