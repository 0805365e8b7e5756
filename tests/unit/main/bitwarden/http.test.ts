import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DeskError } from '../../../../src-shared/contract';
import { COMPATIBLE_CLIENT_VERSION } from '../../../../src-main/bitwarden/clientInfo';
import { resolveEnvironment } from '../../../../src-main/bitwarden/environments';
import { BitwardenHttp, type HttpOptions } from '../../../../src-main/bitwarden/http';
import { HttpStatusError, networkError } from '../../../../src-main/bitwarden/httpErrors';
import { json, networkFailure, scripted, type Answer } from './fakeTransport';

const identity = {
  appVersion: '1.2.3',
  device: { identifier: '6f1c1b55-8a9e-4f3e-9d38-3cc1c3c1f2aa', type: 8, name: 'linux' },
};

function client(answers: Answer[], options: Partial<HttpOptions> = {}) {
  const transport = scripted(answers);
  const waits: number[] = [];
  const http = new BitwardenHttp({
    urls: resolveEnvironment({ kind: 'selfHosted', baseUrl: 'https://vault.example.com' }),
    identity,
    transport,
    sleep: async (ms) => void waits.push(ms),
    ...options,
  });
  return { http, transport, waits };
}

const anything = z.unknown();

describe('requests', () => {
  it('sends the headers Bitwarden servers require, a bearer token and JSON', async () => {
    const { http, transport } = client([json(200, { ok: true })]);
    await http.json(
      { service: 'api', method: 'POST', path: '/x', json: { a: 1 }, token: 'tok', query: { q: 'v', skip: undefined } },
      anything,
    );
    const [sent] = transport.requests;
    expect(sent?.url).toBe('https://vault.example.com/api/x?q=v');
    expect(sent?.headers).toMatchObject({
      'bitwarden-client-name': 'desktop',
      'bitwarden-client-version': COMPATIBLE_CLIENT_VERSION,
      'device-type': '8',
      'device-identifier': identity.device.identifier,
      authorization: 'Bearer tok',
      'content-type': 'application/json; charset=utf-8',
    });
    expect(sent?.body).toBe('{"a":1}');
  });

  it('sends token requests as a form to the identity service', async () => {
    const { http, transport } = client([json(200, {})]);
    await http.send({
      service: 'identity',
      method: 'POST',
      path: '/connect/token',
      form: { grant_type: 'password', username: 'a@b.c' },
    });
    expect(transport.requests[0]).toMatchObject({
      url: 'https://vault.example.com/identity/connect/token',
      body: 'grant_type=password&username=a%40b.c',
      headers: expect.objectContaining({ 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' }),
    });
  });

  it('reads either casing through one schema', async () => {
    const schema = z.object({ organizationName: z.string(), seats: z.number() });
    const { http } = client([
      json(200, { OrganizationName: 'Acme', Seats: 5 }),
      json(200, { organizationName: 'Acme', seats: 5 }),
    ]);
    const request = { service: 'api' as const, method: 'GET' as const, path: '/o' };
    expect(await http.json(request, schema)).toEqual({ organizationName: 'Acme', seats: 5 });
    expect(await http.json(request, schema)).toEqual({ organizationName: 'Acme', seats: 5 });
  });

  it('refuses an answer of the wrong shape as a server error', async () => {
    const { http } = client([json(200, { seats: 'many' })]);
    await expect(
      http.json({ service: 'api', method: 'GET', path: '/o' }, z.object({ seats: z.number() })),
    ).rejects.toMatchObject({ code: 'server', message: expect.stringContaining('GET /o') });
  });
});

describe('retries', () => {
  it('retries an idempotent GET with growing backoff after 503 and a reset connection', async () => {
    const { http, transport, waits } = client([json(503, null), networkFailure('ECONNRESET'), json(200, { ok: 1 })]);
    expect(await http.json({ service: 'api', method: 'GET', path: '/sync' }, anything)).toEqual({ ok: 1 });
    expect(transport.requests).toHaveLength(3);
    expect(waits).toHaveLength(2);
    expect(waits[0]!).toBeGreaterThanOrEqual(200);
    expect(waits[1]!).toBeGreaterThanOrEqual(400);
  });

  it('gives up after the retries and reports offline', async () => {
    const { http, transport } = client([
      networkFailure('ECONNREFUSED'),
      networkFailure('ECONNREFUSED'),
      networkFailure('ECONNREFUSED'),
    ]);
    await expect(http.send({ service: 'api', method: 'GET', path: '/sync' })).rejects.toMatchObject({
      code: 'offline',
      message: expect.stringContaining('vault.example.com'),
    });
    expect(transport.requests).toHaveLength(3);
  });

  it('never repeats a POST: it may have happened', async () => {
    const { http, transport } = client([networkFailure('ECONNRESET')]);
    await expect(
      http.send({ service: 'identity', method: 'POST', path: '/connect/token', form: {} }),
    ).rejects.toMatchObject({ code: 'offline' });
    const second = client([json(503, null)]);
    expect((await second.http.send({ service: 'api', method: 'POST', path: '/x', json: {} })).status).toBe(503);
    expect(transport.requests).toHaveLength(1);
    expect(second.transport.requests).toHaveLength(1);
  });

  it('retries PUT only when the caller says it is idempotent', async () => {
    const { http, transport } = client([json(502, null), json(200, {})]);
    await http.call({ service: 'api', method: 'PUT', path: '/x', json: {}, idempotent: true });
    expect(transport.requests).toHaveLength(2);
  });

  it('does not retry 429, and says how long to wait', async () => {
    const { http, transport } = client([json(429, { message: 'slow down' }, { 'retry-after': '30' })]);
    const error = await http.call({ service: 'api', method: 'GET', path: '/x' }).catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: 'server',
      message: 'Too many attempts: the server is limiting requests. Try again in 30 seconds.',
    });
    expect(transport.requests).toHaveLength(1);
  });

  it('reports reachability for the connection state', async () => {
    const seen: boolean[] = [];
    const { http } = client([networkFailure('ENOTFOUND'), json(404, null)], { onReachability: (ok) => seen.push(ok) });
    await http.send({ service: 'api', method: 'POST', path: '/x' }).catch(() => {});
    await http.send({ service: 'api', method: 'POST', path: '/x' });
    expect(seen).toEqual([false, true]);
  });
});

