import adapter from '@sveltejs/adapter-static';

/**
 * The renderer is a SvelteKit SPA built on its own (TOOLCHAIN.md): `vite build -c src-renderer/vite.config.ts`
 * writes `out/renderer/`, which Electron serves over `app://renderer/` and the browser shell over
 * `http://127.0.0.1:<port>/`. Hash routing, one inline bundle and relative paths keep the single index.html
 * working from both origins without any server routes.
 *
 * @type {import('@sveltejs/kit').Config}
 */
const config = {
  kit: {
    adapter: adapter({ pages: 'out/renderer', assets: 'out/renderer', fallback: 'index.html', strict: true }),
    files: {
      src: 'src-renderer',
      // Kit derives routes, lib, hooks and app.html from `src`; assets default to a root `static/` we do not use.
      assets: 'src-renderer/static',
    },
    alias: { $shared: 'src-shared' },
    router: { type: 'hash' },
    output: { bundleStrategy: 'inline' },
    paths: { relative: true },
    csp: {
      mode: 'hash',
      directives: {
        'default-src': ['self'],
        'script-src': ['self'],
        // Stylesheets: only Kit's inlined one, by hash. Style attributes are allowed because Kit's route
        // announcer (and Svelte templates generally) carry static `style="…"` attributes; tested in Chromium,
        // without this every navigation logs a style-src-attr violation. Attributes style one element and
        // cannot load anything (img-src and font-src stay 'self').
        'style-src': ['self'],
        'style-src-attr': ['unsafe-inline'],
        'img-src': ['self', 'data:'],
        'font-src': ['self'],
        'connect-src': ['self'],
        'object-src': ['none'],
        'base-uri': ['none'],
        'form-action': ['none'],
      },
    },
  },
};

export default config;
