// Test harness: a real server on a real database, on 127.0.0.1 with a random port.
// SQLite always (temp file); PostgreSQL too when DATABASE_URL_TEST is set (a fresh database per server,
// dropped on close). `describeServer` runs a suite once per backend.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe } from 'vitest';
import { createServer, type ProviderDeskServer } from '../../src-server/app';
import { parseConfig, type ServerConfigInput } from '../../src-server/config';
import type { Db } from '../../src-server/db/database';
import { outboxDir } from '../../src-server/mail/mailer';
import { HttpClient } from './http';

export type Backend = 'sqlite' | 'postgres';

export function backends(): Backend[] {
  return process.env.DATABASE_URL_TEST ? ['sqlite', 'postgres'] : ['sqlite'];
}

export interface TestServer {
  backend: Backend;
  url: string;
  http: HttpClient;
  db: Db;
  dataDir: string;
  server: ProviderDeskServer;
  /** Mails written to the outbox so far (oldest first). */
  outbox(): OutboxMail[];
  close(): Promise<void>;
}

export interface OutboxMail {
  to: string;
  subject: string;
  text: string;
  link?: string;
  meta?: Record<string, string>;
}

/** Fast settings for tests: cheap server-side re-hash, no failure delay, generous backoff, silent logs. */
export const TEST_CONFIG: Partial<ServerConfigInput> = {
  host: '127.0.0.1',
  port: 0,
  insecureHttp: true,
  logLevel: 'silent',
  passwordHashIterations: 1000,
  failedAuthDelayMs: 0,
  emailVerification: false,
  backoff: { freeFailures: 50, ipMaxFailures: 500, windowSeconds: 900, delaySeconds: 60, maxDelaySeconds: 3600 },
  mailRateLimit: { perIp: 1000, perEmail: 1000, windowSeconds: 900 },
};

async function createPostgresDatabase(adminUrl: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `pd_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

export async function startTestServer(
  backend: Backend = 'sqlite',
  overrides: Partial<ServerConfigInput> = {},
): Promise<TestServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'pd-server-'));
  let dropDb = async () => {};
  let databaseUrl: string | undefined;
  if (backend === 'postgres') {
    const adminUrl = process.env.DATABASE_URL_TEST;
    if (!adminUrl) throw new Error('DATABASE_URL_TEST is not set');
    const created = await createPostgresDatabase(adminUrl);
    databaseUrl = created.url;
    dropDb = created.drop;
  }
  const config = parseConfig({
    ...TEST_CONFIG,
    ...overrides,
    dataDir,
    ...(databaseUrl ? { databaseUrl } : {}),
  } as ServerConfigInput);
  const server = await createServer(config);
  const url = await server.listen();
  const outbox = () => {
    const dir = outboxDir(dataDir);
    let files: string[];
    try {
      files = readdirSync(dir)
        .filter((f) => f.endsWith('.json'))
        .sort();
    } catch {
      return [];
    }
    return files.map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as OutboxMail);
  };
  return {
    backend,
    url,
    http: new HttpClient(url),
    db: server.ctx.db,
    dataDir,
    server,
    outbox,
    async close() {
      await server.close();
      await dropDb();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Runs `body` once per backend, each with its own server started before the suite and closed after.
 * `t()` returns the running server inside tests.
 */
export function describeServer(
  name: string,
  body: (t: () => TestServer) => void,
  overrides: Partial<ServerConfigInput> = {},
): void {
  for (const backend of backends()) {
    describe(`${name} [${backend}]`, () => {
      let current: TestServer | undefined;
      beforeAll(async () => {
        current = await startTestServer(backend, overrides);
      });
      afterAll(async () => {
        await current?.close();
      });
      body(() => {
        if (!current) throw new Error('server not started');
        return current;
      });
    });
  }
}

export { HttpClient, type HttpResponse } from './http';
export { registerUser, loginUser, registerAndLogin, createOrganization, type TestUser, type TestOrg } from './users';
