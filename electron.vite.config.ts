import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';

// electron-vite builds main and preload only; the SvelteKit renderer builds on its own (TOOLCHAIN.md).
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rolldownOptions: {
        input: {
          index: resolve(import.meta.dirname, 'src-main/app/electron.ts'),
          web: resolve(import.meta.dirname, 'src-main/app/web.ts'),
        },
        output: { format: 'es', entryFileNames: '[name].js' },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // Bundle everything: a sandboxed preload can require nothing but electron.
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: resolve(import.meta.dirname, 'src-preload/electron.ts') },
        external: ['electron'],
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
});
