import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig, type Plugin } from 'vite';

/**
 * Two build notices that carry no information here (Kit sets its own `onwarn`, hence a log filter):
 * - the inline bundle is an IIFE, so `import.meta` in Kit's dev-only code and Vite's preload helper becomes `{}`;
 *   nothing is preloaded from separate files in this build;
 * - plugin timings: most of the time is Kit writing the site and running the adapter, which is expected.
 */
const quietInlineBundle: Plugin = {
  name: 'provider-desk:quiet-inline-bundle',
  onLog(_level, log) {
    if (log.code === 'EMPTY_IMPORT_META' || log.code === 'PLUGIN_TIMINGS') return false;
  },
};

// Run from the repository root: `vite build -c src-renderer/vite.config.ts`. SvelteKit reads `svelte.config.js`
// from the working directory and writes the SPA to `out/renderer/` through adapter-static.
export default defineConfig({
  plugins: [sveltekit(), quietInlineBundle],
  build: {
    // Electron 45 is Chromium 140; Debian's Chromium (browser shell, e2e) is newer. Keeps CSS such as
    // `light-dark()` native instead of lowered to fallbacks.
    target: 'chrome140',
    reportCompressedSize: false,
  },
});
