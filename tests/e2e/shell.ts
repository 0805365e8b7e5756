// Starts the built browser shell (`out/main/web.js`) as `npm start` does after starting the local backend:
// `--server local:<port>` (the sign-in screen preselects "This computer" with that port) and PD_DATA_DIR naming the
// backend's data folder, where the app finds the generated CA (`localCaFor`). No other trust: NODE_EXTRA_CA_CERTS
// is removed from its environment.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Backend } from './backend';

const root = join(import.meta.dirname, '../..');

export interface RunningShell {
  /** The one-time launch URL the shell printed. */
  url: string;
  dataDir: string;
  stop(): void;
}

export async function startShell(
  backend: Pick<Backend, 'port' | 'dataDir'>,
  prefix = 'desk-e2e-',
): Promise<RunningShell> {
  const entry = join(root, 'out/main/web.js');
  if (!existsSync(entry)) throw new Error('Build first: npm run build (npm test does it for you).');
  const dataDir = mkdtempSync(join(tmpdir(), prefix));
  const env: NodeJS.ProcessEnv = { ...process.env, PD_DATA_DIR: backend.dataDir };
  delete env.NODE_EXTRA_CA_CERTS;
  delete env.PROVIDER_DESK_DATA_DIR;
  const child = spawn(
    process.execPath,
    [entry, '--no-open', '--data-dir', dataDir, '--server', `local:${backend.port}`],
    { stdio: ['ignore', 'pipe', 'inherit'], env },
  );
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const match = /^Provider Desk: (\S+)\n/.exec(out);
      if (match) resolve(match[1]!);
    });
    child.on('exit', (code) => reject(new Error(`browser shell exited with ${code}`)));
  });
  return { url, dataDir, stop: () => child.kill('SIGTERM') };
}
