/**
 * The HTTP layer every Bitwarden call goes through: service URLs, required headers, timeouts, retries for
 * idempotent requests, casing-insensitive JSON, and errors mapped to bridge codes. The transport is `got`;
 * tests may hand in another.
 */
import { readFileSync } from 'node:fs';
import { rootCertificates } from 'node:tls';
import got from 'got';
import type { z } from 'zod';
import { DeskError } from '../../src-shared/contract';
import { camelizeKeys } from './camelCase';
import { requestHeaders, type ClientIdentity } from './clientInfo';
import type { ServiceUrls } from './environments';
import { httpStatusError, isTransientNetworkError, networkError } from './httpErrors';
import {
  backoffDelay,
  DEFAULT_RETRY,
  IDEMPOTENT_METHODS,
  RETRY_STATUSES,
  sleep,
  type RetryPolicy,
  type Sleep,
} from './retry';

export type Service = 'api' | 'identity' | 'events';
export type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface BitwardenRequest {
  service: Service;
  method: Method;
  /** Relative to the service root, starting with `/`. */
  path: string;
  query?: Record<string, string | undefined>;
  json?: unknown;
  form?: Record<string, string>;
  token?: string;
  /** PUT/DELETE that are safe to repeat may opt in to retries; GET always retries. */
  idempotent?: boolean;
  signal?: AbortSignal;
}

export interface BitwardenResponse {
  status: number;
  /** Parsed JSON with lower-camel-cased keys, or the text when the body is not JSON. */
  body: unknown;
  headers: Record<string, string | undefined>;
}

export interface TransportRequest {
  url: string;
  method: Method;
  headers: Record<string, string>;
  body?: string;
  timeoutMs: number;
  ca: string[] | undefined;
  signal?: AbortSignal;
}

export interface TransportResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

export type Transport = (request: TransportRequest) => Promise<TransportResponse>;

export interface HttpOptions {
  urls: ServiceUrls;
  identity: ClientIdentity;
  /** Extra trusted certificate authorities (PEM), added to Node's bundled roots. */
  extraCa?: string[];
  timeoutMs?: number;
  retry?: RetryPolicy;
  transport?: Transport;
  sleep?: Sleep;
  /** Told after every attempt whether the server answered at all (connection state). */
  onReachability?: (reachable: boolean, error: DeskError | null) => void;
}

export const gotTransport: Transport = async (request) => {
  const response = await got(request.url, {
    method: request.method,
    headers: request.headers,
    ...(request.body !== undefined ? { body: request.body } : {}),
    timeout: { request: request.timeoutMs },
    retry: { limit: 0 },
    throwHttpErrors: false,
    followRedirect: false,
    responseType: 'text',
    ...(request.ca ? { https: { certificateAuthority: request.ca } } : {}),
    ...(request.signal ? { signal: request.signal } : {}),
  });
  return { status: response.statusCode, headers: response.headers, text: response.body };
};

export class BitwardenHttp {
  readonly urls: ServiceUrls;
  private readonly transport: Transport;
  private readonly retry: RetryPolicy;
  private readonly sleep: Sleep;
  private readonly ca: string[] | undefined;

  constructor(private readonly options: HttpOptions) {
    this.urls = options.urls;
    this.transport = options.transport ?? gotTransport;
    this.retry = options.retry ?? DEFAULT_RETRY;
    this.sleep = options.sleep ?? sleep;
    // A custom CA list replaces Node's roots (and NODE_EXTRA_CA_CERTS), so keep those too.
    this.ca = options.extraCa?.length ? [...rootCertificates, ...environmentCa(), ...options.extraCa] : undefined;
  }

  /** Sends a request and returns any HTTP answer; throws only when no answer came (after retries). */
  async send(request: BitwardenRequest): Promise<BitwardenResponse> {
    const prepared = this.prepare(request);
    const retryable = IDEMPOTENT_METHODS.has(request.method) || request.idempotent === true;
    const host = new URL(prepared.url).host;
    for (let attempt = 0; ; attempt++) {
      const last = !retryable || attempt >= this.retry.retries;
      let raw: TransportResponse;
      try {
        raw = await this.transport(prepared);
      } catch (error) {
        if (request.signal?.aborted) throw request.signal.reason ?? error;
        const mapped = networkError(error, host);
        this.options.onReachability?.(false, mapped);
        if (last || !isTransientNetworkError(error)) throw mapped;
        await this.sleep(backoffDelay(attempt, this.retry), request.signal);
        continue;
      }
      this.options.onReachability?.(true, null);
      if (!last && RETRY_STATUSES.has(raw.status)) {
        await this.sleep(backoffDelay(attempt, this.retry), request.signal);
        continue;
      }
      return { status: raw.status, body: parseBody(raw), headers: flatHeaders(raw.headers) };
    }
  }

  /** Sends, expects 2xx, and parses the body with `schema` (after lower-camel-casing every key). */
  async json<S extends z.ZodType>(request: BitwardenRequest, schema: S): Promise<z.output<S>> {
    const response = await this.send(request);
    return parseOk(response, schema, `${request.method} ${request.path}`);
  }

  /** Sends and expects any 2xx; the body is ignored. */
  async call(request: BitwardenRequest): Promise<void> {
    const response = await this.send(request);
    if (response.status < 200 || response.status > 299) throw errorOf(response);
  }

  private prepare(request: BitwardenRequest): TransportRequest {
    const url = new URL(this.urls[request.service] + request.path);
    for (const [name, value] of Object.entries(request.query ?? {})) {
      if (value !== undefined) url.searchParams.set(name, value);
    }
    const headers: Record<string, string> = { ...requestHeaders(this.options.identity), accept: 'application/json' };
    let body: string | undefined;
    if (request.form) {
      headers['content-type'] = 'application/x-www-form-urlencoded; charset=utf-8';
      body = new URLSearchParams(request.form).toString();
    } else if (request.json !== undefined) {
      headers['content-type'] = 'application/json; charset=utf-8';
      body = JSON.stringify(request.json);
    }
    if (request.token) headers.authorization = `Bearer ${request.token}`;
    return {
      url: url.toString(),
      method: request.method,
      headers,
      ...(body !== undefined ? { body } : {}),
      timeoutMs: this.options.timeoutMs ?? 30_000,
      ca: this.ca,
      ...(request.signal ? { signal: request.signal } : {}),
    };
  }
}

export function errorOf(response: BitwardenResponse) {
  return httpStatusError(response.status, response.body, response.headers['retry-after']);
}

export function parseOk<S extends z.ZodType>(response: BitwardenResponse, schema: S, what: string): z.output<S> {
  if (response.status < 200 || response.status > 299) throw errorOf(response);
  const parsed = schema.safeParse(response.body);
  if (!parsed.success) {
    throw new DeskError('server', `The server's answer to ${what} was not understood (unexpected response shape).`);
  }
  return parsed.data;
}

function environmentCa(): string[] {
  const file = process.env.NODE_EXTRA_CA_CERTS;
  if (!file) return [];
  try {
    return [readFileSync(file, 'utf8')];
  } catch {
    return [];
  }
}

function parseBody(raw: TransportResponse): unknown {
  if (!raw.text) return null;
  const type = String(raw.headers['content-type'] ?? '');
  const looksJson = type.includes('json') || /^[[{"]/.test(raw.text.trimStart());
  if (!looksJson) return raw.text;
  try {
    return camelizeKeys(JSON.parse(raw.text));
  } catch {
    return raw.text;
  }
}

function flatHeaders(headers: TransportResponse['headers']): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(headers))
    out[name.toLowerCase()] = Array.isArray(value) ? value[0] : value;
  return out;
}
