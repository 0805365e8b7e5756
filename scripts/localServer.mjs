// The local provider backend as users run it, for `npm start` and for every end-to-end test (tests/e2e/backend.ts):
// HTTPS with its own generated local CA (`<dataDir>/tls/`), email verification on (the default), mail into the file
// outbox (`<dataDir>/outbox/`), SQLite in the data folder, seeded once with the `seed-demo` command. Started before
// the app, stopped when the app quits.
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:https';
import { createServer } from 'node:net';
import { homedir } from 'node:os';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const cli = join(root, 'src-server', 'cli.ts');
export const localPort = 8443;

/** Same folder rule as the backend's own default (src-server/config.ts) and the app's `localServerDataDir`. */
export function serverDataDir(env = process.env, platform = process.platform) {
  if (env.PD_DATA_DIR) return env.PD_DATA_DIR;
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Provider Desk Server');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Provider Desk Server');
  return join(env.XDG_DATA_HOME ?? join(homedir(), '.local', 'share'), 'provider-desk-server');
}

export function caFile(dataDir) {
  return join(dataDir, 'tls', 'ca.crt');
}

export function accountsFile(dataDir) {
  return join(dataDir, 'demo-accounts.txt');
}

/** Where the port of the last start is kept, so the next start finds a running backend and keeps its address. */
export function portFile(dataDir) {
  return join(dataDir, 'local-server.json');
}

/** The port this data folder's backend used last, or null. */
export function lastPort(dataDir) {
  try {
    const { port } = JSON.parse(readFileSync(portFile(dataDir), 'utf8'));
    return Number.isInteger(port) && port > 0 && port < 65536 ? port : null;
  } catch {
    return null;
  }
}

function rememberPort(dataDir, port) {
  try {
    writeFileSync(portFile(dataDir), `${JSON.stringify({ port })}\n`, { mode: 0o600 });
  } catch {
    // Only a convenience: the next start then looks at the preferred port first.
  }
}

/** Resolves true when a Provider Desk backend trusted through this data folder's CA answers on the port. */
export function isServing(dataDir, port = localPort) {
  const ca = existsSync(caFile(dataDir)) ? readFileSync(caFile(dataDir)) : undefined;
  if (!ca) return Promise.resolve(false);
  return new Promise((resolve) => {
    const req = request({ host: 'localhost', port, path: '/api/config', ca, timeout: 2000 }, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    req.on('error', () => resolve(false));
    req.on('timeout', () => req.destroy());
    req.end();
  });
}

/** Resolves the port once it could be bound on 127.0.0.1 (and released again), or null when it is taken. */
function tryPort(port) {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(null));
    probe.listen({ host: '127.0.0.1', port, exclusive: true }, () => {
      const bound = probe.address().port;
      probe.close(() => resolve(bound));
    });
  });
}

/** `preferred` when free, else the next free one of the following ten, else any free port; 0 = any free port. */
export async function choosePort(preferred = localPort) {
  if (preferred !== 0) {
    for (let port = preferred; port < Math.min(preferred + 11, 65536); port++) {
      if ((await tryPort(port)) !== null) return port;
    }
  }
  return tryPort(0);
}

function runCli(args, { env, quiet }) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', cli, ...args], {
      cwd: root,
      env,
      stdio: ['ignore', 'pipe', quiet ? 'pipe' : 'inherit'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr?.on('data', (chunk) => (stderr = (stderr + chunk).slice(-4000)));
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve(stdout) : reject(new Error(`${args[0]} failed (exit ${code})\n${stderr.trim()}`)),
    );
  });
}

/**
 * Seeds demo data once per data folder (`seed-demo`, idempotent), keeping what it printed in `demo-accounts.txt`
 * (0600). Returns the accounts text and whether it was seeded now.
 */
