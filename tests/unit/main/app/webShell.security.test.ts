import { request } from 'node:http';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { WebServerMessage } from '../../../../src-shared/contract/webProtocol';
import type { WebShell } from '../../../../src-main/app/webShell';
import { startTestShell, tokenOf } from './webShellHarness';

let shell: WebShell;

beforeEach(async () => {
  shell = await startTestShell();
});

afterEach(() => shell.close());

/** Opens a socket with the given Origin and first message; resolves with the messages received until close. */
function converse(
  origin: string | undefined,
  first: unknown,
  then: unknown[] = [],
): Promise<{ messages: WebServerMessage[]; closeCode?: number; rejected?: string }> {
  return new Promise((resolve) => {
    const ws = new WebSocket(`ws://127.0.0.1:${shell.port}/desk`, { headers: origin ? { Origin: origin } : {} });
    const messages: WebServerMessage[] = [];
    ws.on('unexpected-response', (_req, res) => resolve({ messages, rejected: String(res.statusCode) }));
    ws.on('error', () => {});
    ws.on('open', () => ws.send(JSON.stringify(first)));
    ws.on('message', (data) => {
      const message = JSON.parse(data.toString()) as WebServerMessage;
      messages.push(message);
      if (message.type === 'welcome') {
        if (then.length === 0) ws.close();
        for (const next of then) ws.send(JSON.stringify(next));
      }
      if (message.type === 'result' && messages.filter((m) => m.type === 'result').length === then.length) ws.close();
    });
    ws.on('close', (code) => resolve({ messages, closeCode: code }));
  });
}

function httpGet(
  path: string,
  host = `127.0.0.1:${shell.port}`,
): Promise<{ status: number; body: string; csp?: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: shell.port, path, headers: { host } }, (res) => {
      let body = '';
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, body, csp: res.headers['content-security-policy'] as string }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

describe('browser shell bridge', () => {
  it('exchanges a launch token for a session and answers calls', async () => {
    const token = tokenOf(shell.launchUrl());
    const { messages } = await converse(shell.origin, { type: 'hello', launchToken: token }, [
      { type: 'call', id: 1, channel: 'app.info' },
    ]);
    expect(messages[0]).toMatchObject({ type: 'welcome', sessionToken: expect.any(String) });
    expect(messages[1]).toMatchObject({ type: 'result', id: 1, envelope: { ok: true, result: { shell: 'web' } } });
  });

  it('refuses a socket from another Origin before any message', async () => {
    const token = tokenOf(shell.launchUrl());
    const result = await converse('http://evil.example', { type: 'hello', launchToken: token });
    expect(result.rejected).toBe('403');
    // The token was not spent by the refused attempt.
    const retry = await converse(shell.origin, { type: 'hello', launchToken: token });
    expect(retry.messages[0]?.type).toBe('welcome');
  });

  it('refuses a socket without an Origin header', async () => {
    const result = await converse(undefined, { type: 'hello', launchToken: tokenOf(shell.launchUrl()) });
    expect(result.rejected).toBe('403');
  });

  it('refuses a missing token', async () => {
    const result = await converse(shell.origin, { type: 'hello' });
    expect(result.messages).toEqual([
      { type: 'refused', error: { code: 'unauthorized', message: expect.any(String) } },
    ]);
    expect(result.closeCode).toBe(1008);
  });

  it('refuses a guessed token', async () => {
    shell.launchUrl();
    const result = await converse(shell.origin, { type: 'hello', launchToken: 'A'.repeat(43) });
    expect(result.messages[0]?.type).toBe('refused');
  });

  it('refuses a reused launch token but honours the session it was exchanged for', async () => {
    const token = tokenOf(shell.launchUrl());
    const first = await converse(shell.origin, { type: 'hello', launchToken: token });
    const session = (first.messages[0] as { sessionToken: string }).sessionToken;
    const reused = await converse(shell.origin, { type: 'hello', launchToken: token });
    expect(reused.messages[0]).toMatchObject({ type: 'refused', error: { code: 'unauthorized' } });
    const resumed = await converse(shell.origin, { type: 'hello', sessionToken: session }, [
      { type: 'call', id: 7, channel: 'settings.get' },
    ]);
    expect(resumed.messages[1]).toMatchObject({ type: 'result', id: 7, envelope: { ok: true } });
  });

  it('refuses calls before the handshake', async () => {
    const result = await converse(shell.origin, { type: 'call', id: 1, channel: 'app.info' });
    expect(result.messages[0]?.type).toBe('refused');
  });

  it('answers an unknown channel and an invalid input with typed errors', async () => {
    const { messages } = await converse(shell.origin, { type: 'hello', launchToken: tokenOf(shell.launchUrl()) }, [
      { type: 'call', id: 1, channel: 'secrets.dump', input: {} },
      { type: 'call', id: 2, channel: 'settings.set', input: { idleLockMinutes: -4 } },
    ]);
    const results = messages.filter((m) => m.type === 'result');
    expect(results).toEqual([
      { type: 'result', id: 1, envelope: { ok: false, error: { code: 'not_found', message: expect.any(String) } } },
      {
        type: 'result',
        id: 2,
        envelope: { ok: false, error: { code: 'validation', message: expect.stringMatching(/^idleLockMinutes/) } },
      },
    ]);
  });

  it('serves the app with the bridge first, the CSP header, and nothing outside the renderer', async () => {
    const index = await httpGet('/');
    expect(index.status).toBe(200);
    expect(index.body).toMatch(/^<!doctype html><html><head><script src="\/desk-bridge.js"><\/script>/);
    expect(index.csp).toBe("default-src 'self'; script-src 'self' 'sha256-abc'; frame-ancestors 'none'");
    expect((await httpGet('/app.js')).status).toBe(200);
    expect((await httpGet('/../secret.txt')).status).toBe(404);
    expect((await httpGet('/%2e%2e/secret.txt')).status).toBe(404);
    expect((await httpGet('/..%2fsecret.txt')).status).toBe(404);
  });

  it('refuses requests for another Host name (DNS rebinding)', async () => {
    expect((await httpGet('/', 'evil.example')).status).toBe(421);
  });
});
