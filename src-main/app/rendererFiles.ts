import { readFileSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';

/**
 * Maps a request path onto a file inside the built renderer folder, or null when it would leave that folder.
 * Both shells serve the renderer through this one function.
 */
export function resolveRendererFile(rendererDir: string, pathname: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const relative = decoded === '/' || decoded === '' ? 'index.html' : decoded.replace(/^\/+/, '');
  const root = normalize(rendererDir + sep);
  const full = normalize(join(root, relative));
  return full.startsWith(root) ? full : null;
}

const mimeTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

export function mimeTypeOf(file: string): string {
  return mimeTypes[extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * The renderer's CSP comes from the meta tag SvelteKit writes (it holds the inline script's hash); the shells
 * send the same policy as a header, adding what a meta tag cannot carry.
 */
export function contentSecurityPolicy(indexHtml: string): string {
  const meta = /<meta\s+http-equiv="content-security-policy"\s+content="([^"]*)"/i.exec(indexHtml);
  const base = meta?.[1] ?? "default-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'";
  return `${base.replace(/;\s*$/, '')}; frame-ancestors 'none'`;
}

export function readIndexHtml(rendererDir: string): string {
  return readFileSync(join(rendererDir, 'index.html'), 'utf8');
}
