import { defineConfig } from '@playwright/test';

// End-to-end tests drive Debian's Chromium against the browser shell (TOOLCHAIN.md: no `npx playwright install`).
export default defineConfig({
  testDir: 'tests/e2e',
  // Seeds the demo data once per run; the `demo` fixture copies it (tests/e2e/demoBackend.ts).
  globalSetup: './tests/e2e/globalSetup.ts',
  outputDir: 'test-results/e2e',
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
