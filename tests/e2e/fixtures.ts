import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base } from '@playwright/test';
import { registerUser, startBackend, type Backend, type RegisteredUser } from './backend';
import { startDemoBackend, type DemoBackend } from './demoBackend';

const root = join(import.meta.dirname, '../..');

export interface DeskShell {
  /** The one-time launch URL the shell printed. */
  url: string;
  dataDir: string;
}

/**
 * Starts the built browser shell (`out/main/web.js`) on a fresh data folder for each test. `backend` is a real
 * provider backend (one per worker, plain http on 127.0.0.1) and `user` a fresh account registered on it.
 * `demo` is a real backend with the `seed-demo` data (one per worker, copied from the template globalSetup seeds);
 * tests that change it use names of their own, since later tests of the worker see the changes.
 */
export const test = base.extend<{ desk: DeskShell; user: RegisteredUser }, { backend: Backend; demo: DemoBackend }>({
  desk: async ({}, use) => {
    const entry = join(root, 'out/main/web.js');
    if (!existsSync(entry)) throw new Error('Build first: npm run build (npm test does it for you).');
    const dataDir = mkdtempSync(join(tmpdir(), 'desk-e2e-'));
    const child = spawn(process.execPath, [entry, '--no-open', '--data-dir', dataDir], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const url = await firstLine(child);
    await use({ url, dataDir });
    child.kill('SIGTERM');
  },
  backend: [
    async ({}, use) => {
      const backend = await startBackend();
      await use(backend);
      await backend.close();
    },
    { scope: 'worker' },
  ],
  demo: [
    async ({}, use) => {
      const demo = await startDemoBackend();
      await use(demo);
      await demo.close();
    },
    { scope: 'worker', timeout: 60_000 },
  ],
  user: async ({ backend }, use) => {
    await use(await registerUser(backend));
  },
});

function firstLine(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk) => {
      out += chunk;
      const match = /^Provider Desk: (\S+)\n/.exec(out);
      if (match) resolve(match[1]!);
    });
    child.on('exit', (code) => reject(new Error(`browser shell exited with ${code}`)));
  });
}

export { expect } from '@playwright/test';
