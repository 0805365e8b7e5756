// What docs/deploy.md promises behind a load balancer (issue 9): the health check `GET /api/alive` (anonymous; 503
// once the database is gone), and client addresses from X-Forwarded-For only with --trust-proxy.
import { Kysely, SqliteDialect } from 'kysely';
import { expect, it } from 'vitest';
import type { Db } from '../../src-server/db/database';
import type { Database } from '../../src-server/db/schema';
import { configFromFlags } from '../../src-server/cli';
import { parseConfig, type ServerConfigInput } from '../../src-server/config';
import { describeServer, startTestServer, TEST_CONFIG } from './harness';
import type { HttpClient } from './http';
import { passwordForm } from './users';

describeServer('health check', (t) => {
  it('answers the server time when the database answers, without a token', async () => {
    const res = await t().http.get('/api/alive');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(Math.abs(Date.parse(res.body as string) - Date.now())).toBeLessThan(60_000);
  });

  it('answers 503 when the database is unavailable', async () => {
    // A handle whose connection cannot be opened stands in for a lost database.
    const closed = new Kysely<Database>({
      dialect: new SqliteDialect({
        database: async () => {
          throw new Error('connection refused');
        },
      }),
    });
    const ctx = t().server.ctx as { db: Db };
    const db = ctx.db;
    ctx.db = closed;
    try {
      const res = await t().http.get('/api/alive');
      expect(res.status).toBe(503);
      expect(res.body.message).toBe('The database is unavailable.');
    } finally {
      ctx.db = db;
    }
    expect((await t().http.get('/api/alive')).status).toBe(200);
  });
});

describeServer('behind a proxy', (t) => {
  const failFrom = (http: HttpClient, email: string) =>
    http.post('/identity/connect/token', {
      form: passwordForm(email, 'bm90IHRoZSBoYXNo'),
      headers: { 'Bitwarden-Client-Version': '2026.9.0', 'Device-Type': '25', 'X-Forwarded-For': '203.0.113.9' },
    });

  it('takes the client address from X-Forwarded-For of a trusted proxy only', async () => {
    const trusted = await startTestServer(t().backend, { trustProxy: '127.0.0.1' });
    try {
      await failFrom(trusted.http, 'nobody@proxy.example');
      const keys = (await trusted.db.selectFrom('login_backoff').select('scope_key').execute()).map((r) => r.scope_key);
      expect(keys).toContain('ip:203.0.113.9');
    } finally {
      await trusted.close();
    }
    await failFrom(t().http, 'nobody@direct.example');
    const keys = (await t().db.selectFrom('login_backoff').select('scope_key').execute()).map((r) => r.scope_key);
    expect(keys).not.toContain('ip:203.0.113.9');
    expect(keys).toContain('ip:127.0.0.1');
  });

  it('reads --trust-proxy and PD_TRUST_PROXY', () => {
    const base = { ...TEST_CONFIG, dataDir: '/tmp' } as ServerConfigInput;
    expect(
      parseConfig({ ...base, ...configFromFlags({ 'trust-proxy': 'true' }, {}), dataDir: '/tmp', insecureHttp: true })
        .trustProxy,
    ).toBe(true);
    expect(
      parseConfig({
        ...base,
        ...configFromFlags({}, { PD_TRUST_PROXY: '10.0.0.0/8, 127.0.0.1' }),
        dataDir: '/tmp',
        insecureHttp: true,
      }).trustProxy,
    ).toBe('10.0.0.0/8, 127.0.0.1');
    expect(parseConfig({ ...base, ...configFromFlags({}, {}), dataDir: '/tmp', insecureHttp: true }).trustProxy).toBe(
      false,
    );
    expect(() => parseConfig({ ...base, trustProxy: 'evil; rm -rf' })).toThrow(/trustProxy/);
  });
});
