import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { z } from 'zod';
import {
  webBridgePath,
  webMaxMessageBytes,
  webSocketPath,
  type WebServerMessage,
} from '../../src-shared/contract/webProtocol';
import type { Desk } from '../desk';
import { dispatch, parsePushPayload } from '../ipc/dispatch';
import { contentSecurityPolicy, mimeTypeOf, readIndexHtml, resolveRendererFile } from './rendererFiles';

export interface WebShellOptions {
  desk: Desk;
  rendererDir: string;
  bridgeFile: string;
  /** 0 picks a free port. */
  port: number;
  /** The largest socket message accepted (tests set a small one); `webMaxMessageBytes` by default. */
  maxMessageBytes?: number;
  /** Where a dropped connection is reported (one line, no payload); stderr by default. */
  log?: (line: string) => void;
}

export interface WebShell {
  port: number;
  origin: string;
  /** A fresh one-time launch URL; the token in its fragment is good for one socket handshake. */
  launchUrl(): string;
  close(): Promise<void>;
}

const helloSchema = z.object({
  type: z.literal('hello'),
  launchToken: z.string().max(200).optional(),
  sessionToken: z.string().max(200).optional(),
});
const callSchema = z.object({
  type: z.literal('call'),
  id: z.number().int().nonnegative(),
  channel: z.string().max(200),
  input: z.unknown().optional(),
});

const host = '127.0.0.1';
const helloTimeoutMs = 5_000;

/**
 * The browser shell: the built renderer and the same services, over HTTP + WebSocket on loopback only.
 * Trust comes from three checks: the Host header (DNS rebinding), the Origin header (other sites), and a
 * one-time launch token that is exchanged for a per-tab session token.
 */
