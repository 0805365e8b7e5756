// The local provider backend for `npm start`: seeded with demo data on first run, HTTPS with its own local CA,
// SQLite in the OS app-data folder. Started before the app, stopped when the app quits.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync, chmodSync } from 'node:fs';
import { request } from 'node:https';
import { homedir } from 'node:os';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const tsx = join(root, 'node_modules', '.bin', 'tsx');
const cli = join(root, 'src-server', 'cli.ts');
export const localPort = 8443;

/** Same folder rule as the backend's own default (src-server/config.ts) and the app's `localServerCa`. */
export function serverDataDir(env = process.env, platform = process.platform) {
  if (env.PD_DATA_DIR) return env.PD_DATA_DIR;
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Provider Desk Server');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Provider Desk Server');
  return join(env.XDG_DATA_HOME ?? join(homedir(), '.local', 'share'), 'provider-desk-server');
}

function caFile(dataDir) {
  return join(dataDir, 'tls', 'ca.crt');
}

/** Resolves true when a Provider Desk backend trusted through our CA answers on the port. */
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

/** Seeds demo data once per data folder, keeping the printed accounts to show on every start. */
function seedOnce(dataDir, log) {
  const accountsFile = join(dataDir, 'demo-accounts.txt');
  if (existsSync(accountsFile)) return readFileSync(accountsFile, 'utf8');
  log('Seeding demo data (first start only)…');
  const seeded = spawnSync(tsx, [cli, 'seed-demo', '--data-dir', dataDir], {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (seeded.status !== 0) throw new Error('seed-demo failed (see above)');
  writeFileSync(accountsFile, seeded.stdout);
  chmodSync(accountsFile, 0o600);
  return seeded.stdout;
}

/**
 * Starts the backend unless ours already runs on the port. Returns the URL, the demo accounts text and a stop
 * function (a no-op when the backend was already running and is not ours to stop).
 */
export async function startLocalServer({ log = (line) => console.error(line), env = process.env } = {}) {
  const dataDir = serverDataDir(env);
  const url = `https://localhost:${localPort}`;
  if (await isServing(dataDir)) {
    log(`Using the provider backend already running at ${url}.`);
    return { url, dataDir, accounts: readIfExists(join(dataDir, 'demo-accounts.txt')), stop: async () => {} };
  }
  const accounts = seedOnce(dataDir, log);
  log(`Starting the provider backend at ${url} (data: ${dataDir})…`);
  const child = spawn(tsx, [cli, 'serve', '--tls-self-signed', '--port', String(localPort), '--data-dir', dataDir], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr = (stderr + chunk).slice(-4000)));
  const exited = new Promise((resolve) => child.on('exit', resolve));
  for (let waited = 0; !(await isServing(dataDir)); waited += 250) {
    if (child.exitCode !== null || waited > 60_000) {
      child.kill();
      throw new Error(`the provider backend did not start:\n${stderr.trim()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return {
    url,
    dataDir,
    accounts,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

function readIfExists(file) {
  return existsSync(file) ? readFileSync(file, 'utf8') : '';
}
