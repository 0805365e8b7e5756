import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createDesk } from '../desk';
import { createConfSettingsStore } from '../platform/confSettingsStore';
import { defaultDataDir } from '../platform/dataDir';
import { readOrCreateDeviceIdentifier } from '../platform/deviceIdentifier';
import { acquireInstanceLock, InstanceLockedError } from '../platform/instanceLock';
import { readRememberedPort, rememberPort } from '../platform/rememberedPort';
import { createMemorySecretStore } from '../platform/secretStoreMemory';
import { idleOnlyPowerEvents } from '../session/powerEvents';
import type { ServerEnvironment } from '../../src-shared/contract';
import { parseServerFlag } from './serverFlag';
import { startWebShell } from './webShell';

/**
 * The browser shell's entry (`node out/main/web.js`): the same services as the Electron app, served to a browser
 * on 127.0.0.1. Prints exactly one line `Provider Desk: <url>` to stdout; diagnostics go to stderr.
 */
async function main() {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      'data-dir': { type: 'string' },
      'no-open': { type: 'boolean', default: false },
      server: { type: 'string' },
    },
    allowPositionals: false,
  });
  const dataDir = resolve(values['data-dir'] ?? process.env.PROVIDER_DESK_DATA_DIR ?? defaultDataDir());
  const requestedPort = values.port === undefined ? undefined : Number(values.port);
  if (
    requestedPort !== undefined &&
    !(Number.isInteger(requestedPort) && requestedPort >= 0 && requestedPort < 65536)
  ) {
    fail(`--port must be a port number, not "${values.port}".`);
  }

  let defaultServer: ServerEnvironment | null;
  try {
    defaultServer = parseServerFlag(values.server);
  } catch (error) {
    fail((error as Error).message);
  }
  const lock = acquireInstanceLock(dataDir);
  const outDir = resolve(import.meta.dirname, '..');
  const desk = createDesk({
    identity: { name: 'Provider Desk', version: readVersion(outDir), shell: 'web', defaultServer },
    settingsStore: createConfSettingsStore(dataDir),
    // The browser shell keeps secrets in memory only, and has no suspend or screen-lock signal.
    secretStore: createMemorySecretStore(),
    powerEvents: idleOnlyPowerEvents,
    deviceIdentifier: readOrCreateDeviceIdentifier(dataDir),
  });
  const port = requestedPort ?? readRememberedPort(dataDir) ?? 0;
  const shell = await startWebShell({
    desk,
    port,
    rendererDir: join(outDir, 'renderer'),
    bridgeFile: join(outDir, 'web-bridge', 'desk-bridge.js'),
  }).catch((error: NodeJS.ErrnoException) => {
    lock.release();
    if (error.code === 'EADDRINUSE') fail(`Port ${port} is in use by another program. Choose another with --port.`);
    throw error;
  });
  if (requestedPort === undefined) rememberPort(dataDir, shell.port);
  lock.update(shell.origin);

  const url = shell.launchUrl();
  process.stdout.write(`Provider Desk: ${url}\n`);
  if (!values['no-open']) openBrowser(url);

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await shell.close();
    desk.dispose();
    lock.release();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

function readVersion(outDir: string): string {
  try {
    return (JSON.parse(readFileSync(join(outDir, '..', 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return '0.0.0';
  }
}

function openBrowser(url: string) {
  const [command, args] =
    process.platform === 'darwin'
      ? ['open', [url]]
      : process.platform === 'win32'
        ? ['cmd', ['/c', 'start', '""', url]]
        : ['xdg-open', [url]];
  const child = spawn(command, args as string[], { stdio: 'ignore', detached: true });
  child.on('error', () => process.stderr.write(`Could not open a browser; open the address above yourself.\n`));
  child.unref();
}

function fail(message: string): never {
  process.stderr.write(`Provider Desk: ${message}\n`);
  process.exit(2);
}

main().catch((error: unknown) => {
  if (error instanceof InstanceLockedError) fail(error.message);
  process.stderr.write(`Provider Desk failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