export async function startWebShell(options: WebShellOptions): Promise<WebShell> {
  const indexHtml = readIndexHtml(options.rendererDir);
  const csp = contentSecurityPolicy(indexHtml);
  const page = indexHtml.replace(/<head>/i, `<head><script src="${webBridgePath}"></script>`);
  const bridge = await readFile(options.bridgeFile);
  const launchTokens = new Set<string>();
  const sessionTokens = new Set<string>();
  const sockets = new Set<WebSocket>();

  const server = createServer((request, response) => {
    void serveHttp(request, response);
  });
  const log = options.log ?? ((line: string) => console.warn(line));
  const wss = new WebSocketServer({ noServer: true, maxPayload: options.maxMessageBytes ?? webMaxMessageBytes });
  // Nothing a peer sends may end the process: every socket and server gets an error handler.
  wss.on('error', (error) => log(`Browser shell: WebSocket server error: ${error.message}`));
  server.on('clientError', (_error, socket) => socket.destroy());

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const origin = `http://${host}:${port}`;
  const allowedHosts = new Set([`${host}:${port}`, `localhost:${port}`]);

  async function serveHttp(request: IncomingMessage, response: ServerResponse) {
    const headers = {
      'content-security-policy': csp,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'cache-control': 'no-store',
    };
    if (!allowedHosts.has(request.headers.host ?? '')) return send(response, 421, 'Misdirected request', headers);
    if (request.method !== 'GET' && request.method !== 'HEAD')
      return send(response, 405, 'Method not allowed', headers);
    const pathname = new URL(request.url ?? '/', origin).pathname;
    if (pathname === '/' || pathname === '/index.html') {
      return send(response, 200, page, { ...headers, 'content-type': 'text/html; charset=utf-8' });
    }
    if (pathname === webBridgePath)
      return send(response, 200, bridge, { ...headers, 'content-type': 'text/javascript; charset=utf-8' });
    const file = resolveRendererFile(options.rendererDir, pathname);
    if (!file) return send(response, 404, 'Not found', headers);
    try {
      const body = await readFile(file);
      send(response, 200, body, { ...headers, 'content-type': mimeTypeOf(file) });
    } catch {
      send(response, 404, 'Not found', headers);
    }
  }

  server.on('upgrade', (request, socket, head) => {
    socket.on('error', () => socket.destroy());
    const pathname = new URL(request.url ?? '/', origin).pathname;
    const trusted =
      pathname === webSocketPath && allowedHosts.has(request.headers.host ?? '') && request.headers.origin === origin;
    if (!trusted) {
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      return;
    }
    wss.handleUpgrade(request, socket, head, (ws) => handleSocket(ws));
  });

  function handleSocket(ws: WebSocket) {
    sockets.add(ws);
    let authenticated = false;
    let unsubscribe = () => {};
    const timer = setTimeout(() => refuse(ws, 'unauthorized', 'No launch token was presented.'), helloTimeoutMs);
    ws.on('close', () => {
      clearTimeout(timer);
      unsubscribe();
      sockets.delete(ws);
    });
    // A malformed frame or a message over the limit: ws itself closes the socket (1002 / 1009) and the shell
    // keeps serving; without this listener the error would end the process.
    ws.on('error', (error) => {
      const code = (error as { code?: string }).code ?? 'error';
      log(`Browser shell: closed a connection that sent a bad message (${code}).`);
    });
    ws.on('message', (data) => {
      const message = parseJson(data.toString());
      if (!authenticated) {
        clearTimeout(timer);
        const sessionToken = authenticate(message);
        if (!sessionToken)
          return refuse(
            ws,
            'unauthorized',
            'This Provider Desk link was already used or is not valid. Start Provider Desk again to get a new one.',
          );
        authenticated = true;
        write(ws, { type: 'welcome', sessionToken });
        unsubscribe = options.desk.subscribe((event, payload) => {
          const checked = parsePushPayload(event, payload);
          if (checked !== undefined) write(ws, { type: 'event', event, payload: checked });
        });
        return;
      }
      const call = callSchema.safeParse(message);
      if (!call.success) return refuse(ws, 'validation', 'Malformed message.');
      void dispatch(options.desk, call.data.channel, call.data.input).then((envelope) =>
        write(ws, { type: 'result', id: call.data.id, envelope }),
      );
    });
  }

  function authenticate(message: unknown): string | null {
    const hello = helloSchema.safeParse(message);
    if (!hello.success) return null;
    const { launchToken, sessionToken } = hello.data;
    if (launchToken) {
      const match = takeMatching(launchTokens, launchToken);
      if (!match) return null;
      const session = randomToken();
      sessionTokens.add(session);
      return session;
    }
    if (sessionToken && findMatching(sessionTokens, sessionToken)) return sessionToken;
    return null;
  }

  return {
    port,
    origin,
    launchUrl() {
      const token = randomToken();
      launchTokens.add(token);
      return `${origin}/#launch=${token}`;
    },
    async close() {
      for (const ws of sockets) ws.terminate();
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function send(response: ServerResponse, status: number, body: string | Buffer, headers: Record<string, string>) {
  response.writeHead(status, headers);
  response.end(response.req.method === 'HEAD' ? undefined : body);
}

function write(ws: WebSocket, message: WebServerMessage) {
  if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(message));
}

function refuse(ws: WebSocket, code: 'unauthorized' | 'validation', message: string) {
  write(ws, { type: 'refused', error: { code, message } });
  ws.close(1008, code);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function randomToken() {
  return randomBytes(32).toString('base64url');
}

function findMatching(tokens: Set<string>, candidate: string): string | undefined {
  const given = Buffer.from(candidate);
  for (const token of tokens) {
    const known = Buffer.from(token);
    if (known.length === given.length && timingSafeEqual(known, given)) return token;
  }
  return undefined;
}

/** A launch token is single use: it is removed the moment it matches. */
function takeMatching(tokens: Set<string>, candidate: string): string | undefined {
  const match = findMatching(tokens, candidate);
  if (match) tokens.delete(match);
  return match;
}
