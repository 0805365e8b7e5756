// The backend's join pages (src-server/web/): every mailed link's path answers the page with a strict CSP, a browser
// asking for any other non-API path gets an HTML 404, API paths keep their JSON 404, and a missing bundle is a 503.
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installErrorHandler } from '../../src-server/http/errors';
import { DEFAULT_BUNDLE_DIR, JOIN_CSP, JOIN_PAGE_PATHS, registerJoinPages } from '../../src-server/web/joinPages';
import { describeServer, type TestServer } from './harness';

const HTML = { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' };

function expectPageHeaders(headers: Record<string, unknown>) {
  expect(headers['content-type']).toMatch(/^text\/html; charset=utf-8/);
  expect(headers['content-security-policy']).toBe(JOIN_CSP);
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBe('no-referrer');
  expect(headers['cache-control']).toBe('no-store');
}

describe('join pages with a built bundle', () => {
  let dir: string;
  let app: FastifyInstance;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'join-bundle-'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(
      join(dir, 'index.html'),
      '<!doctype html><title>join</title><script src="/join/assets/a-1.js"></script>',
    );
    writeFileSync(join(dir, 'assets', 'a-1.js'), 'console.log(1)');
    writeFileSync(join(dir, 'assets', 'a-1.css'), 'body{}');
    app = Fastify();
    installErrorHandler(app);
    registerJoinPages(app, { bundleDir: dir });
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it.each(JOIN_PAGE_PATHS)('%s answers the page with the strict CSP', async (path) => {
    const res = await app.inject({ url: `${path}?token=secret&email=a%40b.c`, headers: HTML });
    expect(res.statusCode).toBe(200);
    expectPageHeaders(res.headers);
    expect(res.body).toContain('<title>join</title>');
  });

  it('the CSP is the strict one of the brief (plus wasm compilation for Argon2id)', () => {
    for (const part of [
      "default-src 'none'",
      "style-src 'self'",
      "connect-src 'self'",
      "img-src 'self' data:",
      "form-action 'none'",
      "frame-ancestors 'none'",
      "base-uri 'none'",
    ])
      expect(JOIN_CSP).toContain(part);
    expect(JOIN_CSP).toMatch(/script-src 'self'( 'wasm-unsafe-eval')?;/);
    expect(JOIN_CSP).not.toMatch(/'unsafe-inline'|'unsafe-eval'|\*/);
  });

  it('serves hashed assets with their type, nosniff and long caching', async () => {
    const js = await app.inject({ url: '/join/assets/a-1.js' });
    expect(js.statusCode).toBe(200);
    expect(js.headers['content-type']).toMatch(/^text\/javascript/);
    expect(js.headers['x-content-type-options']).toBe('nosniff');
    expect(js.headers['cache-control']).toContain('immutable');
    const css = await app.inject({ url: '/join/assets/a-1.css' });
    expect(css.headers['content-type']).toMatch(/^text\/css/);
  });

  it.each(['/join/assets/missing.js', '/join/assets/..%2Findex.html', '/join/assets/index.html'])(
    'refuses %s with an HTML 404',
    async (url) => {
      const res = await app.inject({ url });
      expect(res.statusCode).toBe(404);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
    },
  );

  it('serves its own fallback stylesheet for the 404 and 503 pages', async () => {
    const res = await app.inject({ url: '/join/fallback.css' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/css/);
    expect(res.body).toContain('light-dark(');
  });
});

describe('join pages without a bundle', () => {
  it('answer a clear 503 page that says to run npm run build', async () => {
    const app = Fastify();
    installErrorHandler(app);
    registerJoinPages(app, { bundleDir: join(tmpdir(), 'no-such-join-bundle') });
    const res = await app.inject({ url: '/accept-organization?token=x', headers: HTML });
    expect(res.statusCode).toBe(503);
    expectPageHeaders(res.headers);
    expect(res.body).toContain('npm run build');
    await app.close();
  });
});

describeServer(
  'join pages on the real backend',
  (t: () => TestServer) => {
    const built = existsSync(join(DEFAULT_BUNDLE_DIR, 'index.html'));

    it('the mailed registration link opens a page', async () => {
      const sent = await t().http.post('/identity/accounts/register/send-verification-email', {
        json: { email: 'joiner@example.com' },
      });
      expect(sent.status).toBe(204);
      const mail = t()
        .outbox()
        .find((m) => m.to === 'joiner@example.com');
      expect(mail?.link).toMatch(/\/redirect-connector\.html#finish-signup\?token=/);
      const link = new URL(mail!.link!);
      expect(link.origin).toBe(new URL(t().url).origin);
      const res = await t().server.app.inject({ url: link.pathname, headers: HTML });
      expect(res.statusCode).toBe(built ? 200 : 503);
      expectPageHeaders(res.headers);
    });

    it.each([
      '/providers/accept-provider',
      '/providers/setup-provider',
      '/accept-organization',
      '/account/fingerprint',
    ])('%s answers HTML with the CSP', async (path) => {
      const res = await t().server.app.inject({ url: `${path}?providerId=x&token=y`, headers: HTML });
      expect(res.statusCode).toBe(built ? 200 : 503);
      expectPageHeaders(res.headers);
    });

    it.each(['/', '/nothing-here', '/providers/unknown', '/account'])(
      'a browser asking for %s gets an HTML 404',
      async (url) => {
        const res = await t().server.app.inject({ url, headers: HTML });
        expect(res.statusCode).toBe(404);
        expectPageHeaders(res.headers);
        expect(res.body).toContain('Page not found');
      },
    );

    it.each(['/api/nothing-here', '/identity/nothing', '/events/x/y', '/api/organizations/x/y/z'])(
      'API path %s keeps the JSON 404, even for a browser',
      async (url) => {
        for (const headers of [HTML, { accept: 'application/json' }]) {
          const res = await t().server.app.inject({ url, headers });
          expect(res.statusCode).toBe(404);
          expect(res.headers['content-type']).toMatch(/^application\/json/);
          expect(res.json()).toMatchObject({ object: 'error', message: 'Resource not found.' });
        }
      },
    );

    it('a non-browser caller on an unknown path still gets the JSON 404', async () => {
      const res = await t().server.app.inject({ url: '/nothing-here', headers: { accept: 'application/json' } });
      expect(res.statusCode).toBe(404);
      expect(res.json()).toMatchObject({ message: 'Resource not found.' });
    });

    it('known API routes are untouched', async () => {
      const res = await t().server.app.inject({ url: '/api/config', headers: HTML });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
    });
  },
  { emailVerification: true },
);
