import { fileURLToPath } from 'node:url';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { svelteTesting } from '@testing-library/svelte/vite';
import { defineConfig } from 'vitest/config';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

// Projects by where code runs (TOOLCHAIN.md): node for main/shared/server code, jsdom for Svelte components.
// The interop project drives the official Bitwarden CLI and is slow; it runs in `npm test` like the rest.
export default defineConfig({
  test: {
    // Most suites wait on HTTP, databases and CLI subprocesses, not the CPU: more workers than the 2 cores pay off.
    maxWorkers: 3,
    projects: [
      {
        test: {
          name: 'node',
          environment: 'node',
          // Some unit tests start built entries or electron-builder's loader: seconds on a busy 2-core machine.
          testTimeout: 30_000,
          include: ['tests/unit/{main,shared,preload,server,packaging,join}/**/*.test.ts', 'tests/unit/*.test.ts'],
        },
      },
      {
        test: {
          name: 'server',
          environment: 'node',
          include: ['tests/server/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'integration',
          environment: 'node',
          include: ['tests/integration/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'interop',
          environment: 'node',
          include: ['tests/interop/**/*.test.ts'],
          testTimeout: 300_000,
          hookTimeout: 300_000,
        },
      },
      {
        plugins: [svelte(), svelteTesting()],
        resolve: { alias: { $lib: here('./src-renderer/lib'), $shared: here('./src-shared') } },
        test: {
          name: 'jsdom',
          environment: 'jsdom',
          include: ['tests/unit/renderer/**/*.test.ts'],
          setupFiles: ['tests/unit/renderer/setup.ts'],
        },
      },
    ],
  },
});
