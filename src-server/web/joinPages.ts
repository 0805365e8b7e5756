// The backend's own pages for people who follow a mailed link (DESIGN.md, "People who join"): the built page
// bundle (src-join/ → out/join/) served at exactly the paths the mails use, with a strict CSP, plus an HTML 404 for
// browsers asking for any other non-API page. Links carry tokens: no referrer, no caching of the HTML.
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { notFound } from '../http/errors';
import { FALLBACK_CSS, notBuiltHtml, notFoundHtml } from './pageHtml';

/** The mailed links' paths (mail/templates.ts, mail/orgTemplates.ts, domain/providers/mail.ts) and the account page. */
export const JOIN_PAGE_PATHS = [
  '/redirect-connector.html',
  '/accept-organization',
  '/providers/accept-provider',
  '/providers/setup-provider',
  '/account/fingerprint',
] as const;

/** Paths that belong to the APIs: unknown ones keep their JSON 404. */
const API_PREFIXES = ['/api', '/identity', '/events', '/scim'];

/**
 * `wasm-unsafe-eval` lets the page compile hash-wasm's Argon2id (accounts that use it); it allows no JS eval.
 */
export const JOIN_CSP = [
  "default-src 'none'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "connect-src 'self'",
  "img-src 'self' data:",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
].join('; ');

export const DEFAULT_BUNDLE_DIR = resolve(import.meta.dirname, '../../out/join');

const ASSET = /^[A-Za-z0-9_.-]+\.(js|css|wasm)$/;
const ASSET_TYPES: Record<string, string> = {
  js: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  wasm: 'application/wasm',
};

function secure(reply: FastifyReply): FastifyReply {
  return reply
    .header('content-security-policy', JOIN_CSP)
    .header('x-content-type-options', 'nosniff')
    .header('referrer-policy', 'no-referrer')
    .header('x-frame-options', 'DENY')
    .header('cross-origin-opener-policy', 'same-origin');
}

function html(reply: FastifyReply, status: number, body: string): FastifyReply {
  return secure(reply).status(status).header('cache-control', 'no-store').type('text/html; charset=utf-8').send(body);
}

const isApiPath = (path: string) => API_PREFIXES.some((p) => path === p || path.startsWith(`${p}/`));
const wantsHtml = (request: FastifyRequest) => String(request.headers.accept ?? '').includes('text/html');

/** Registers the pages, their assets and the HTML 404 on the root scope. `bundleDir` is for tests. */
export function registerJoinPages(app: FastifyInstance, options: { bundleDir?: string } = {}): void {
  const dir = options.bundleDir ?? DEFAULT_BUNDLE_DIR;
  // Read on each request (a few hundred bytes): a build made while the server runs is picked up at once.
  const indexHtml = () => readFile(join(dir, 'index.html'), 'utf8').catch(() => null);

  for (const path of JOIN_PAGE_PATHS) {
    app.get(path, async (_request, reply) => {
      const body = await indexHtml();
      return body === null ? html(reply, 503, notBuiltHtml()) : html(reply, 200, body);
    });
  }

  app.get('/join/fallback.css', async (_request, reply) =>
    secure(reply).header('cache-control', 'public, max-age=3600').type(ASSET_TYPES.css!).send(FALLBACK_CSS),
  );

  app.get<{ Params: { file: string } }>('/join/assets/:file', async (request, reply) => {
    const file = request.params.file;
    const ext = ASSET.exec(file)?.[1];
    const bytes = ext ? await readFile(join(dir, 'assets', file)).catch(() => null) : null;
    if (!ext || !bytes) return html(reply.header('cache-control', 'no-store'), 404, notFoundHtml());
    // Names carry a content hash: cache for good.
    return secure(reply)
      .header('cache-control', 'public, max-age=31536000, immutable')
      .type(ASSET_TYPES[ext]!)
      .send(bytes);
  });

  // Anything else a browser asks for gets a page, never JSON; API paths and non-browser callers keep the JSON 404.
  app.get('/*', async (request, reply) => {
    const path = request.url.split('?')[0] ?? '/';
    if (isApiPath(path) || !wantsHtml(request)) throw notFound();
    return html(reply, 404, notFoundHtml());
  });
}
