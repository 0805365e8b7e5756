// Scale-out (issue 9): two server instances on ONE PostgreSQL database, as behind a load balancer without sticky
// sessions. Whatever one instance writes, issues or counts, the other sees: a client created through one is listed
// by the other, tokens issued by one are honoured by the other (and a rotated refresh token is dead on both), and
// login failures split across the instances add up to the lockout. Needs DATABASE_URL_TEST (set by .ci/run).
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from '../../src-server/app';
import { parseConfig, type ServerConfigInput } from '../../src-server/config';
import { upsertSnapshots } from '../../src-server/domain/providers/snapshots';
import { outboxDir } from '../../src-server/mail/mailer';
import { billingSweep } from '../../src-server/routes/api/providers/index';
import { TEST_CONFIG, type OutboxMail, type TestServer } from './harness';
import { HttpClient } from './http';
import { createClient, createProvider, newUser, FAST_KDF } from './providers/fixtures';
import { passwordForm, passwordHashFor } from './users';

const adminUrl = process.env.DATABASE_URL_TEST;
const MAX_FAILURES = 4;
// Issue 13: the signing key is not in the database; instances behind one load balancer share it by configuration.
const SHARED_JWT_KEY = randomBytes(32).toString('base64');

async function startInstance(databaseUrl: string, name: string): Promise<TestServer> {
  const dataDir = mkdtempSync(join(tmpdir(), `pd-scaleout-${name}-`));
  const config = parseConfig({
    ...TEST_CONFIG,
    dataDir,
    databaseUrl,
    jwtKey: SHARED_JWT_KEY,
    backoff: {
      freeFailures: MAX_FAILURES,
      ipMaxFailures: 1000,
      windowSeconds: 900,
      delaySeconds: 60,
      maxDelaySeconds: 3600,
    },
  } as ServerConfigInput);
  const server = await createServer(config);
  const url = await server.listen();
  const outbox = (): OutboxMail[] => {
    try {
      const dir = outboxDir(dataDir);
      return readdirSync(dir)
        .filter((f) => f.endsWith('.json'))
        .sort()
        .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as OutboxMail);
    } catch {
      return [];
    }
  };
  return {
    backend: 'postgres',
    url,
    http: new HttpClient(url),
    db: server.ctx.db,
    dataDir,
    server,
    outbox,
    async close() {
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

const skipReason = adminUrl ? '' : ' (skipped: DATABASE_URL_TEST is not set, so there is no PostgreSQL to share)';
if (!adminUrl) console.warn(`tests/server/scaleOut.test.ts${skipReason}`);

describe.skipIf(!adminUrl)(`scale-out: two instances on one PostgreSQL${skipReason}`, () => {
  let a: TestServer;
  let b: TestServer;
  const dbName = `pd_scaleout_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;

  beforeAll(async () => {
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${dbName}`);
    await admin.end();
    const url = new URL(adminUrl!);
    url.pathname = `/${dbName}`;
    // Both start at once on an empty database: the migrations run under Kysely's lock, the server keys are made once.
    [a, b] = await Promise.all([startInstance(url.toString(), 'a'), startInstance(url.toString(), 'b')]);
  });

  afterAll(async () => {
    await Promise.all([a?.close(), b?.close()]);
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    await admin.end();
  });

  it('shares the server keys: both instances sign and verify the same tokens', () => {
    expect(Buffer.from(a.server.ctx.keys.jwt).equals(Buffer.from(b.server.ctx.keys.jwt))).toBe(true);
    expect(a.server.ctx.keys.hmac.equals(b.server.ctx.keys.hmac)).toBe(true);
  });

  it('a client created through one instance is listed by the other', async () => {
    const provider = await createProvider(a); // registered, logged in and set up through A
    const viaB = { ...b, outbox: a.outbox }; // the setup mail went to A's outbox; B writes to the same database
    const client = await createClient(viaB, provider, { name: 'Scale-out Dental' }); // created through B
    const listA = await a.http.get(`/api/providers/${provider.id}/organizations`, {
      token: provider.admin.accessToken,
    });
    expect(listA.status).toBe(200);
    expect(listA.body.data.map((c: { organizationId: string }) => c.organizationId)).toContain(client.orgId);
    const listB = await b.http.get(`/api/providers/${provider.id}/organizations`, {
      token: provider.admin.accessToken,
    });
    expect(listB.body.data).toEqual(listA.body.data);
    // Seat use and the provider event log agree too.
    const eventsA = await a.http.get(`/api/providers/${provider.id}/events`, { token: provider.admin.accessToken });
    expect(eventsA.body.data.some((e: { type: number }) => e.type === 1900)).toBe(true);
  });

  it('both instances sweeping billing at once issue each monthly invoice once', async () => {
    const provider = await createProvider(a);
    const client = await createClient(a, provider, { name: 'Sweep Bakery' });
    const lastMonth = new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth() - 1, 15))
      .toISOString()
      .slice(0, 10);
    await upsertSnapshots(a.db, provider.id, lastMonth, [
      { organizationId: client.orgId, organizationName: 'Sweep Bakery', planType: 17, assigned: 10, used: 3 },
    ]);
    await Promise.all([billingSweep(a.server.ctx), billingSweep(b.server.ctx), billingSweep(a.server.ctx)]);
    const invoices = await a.db
      .selectFrom('provider_invoices')
      .select(['id', 'period_start'])
      .where('provider_id', '=', provider.id)
      .execute();
    expect(invoices.map((i) => i.period_start)).toEqual([`${lastMonth.slice(0, 7)}-01`]);
    const items = await a.db
      .selectFrom('provider_invoice_items')
      .selectAll()
      .where('invoice_id', '=', invoices[0]!.id)
      .execute();
    expect(items).toHaveLength(1);
  });

  it('a refresh token issued by one instance is honoured by the other, and rotation holds across both', async () => {
    const user = await newUser(a, 'Refresher');
    // Issued by A, redeemed at B: new tokens, and B's access token works at A.
    const first = await b.http.token({
      grant_type: 'refresh_token',
      client_id: 'cli',
      refresh_token: user.refreshToken,
    });
    expect(first.status).toBe(200);
    expect((await a.http.get('/api/accounts/profile', { token: first.body.access_token })).status).toBe(200);
    // The rotated one works at A.
    const second = await a.http.token({
      grant_type: 'refresh_token',
      client_id: 'cli',
      refresh_token: first.body.refresh_token,
    });
    expect(second.status).toBe(200);
    // The redeemed token is dead on both instances, and replaying it revoked its family on both.
    for (const s of [a, b]) {
      const again = await s.http.token({
        grant_type: 'refresh_token',
        client_id: 'cli',
        refresh_token: user.refreshToken,
      });
      expect(again.status).toBe(400);
      expect(again.body.error).toBe('invalid_grant');
      const revoked = await s.http.token({
        grant_type: 'refresh_token',
        client_id: 'cli',
        refresh_token: second.body.refresh_token,
      });
      expect(revoked.status).toBe(400);
    }
    // The same token presented to both at once is redeemed exactly once.
    const login = await b.http.token(passwordForm(user.email, user.passwordHash));
    expect(login.status).toBe(200);
    const race = await Promise.all(
      [a, b, a, b].map((s) =>
        s.http.token({ grant_type: 'refresh_token', client_id: 'cli', refresh_token: login.body.refresh_token }),
      ),
    );
    expect(race.map((r) => r.status).sort()).toEqual([200, 400, 400, 400]);
  });

  it('login backoff counts failures at both instances (one after another)', async () => {
    const user = await newUser(a, 'Backoff');
    const wrong = passwordForm(user.email, await passwordHashFor(user.email, 'not the password', FAST_KDF));
    for (let i = 0; i < MAX_FAILURES; i++) {
      const res = await (i % 2 ? b : a).http.token(wrong);
      expect(res.status).toBe(400);
    }
    const right = passwordForm(user.email, user.passwordHash);
    for (const s of [a, b]) {
      const locked = await s.http.token(right);
      expect(locked.status).toBe(429);
      expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
    }
  });

  it('login backoff counts failures at both instances (all at once)', async () => {
    const user = await newUser(b, 'Burst');
    const wrong = passwordForm(user.email, await passwordHashFor(user.email, 'not the password', FAST_KDF));
    const burst = await Promise.all(Array.from({ length: MAX_FAILURES }, (_, i) => (i % 2 ? b : a).http.token(wrong)));
    expect(burst.every((r) => r.status === 400)).toBe(true);
    const locked = await a.http.token(passwordForm(user.email, user.passwordHash));
    expect(locked.status).toBe(429);
  });
});
