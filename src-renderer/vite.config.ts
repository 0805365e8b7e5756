import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vite';

// Run from the repository root: `vite build -c src-renderer/vite.config.ts`. SvelteKit reads `svelte.config.js`
// from the working directory and writes the SPA to `out/renderer/` through adapter-static.
export default defineConfig({
  plugins: [sveltekit()],
  build: { target: 'chrome120', reportCompressedSize: false },
});
