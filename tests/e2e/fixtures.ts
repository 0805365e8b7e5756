import { test as base } from '@playwright/test';
import { registerUser, startBackend, type Backend, type RegisteredUser } from './backend';
import { startDemoBackend, type DemoBackend } from './demoBackend';
import { startShell } from './shell';

export interface DeskShell {
  /** The one-time launch URL the shell printed. */
  url: string;
  dataDir: string;
}

/**
 * Starts the built browser shell on a fresh data folder for each test, the way `npm start` does: pointed at the
 * worker's demo backend with `--server local:<port>`, trusting the generated CA only. `backend` is a real provider
 * backend (one per worker, empty) and `user` a fresh account registered on it through the mailed verification link.
 * `demo` is a real backend with the `seed-demo` data (one per worker, copied from the template globalSetup seeds);
 * tests that change it use names of their own, since later tests of the worker see the changes. Every backend of a
 * run shares one generated CA, so the shell trusts each of them ("This computer" with its port).
 */
export const test = base.extend<{ desk: DeskShell; user: RegisteredUser }, { backend: Backend; demo: DemoBackend }>({
  desk: async ({ demo }, use) => {
    const shell = await startShell(demo);
    await use({ url: shell.url, dataDir: shell.dataDir });
    shell.stop();
  },
  backend: [
    async ({}, use) => {
      const backend = await startBackend();
      await use(backend);
      await backend.close();
    },
    { scope: 'worker', timeout: 60_000 },
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

export { expect } from '@playwright/test';