describe('error mapping', () => {
  it.each([
    [
      400,
      { message: 'The model state is invalid.', validationErrors: { Name: ['The Name field is required.'] } },
      'validation',
      'The Name field is required.',
    ],
    [400, { Message: 'Invalid token.' }, 'validation', 'Invalid token.'],
    [401, null, 'unauthorized', 'Your session has expired. Sign in again.'],
    [403, null, 'forbidden', 'You do not have permission to do that.'],
    [404, { message: 'Resource not found.' }, 'not_found', 'Resource not found.'],
    [
      409,
      { message: 'Organization already belongs to a provider.' },
      'conflict',
      'Organization already belongs to a provider.',
    ],
    [500, { message: 'An unhandled server error has occurred.' }, 'server', 'An unhandled server error has occurred.'],
    [500, null, 'server', 'The server had a problem (HTTP 500).'],
  ])('HTTP %i → %s', async (status, body, code, message) => {
    const { http } = client([json(status, body)]);
    const error = await http.call({ service: 'api', method: 'POST', path: '/x' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpStatusError);
    expect(error).toMatchObject({ code, message, status });
  });

  it.each([
    ['DEPTH_ZERO_SELF_SIGNED_CERT', /not trusted: it is self-signed/],
    ['SELF_SIGNED_CERT_IN_CHAIN', /untrusted \(self-signed\) certificate authority/],
    ['CERT_HAS_EXPIRED', /it has expired/],
    ['ERR_TLS_CERT_ALTNAME_INVALID', /issued for a different address/],
  ])('an invalid certificate (%s) is a clear server error, not "offline"', (code, message) => {
    const error = networkError(networkFailure(code), 'vault.example.com');
    expect(error).toBeInstanceOf(DeskError);
    expect(error.code).toBe('server');
    expect(error.message).toMatch(message);
    expect(error.message).toMatch(/certificate of vault\.example\.com/);
  });

  it.each(['ECONNREFUSED', 'ENOTFOUND', 'ETIMEDOUT', 'EHOSTUNREACH'])('%s is offline', (code) => {
    expect(networkError(networkFailure(code), 'h').code).toBe('offline');
  });
});

describe('over real HTTP (got)', () => {
  let url = '';
  const received: IncomingMessage[] = [];
  const server = createServer((request, response) => {
    received.push(request);
    response.setHeader('content-type', 'application/json');
    response.end(JSON.stringify({ Object: 'profile', Email: 'a@example.com' }));
  });
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('talks to a server with got and parses the answer', async () => {
    const http = new BitwardenHttp({ urls: resolveEnvironment({ kind: 'selfHosted', baseUrl: url }), identity });
    const body = await http.json(
      { service: 'api', method: 'GET', path: '/accounts/profile', token: 't' },
      z.object({ email: z.string() }),
    );
    expect(body).toEqual({ email: 'a@example.com' });
    expect(received[0]?.url).toBe('/api/accounts/profile');
    expect(received[0]?.headers['device-type']).toBe('8');
    expect(received[0]?.headers['user-agent']).toBe('ProviderDesk/1.2.3 (linux)');
  });

  it('maps a refused connection to offline', async () => {
    const http = new BitwardenHttp({
      urls: resolveEnvironment({ kind: 'selfHosted', baseUrl: 'http://127.0.0.1:9' }),
      identity,
      retry: { retries: 0, baseDelayMs: 1, maxDelayMs: 1 },
    });
    await expect(http.send({ service: 'api', method: 'GET', path: '/x' })).rejects.toMatchObject({ code: 'offline' });
  });
});
