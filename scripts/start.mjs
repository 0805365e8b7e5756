// `npm start`: build what is stale, start the local provider backend (seeded with demo data on first run; reused
// when it already runs for this data folder; on the next free port when another program holds 8443) unless
// `--server <url>` names another, then run the Electron app — or the browser shell where Electron's binary is not
// available. Says which shell it chose and why, on stderr: stdout carries only the app's own line.
// Quitting the app stops the backend this script started.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { localPort, startLocalServer } from './localServer.mjs';

const root = join(import.meta.dirname, '..');
const { values: flags, tokens } = parseArgs({
  options: { web: { type: 'boolean' }, server: { type: 'string' }, 'no-server': { type: 'boolean' } },
  strict: false,
  tokens: true,
});
// Everything but our own flags goes to the shell (--no-open, --port N, --data-dir DIR …), values included.
const ownFlags = new Set(['web', 'server', 'no-server']);
const shellArgs = [];
for (let i = 0; i < tokens.length; i++) {
  const token = tokens[i];
  const next = tokens[i + 1];
  const valueFollows =
    token.kind === 'option' && token.value === undefined && !token.inlineValue && next?.kind === 'positional';
  if (token.kind === 'option' && ownFlags.has(token.name)) {
    if (valueFollows && token.name === 'server') i++;
    continue;
  }
  if (token.kind === 'option')
    shellArgs.push(token.value === undefined ? token.rawName : `${token.rawName}=${token.value}`);
  else if (token.kind === 'positional') shellArgs.push(token.value);
}

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
    // Another program on 8443: the app is told the port the backend took instead.
    server = backend.port === localPort ? 'local' : `local:${backend.port}`;
    printAccounts(backend);
  } catch (error) {
    console.error(`Provider Desk: ${error.message}`);
    process.exit(1);
  }
}

/**
 * Right after seeding: the provider's own accounts (the ones that sign in to Provider Desk) with their passwords and
 * where the full list is kept. Later starts: one line saying where it is kept.
 */
function printAccounts({ accounts, accountsFile, seededNow, seedSeconds }) {
  if (!accounts) return;
  if (!seededNow) {
    console.error(`Demo accounts and their passwords: ${accountsFile} (readable only by you).`);
    return;
  }
  const provider = /^(.+) \(provider [0-9a-f-]+\)/m.exec(accounts)?.[1];
  const rows = accounts.split('\n').filter((line) => /^ {2}\S+@\S+ /.test(line));
  const staff = provider ? rows.filter((line) => line.includes(`  ${provider}: `)) : rows.slice(0, 5);
  console.error(`Seeded the demo data in ${Math.round(seedSeconds)} s.`);
  console.error(`Demo accounts of ${provider ?? 'the demo provider'} (email, password, role):`);
  for (const line of staff) console.error(line.replace(/\s+$/, ''));
  console.error(
    `All ${rows.length} demo accounts (client owners and members too): ${accountsFile} (readable only by you).\n`,
  );
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
