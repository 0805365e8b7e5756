import { defineConfig } from '@playwright/test';

// End-to-end tests drive Debian's Chromium against the browser shell (TOOLCHAIN.md: no `npx playwright install`).
export default defineConfig({
  testDir: 'tests/e2e',
  // Seeds the demo data once per run as `npm start`'s first start does; the `demo` fixture copies it
  // (tests/e2e/demoBackend.ts) and serves it as npm start does (scripts/localServer.mjs: HTTPS, local CA).
  globalSetup: './tests/e2e/globalSetup.ts',
  // Several people running the suite on one checkout: PD_E2E_OUTPUT keeps one run's artifacts out of another's.
  outputDir: process.env.PD_E2E_OUTPUT ?? 'test-results/e2e',
  timeout: 30_000,
  fullyParallel: false,
  workers: 1,
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    browserName: 'chromium',
    viewport: { width: 1280, height: 800 },
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
    trace: 'retain-on-failure',
  },
});