async function seedOnce(dataDir, { env, quiet, log }) {
  const file = accountsFile(dataDir);
  if (existsSync(file)) return { accounts: readFileSync(file, 'utf8'), seededNow: false, seedSeconds: null };
  log('Seeding demo data (first start only, about a minute)…');
  const started = Date.now();
  const printed = await runCli(['seed-demo', '--data-dir', dataDir], { env, quiet });
  // Progress lines stay out of the kept list: the provider line, the accounts and the timing remain.
  const accounts = printed
    .split('\n')
    .filter((line) => !line.startsWith('seed-demo: '))
    .join('\n')
    .trim();
  writeFileSync(file, `${accounts}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
  return { accounts, seededNow: true, seedSeconds: (Date.now() - started) / 1000 };
}

/**
 * Starts the backend as `npm start` does, unless one for this data folder already answers on `port`.
 * Options: `dataDir` (default: PD_DATA_DIR or the OS app-data folder), `env` (the server's environment), `port`
 * (8443; when another program holds it, the next free one; 0 = any free port), `seed` (demo data on first start,
 * default true), `quiet` (server warnings only, its output kept for the error message), `log` (progress lines).
 * Returns the URL (`https://localhost:<port>`), the port, the data folder, the CA file, the accounts text, whether it
 * was seeded now, whether a running backend was reused, and a stop function (a no-op for a reused backend).
 */
export async function startLocalServer({
  env = process.env,
  dataDir = serverDataDir(env),
  port: preferred = localPort,
  seed = true,
  quiet = false,
  log = (line) => console.error(line),
} = {}) {
  const childEnv = { ...env, PD_DATA_DIR: dataDir };
  const result = (port, extra) => ({
    url: `https://localhost:${port}`,
    port,
    dataDir,
    caPath: caFile(dataDir),
    accountsFile: accountsFile(dataDir),
    ...extra,
  });
  // The port of the last start comes first: a backend still running there is reused, and a new one keeps the
  // address that signed-in accounts and mailed links already use.
  const previous = preferred === 0 ? null : lastPort(dataDir);
  for (const candidate of new Set([previous, preferred].filter((p) => p !== null && p !== 0))) {
    if (await isServing(dataDir, candidate)) {
      const accounts = existsSync(accountsFile(dataDir)) ? readFileSync(accountsFile(dataDir), 'utf8') : '';
      log(`Using the provider backend already running at https://localhost:${candidate}.`);
      return result(candidate, { accounts, seededNow: false, seedSeconds: null, reused: true, stop: async () => {} });
    }
  }
  const wanted = previous ?? preferred;
  const port = (wanted !== preferred && (await tryPort(wanted))) || (await choosePort(preferred));
  if (port === null) throw new Error('no free port for the provider backend');
  if (preferred !== 0 && port !== preferred) {
    log(
      port === previous
        ? `The provider backend keeps port ${port}, which it used last time (${preferred} was taken then).`
        : `Port ${preferred} is in use by another program; the provider backend uses port ${port} instead.`,
    );
  }
  const seeded = seed
    ? await seedOnce(dataDir, { env: childEnv, quiet, log })
    : { accounts: '', seededNow: false, seedSeconds: null };
  if (!quiet) log(`Starting the provider backend at https://localhost:${port} (data: ${dataDir})…`);
  const args = ['serve', '--tls-self-signed', '--port', String(port), '--data-dir', dataDir];
  if (quiet) args.push('--log-level', 'warn');
  const child = spawn(process.execPath, ['--import', 'tsx', cli, ...args], {
    cwd: root,
    env: childEnv,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr = (stderr + chunk).slice(-4000)));
  const exited = new Promise((resolve) => child.on('exit', resolve));
  const started = Date.now();
  while (!(await isServing(dataDir, port))) {
    if (child.exitCode !== null || Date.now() - started > 60_000) {
      child.kill();
      throw new Error(`the provider backend did not start:\n${stderr.trim()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  rememberPort(dataDir, port);
  return result(port, {
    ...seeded,
    reused: false,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  });
}
