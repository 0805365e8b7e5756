import { resolve } from 'node:path';
import { defineConfig } from 'vite';

// The browser shell's `window.desk`: one classic script, loaded before the app by the web shell's index.html.
export default defineConfig({
  build: {
    outDir: resolve(import.meta.dirname, '../out/web-bridge'),
    emptyOutDir: true,
    minify: false,
    lib: {
      entry: resolve(import.meta.dirname, 'web.ts'),
      formats: ['iife'],
      name: 'providerDeskBridge',
      fileName: () => 'desk-bridge.js',
    },
  },
});
