import { resolve } from 'node:path';
import { defineConfig, type Plugin } from 'vite';

const root = resolve(import.meta.dirname, '..');
const sharedCrypto = resolve(root, 'src-main/crypto');
/** src-main/crypto modules the page may use: pure code, no `node:*`, no hash-wasm at import time. */
const PURE = new Set(['encString', 'errors', 'kdf', 'effWordlist']);

/**
 * Keeps Node out of the page: src-main/crypto's `./encoding` (written on Node's Buffer) resolves to the same API
 * on atob/btoa (src-join/crypto/webEncoding.ts), and any other src-main/crypto module fails the build.
 */
const browserCrypto: Plugin = {
  name: 'provider-desk:join-browser-crypto',
  enforce: 'pre',
  resolveId(source, importer) {
    if (!importer || !source.startsWith('.')) return null;
    const target = resolve(importer, '..', source).replace(/\.ts$/, '');
    if (!target.startsWith(`${sharedCrypto}/`)) return null;
    const name = target.slice(sharedCrypto.length + 1);
    if (name === 'encoding') return resolve(root, 'src-join/crypto/webEncoding.ts');
    if (PURE.has(name)) return `${target}.ts`;
    this.error(`the join pages may not import src-main/crypto/${name} (not browser-pure)`);
  },
};

// Run from the repository root: `vite build -c src-join/vite.config.ts` → out/join/ (served by src-server/web/).
export default defineConfig({
  root: import.meta.dirname,
  base: '/join/',
  plugins: [browserCrypto],
  build: {
    outDir: resolve(root, 'out/join'),
    emptyOutDir: true,
    target: 'chrome120',
    modulePreload: { polyfill: false },
    reportCompressedSize: false,
    assetsInlineLimit: 0,
  },
});
