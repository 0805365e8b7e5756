// The seed talks to the server's own routes in-process (Fastify `inject`), as an official client would, with real
// client crypto: accounts are registered with the default KDF and unlocked for the keys the seed needs.
import { createHmac, randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import {
  DEFAULT_KDF_CONFIG,
  EFF_LONG_WORDLIST,
  decryptPrivateKey,
  deriveMasterKey,
  hashMasterPassword,
  makeRegistration,
  unlockUserKey,
  type KdfConfig,
} from '../../src-main/crypto/index';
import type { ServerContext } from '../context';
import { normalizeEmail } from '../db/values';
import { signToken, TokenPurpose } from '../domain/signedTokens';

const CLIENT_HEADERS = { 'bitwarden-client-version': '2026.9.0', 'bitwarden-client-name': 'cli', 'device-type': '25' };

/** Response bodies are the server's JSON, read loosely by the seed. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

export interface SeedResponse {
  status: number;
  body: Json;
  text: string;
}

/**
 * The client address of the seed's requests. Not the loopback address people's clients come from on `npm start`:
 * the counters the seed's ~150 registrations bump (mail rate limit, login backoff) must not make the first real
 * sign-up of the next 15 minutes wait. `seedDemo` clears this address's counters when it is done.
 */
export const SEED_ADDRESS = '127.0.0.2';

export class SeedHttp {
  constructor(private readonly app: FastifyInstance) {}

  async call(
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
    url: string,
    o: { json?: unknown; form?: Record<string, string>; token?: string } = {},
  ): Promise<SeedResponse> {
    const headers: Record<string, string> = { ...CLIENT_HEADERS };
    let payload: string | undefined;
    if (o.json !== undefined) {
      headers['content-type'] = 'application/json; charset=utf-8';
      payload = JSON.stringify(o.json);
    } else if (o.form) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      payload = new URLSearchParams(o.form).toString();
    }
    if (o.token) headers.authorization = `Bearer ${o.token}`;
    const res = await this.app.inject({
      method,
      url,
      headers,
      remoteAddress: SEED_ADDRESS,
      ...(payload === undefined ? {} : { payload }),
    });
    const type = String(res.headers['content-type'] ?? '');
    return {
      status: res.statusCode,
      text: res.body,
      body: res.body && type.includes('json') ? JSON.parse(res.body) : res.body,
    };
  }

  /** The call, which must answer 200 (or 204); anything else stops the seed with the server's message. */
  async ok(
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
    url: string,
    o: { json?: unknown; form?: Record<string, string>; token?: string } = {},
  ): Promise<Json> {
    const res = await this.call(method, url, o);
    if (res.status !== 200 && res.status !== 204)
      throw new Error(`${method} ${url.split('?')[0]} → ${res.status} ${res.text.slice(0, 300)}`);
    return res.body;
  }
}

/** The demo password of an account: three EFF words and a number, derived from the server's own HMAC key. */
export function demoPassword(hmac: Buffer, email: string): string {
  const bytes = createHmac('sha256', hmac)
    .update(`seed-demo:${normalizeEmail(email)}`)
    .digest();
  const word = (i: number) => EFF_LONG_WORDLIST[bytes.readUInt16BE(i) % EFF_LONG_WORDLIST.length]!;
  return `${word(0)}-${word(2)}-${word(4)}-${10 + (bytes[6]! % 90)}`;
}

export interface Account {
  id: string;
  email: string;
  name: string;
  password: string;
  accessToken: string;
  publicKey: string;
  privateKey: Uint8Array;
}

const KDF: KdfConfig = DEFAULT_KDF_CONFIG;

async function token(http: SeedHttp, email: string, passwordHash: string): Promise<string> {
  const body = await http.ok('POST', '/identity/connect/token', {
    form: {
      scope: 'api offline_access',
      client_id: 'cli',
      deviceType: '25',
      deviceIdentifier: randomUUID(),
      deviceName: 'seed-demo',
      grant_type: 'password',
      username: email,
      password: passwordHash,
    },
  });
  return body.access_token as string;
}

/** Registers (through send-verification-email + register/finish) and logs in a new account. */
export async function registerAccount(
  http: SeedHttp,
  ctx: ServerContext,
  person: { email: string; name: string },
): Promise<Account> {
  const email = normalizeEmail(person.email);
  const password = demoPassword(ctx.keys.hmac, email);
  const { payload, secrets } = await makeRegistration(email, password, KDF);
  const sent = await http.call('POST', '/identity/accounts/register/send-verification-email', {
    json: { email, name: person.name },
  });
  // With email verification on, the route mails the token; the seed signs the same token instead.
  const verification =
    sent.status === 200 && typeof sent.body === 'string' && sent.body
      ? sent.body
      : signToken(
          ctx.keys.hmac,
          TokenPurpose.Registration,
          { email, name: person.name, receiveMarketingEmails: false },
          15 * 60 * 1000,
        );
  await http.ok('POST', '/identity/accounts/register/finish', {
    json: { ...payload, masterPasswordHint: null, emailVerificationToken: verification },
  });
  const accessToken = await token(http, email, payload.masterPasswordHash);
  const me = await http.ok('GET', '/api/accounts/profile', { token: accessToken });
  return {
    id: me.id,
    email,
    name: person.name,
    password,
    accessToken,
    publicKey: payload.userAsymmetricKeys.publicKey,
    privateKey: secrets.privateKey,
  };
}

/** Logs an existing account in and unlocks its private key (the KDF runs client-side, as in a real client). */
export async function loginAccount(http: SeedHttp, ctx: ServerContext, email: string): Promise<Account> {
  const password = demoPassword(ctx.keys.hmac, email);
  const masterKey = await deriveMasterKey(password, email, KDF);
  const res = await http.ok('POST', '/identity/connect/token', {
    form: {
      scope: 'api offline_access',
      client_id: 'cli',
      deviceType: '25',
      deviceIdentifier: randomUUID(),
      deviceName: 'seed-demo',
      grant_type: 'password',
      username: email,
      password: await hashMasterPassword(masterKey, password, 1),
    },
  });
  const userKey = unlockUserKey(masterKey, res.Key);
  const privateKey = decryptPrivateKey(res.PrivateKey, userKey);
  const me = await http.ok('GET', '/api/accounts/profile', { token: res.access_token });
  return {
    id: me.id,
    email,
    name: me.name ?? email,
    password,
    accessToken: res.access_token,
    publicKey: me.accountKeys?.publicKeyEncryptionKeyPair?.publicKey ?? '',
    privateKey,
  };
}

/** Existing account → login, else register; accounts made with the default KDF. */
export async function ensureAccount(
  http: SeedHttp,
  ctx: ServerContext,
  person: { email: string; name: string },
): Promise<Account> {
  const existing = await ctx.db
    .selectFrom('users')
    .select('id')
    .where('email', '=', normalizeEmail(person.email))
    .executeTakeFirst();
  return existing ? loginAccount(http, ctx, normalizeEmail(person.email)) : registerAccount(http, ctx, person);
}

/** Runs `fn` over `items` with at most `limit` at a time (RSA and PBKDF2 run on the thread pool). */
export async function mapLimit<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!, i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}
