// `npm start`: build what is stale, start the local provider backend (seeded with demo data on first run) unless
// `--server <url>` names another, then run the Electron app — or the browser shell where Electron's binary is not
// available. Says which shell it chose and why, on stderr: stdout carries only the app's own line.
// Quitting the app stops the backend this script started.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startLocalServer } from './localServer.mjs';

const root = join(import.meta.dirname, '..');
const { values: flags, tokens } = parseArgs({
  options: { web: { type: 'boolean' }, server: { type: 'string' }, 'no-server': { type: 'boolean' } },
  strict: false,
  tokens: true,
});
// Everything but our own flags goes to the shell (--no-open, --port, --data-dir …).
const shellArgs = tokens
  .filter((t) => t.kind === 'option' && !['web', 'server', 'no-server'].includes(t.name))
  .flatMap((t) => (t.value === undefined ? [t.rawName] : [t.rawName, t.value]));

const build = spawnSync(process.execPath, [join(root, 'scripts/build.mjs'), '--if-stale'], {
  cwd: root,
  stdio: ['ignore', process.stderr, process.stderr],
});
if (build.status !== 0) process.exit(build.status ?? 1);

let backend = { stop: async () => {} };
let server = typeof flags.server === 'string' ? flags.server : undefined;
if (!server && !flags['no-server']) {
  try {
    backend = await startLocalServer();
    server = 'local';
    if (backend.accounts) console.error(`\nDemo accounts on the local provider backend:\n${backend.accounts.trim()}\n`);
  } catch (error) {
    console.error(`Provider Desk: ${error.message}`);
    process.exit(1);
  }
}

const electron = flags.web ? { path: null, why: 'you asked for the browser shell (--web)' } : findElectron();
const serverArgs = server ? ['--server', server] : [];
if (electron.path) {
  console.error(`Starting the Electron app (${electron.why}).`);
  runChild(electron.path, [root, ...serverArgs, ...shellArgs]);
} else {
  console.error(`Starting the browser shell: ${electron.why}.`);
  runChild(process.execPath, [join(root, 'out/main/web.js'), ...serverArgs, ...shellArgs]);
}

function electronBinary() {
  const dir = join(root, 'node_modules', 'electron');
  const pathFile = join(dir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(dir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

function findElectron() {
  const present = electronBinary();
  if (present) return { path: present, why: "Electron's binary is installed" };
  console.error("Electron's binary is not installed yet; trying to fetch it (npx install-electron)…");
  const fetch = spawnSync(process.execPath, [join(root, 'node_modules/electron/install.js')], {
    cwd: root,
    encoding: 'utf8',
    timeout: 180_000,
  });
  const fetched = electronBinary();
  if (fetch.status === 0 && fetched) return { path: fetched, why: "Electron's binary was just fetched" };
  const reason =
    fetch.error?.message ??
    (fetch.stderr || '')
      .split('\n')
      .find((line) => /error/i.test(line))
      ?.trim() ??
    'unknown error';
  return { path: null, why: `Electron's binary could not be fetched (${reason.slice(0, 160)})` };
}

function runChild(command, childArgs) {
  const child = spawn(command, childArgs, { cwd: root, stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', async (code, signal) => {
    await backend.stop();
    process.exit(code ?? (signal ? 0 : 1));
  });
}
