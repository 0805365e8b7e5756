// Storage at rest (issue 13): the data folder is 0700 and its files 0600 from creation, looser modes are fixed on
// start; the access-token signing key lives in a 0600 file or the configuration, not in `server_keys`; a previous
// key still verifies during a rollover; migration 006 takes an older installation's key out of the table.
import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jwtVerify } from 'jose';
import { sql } from 'kysely';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { createServer, type ProviderDeskServer } from '../../src-server/app';
import { configFromEnv, parseConfig, type ServerConfigInput } from '../../src-server/config';
import { secureDataDir } from '../../src-server/storage';
import { ensureSelfSigned } from '../../src-server/tls';
import { backends, TEST_CONFIG, type Backend, type TestServer } from './harness';
import { HttpClient } from './http';
import { createEnterpriseOrg } from './orgWorld';
import { registerAndLogin, type TestUser } from './users';

const posix = process.platform !== 'win32';
const mode = (path: string) => statSync(path).mode & 0o777;
const newKey = () => randomBytes(32).toString('base64');

interface Installation {
  dataDir: string;
  start(overrides?: Partial<ServerConfigInput>): Promise<{ server: ProviderDeskServer; http: HttpClient }>;
  cleanup(): Promise<void>;
}

/** A data folder (not created yet) and a database that outlive server restarts. */
async function installation(backend: Backend): Promise<Installation> {
  const root = mkdtempSync(join(tmpdir(), 'pd-storage-'));
  const dataDir = join(root, 'data');
  let databaseUrl: string | undefined;
  let drop = async () => {};
  if (backend === 'postgres') {
    const adminUrl = process.env.DATABASE_URL_TEST!;
    const name = `pd_storage_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    databaseUrl = url.toString();
    drop = async () => {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    };
  }
  const running: ProviderDeskServer[] = [];
  return {
    dataDir,
    async start(overrides = {}) {
      const config = parseConfig({
        ...TEST_CONFIG,
        ...overrides,
        dataDir,
        ...(databaseUrl ? { databaseUrl } : {}),
      } as ServerConfigInput);
      const server = await createServer(config);
      running.push(server);
      return { server, http: new HttpClient(await server.listen()) };
    },
    async cleanup() {
      for (const s of running) await s.close().catch(() => {});
      await drop();
      rmSync(root, { recursive: true, force: true });
    },
  };
}

const login = (http: HttpClient) => registerAndLogin({ http } as TestServer);
const profile = (http: HttpClient, user: TestUser) => http.get('/api/accounts/profile', { token: user.accessToken });
const signedWith = async (token: string, base64: string) => {
  try {
    await jwtVerify(token, Buffer.from(base64, 'base64'), { algorithms: ['HS256'] });
    return true;
  } catch {
    return false;
  }
};
const keyRows = async (server: ProviderDeskServer) =>
  (await server.ctx.db.selectFrom('server_keys').select('name').execute()).map((r) => r.name);

for (const backend of backends()) {
  describe(`security: storage at rest [${backend}]`, () => {
    let inst: Installation;
    afterEach(async () => {
      await inst?.cleanup();
    });

    it.runIf(posix)('creates the data folder 0700 and its files 0600', async () => {
      inst = await installation(backend);
      const { server, http } = await inst.start();
      const user = await login(http);
      // A mail to the outbox, so that folder and a file in it exist too.
      const org = await createEnterpriseOrg({ http } as TestServer, user);
      const invite = await http.post(`/api/organizations/${org.id}/users/invite`, {
        token: user.accessToken,
        json: { emails: ['invitee@example.com'], type: 2 },
      });
      expect(invite.status).toBe(200);
      await server.close();
      expect(mode(inst.dataDir)).toBe(0o700);
      const files = ['jwt.key', ...(backend === 'sqlite' ? ['provider-desk.sqlite'] : [])];
      for (const f of files) expect(mode(join(inst.dataDir, f)), f).toBe(0o600);
      for (const f of ['provider-desk.sqlite-wal', 'provider-desk.sqlite-shm'])
        if (existsSync(join(inst.dataDir, f))) expect(mode(join(inst.dataDir, f)), f).toBe(0o600);
      const outbox = join(inst.dataDir, 'outbox');
      expect(mode(outbox)).toBe(0o700);
      for (const f of readdirSync(outbox)) expect(mode(join(outbox, f)), f).toBe(0o600);
    });

    it.runIf(posix)('fixes looser modes on start', async () => {
      inst = await installation(backend);
      await (await inst.start()).server.close();
      const outbox = join(inst.dataDir, 'outbox');
      mkdirSync(outbox, { recursive: true });
      writeFileSync(join(outbox, 'old.json'), '{}');
      chmodSync(join(outbox, 'old.json'), 0o644);
      chmodSync(outbox, 0o755);
      chmodSync(join(inst.dataDir, 'jwt.key'), 0o644);
      if (backend === 'sqlite') chmodSync(join(inst.dataDir, 'provider-desk.sqlite'), 0o664);
      chmodSync(inst.dataDir, 0o755);
      await inst.start();
      expect(mode(inst.dataDir)).toBe(0o700);
      expect(mode(outbox)).toBe(0o700);
      expect(mode(join(outbox, 'old.json'))).toBe(0o600);
      expect(mode(join(inst.dataDir, 'jwt.key'))).toBe(0o600);
      if (backend === 'sqlite') expect(mode(join(inst.dataDir, 'provider-desk.sqlite'))).toBe(0o600);
    });

    it('keeps the signing key in a 0600 file of the data folder, not in server_keys', async () => {
      inst = await installation(backend);
      const { server, http } = await inst.start();
      const user = await login(http);
      const fileKey = readFileSync(join(inst.dataDir, 'jwt.key'), 'utf8').trim();
      expect(Buffer.from(fileKey, 'base64')).toHaveLength(32);
      expect(await signedWith(user.accessToken, fileKey)).toBe(true);
      expect(await keyRows(server)).not.toContain('jwt');
      // Restarted, the same key: earlier tokens still work.
      await server.close();
      const again = await inst.start();
      expect((await profile(again.http, user)).status).toBe(200);
    });

    it('takes the key from PD_JWT_KEY or PD_JWT_KEY_FILE', async () => {
      inst = await installation(backend);
      const envKey = newKey();
      const fromEnv = await inst.start({ jwtKey: envKey });
      const user = await login(fromEnv.http);
      expect(await signedWith(user.accessToken, envKey)).toBe(true);
      expect(existsSync(join(inst.dataDir, 'jwt.key'))).toBe(false);
      expect(await keyRows(fromEnv.server)).not.toContain('jwt');
      await fromEnv.server.close();

      const keyFile = join(inst.dataDir, 'elsewhere.key');
      const fileKey = newKey();
      writeFileSync(keyFile, `${fileKey}\n`, { mode: 0o600 });
      const fromFile = await inst.start({ jwtKeyFile: keyFile });
      const other = await login(fromFile.http);
      expect(await signedWith(other.accessToken, fileKey)).toBe(true);
      // Tokens of the other key are refused now (no rollover configured).
      expect((await profile(fromFile.http, user)).status).toBe(401);
    });

    it('rollover: a previous key verifies, new tokens use the current key only', async () => {
      inst = await installation(backend);
      const [oldKey, nextKey] = [newKey(), newKey()];
      const before = await inst.start({ jwtKey: oldKey });
      const user = await login(before.http);
      await before.server.close();

      const during = await inst.start({ jwtKey: nextKey, jwtKeyPrevious: oldKey });
      expect((await profile(during.http, user)).status).toBe(200);
      const fresh = await login(during.http);
      expect(await signedWith(fresh.accessToken, nextKey)).toBe(true);
      expect(await signedWith(fresh.accessToken, oldKey)).toBe(false);
      await during.server.close();

      const after = await inst.start({ jwtKey: nextKey });
      expect((await profile(after.http, user)).status).toBe(401);
      expect((await profile(after.http, fresh)).status).toBe(200);
      await after.server.close();

      // The file form: the old key file renamed to jwt.previous.key.
      writeFileSync(join(inst.dataDir, 'jwt.previous.key'), `${nextKey}\n`, { mode: 0o600 });
      const byFile = await inst.start();
      expect((await profile(byFile.http, fresh)).status).toBe(200);
      expect(await signedWith((await login(byFile.http)).accessToken, nextKey)).toBe(false);
    });

    it('migration 006 moves an older installation’s key from server_keys to the file, tokens still valid', async () => {
      inst = await installation(backend);
      const first = await inst.start();
      const user = await login(first.http);
      const keyFile = join(inst.dataDir, 'jwt.key');
      const key = readFileSync(keyFile, 'utf8').trim();
      // Rewind to what the previous version left: the key in the table, no file, 006 not applied.
      const db = first.server.ctx.db;
      await db.insertInto('server_keys').values({ name: 'jwt', value: key }).execute();
      await sql`DELETE FROM kysely_migration WHERE name = '006_keys_at_rest'`.execute(db);
      await first.server.close();
      rmSync(keyFile);

      const upgraded = await inst.start();
      expect(readFileSync(keyFile, 'utf8').trim()).toBe(key);
      if (posix) expect(mode(keyFile)).toBe(0o600);
      expect(await keyRows(upgraded.server)).not.toContain('jwt');
      expect((await profile(upgraded.http, user)).status).toBe(200);
      await upgraded.server.close();

      // With PD_JWT_KEY configured the configured key wins and the table row is dropped all the same.
      const db2 = (await inst.start()).server.ctx.db;
      await db2.insertInto('server_keys').values({ name: 'jwt', value: newKey() }).execute();
      await sql`DELETE FROM kysely_migration WHERE name = '006_keys_at_rest'`.execute(db2);
      const configured = await inst.start({ jwtKey: newKey() });
      expect(await keyRows(configured.server)).not.toContain('jwt');
      expect(readFileSync(keyFile, 'utf8').trim()).toBe(key);
    });
  });
}

describe('security: storage configuration', () => {
  it('reads PD_JWT_KEY, PD_JWT_KEY_FILE and the rollover keys from the environment, and refuses short keys', () => {
    const [a, b] = [newKey(), newKey()];
    const config = parseConfig({
      ...configFromEnv({
        PD_DATA_DIR: '/tmp/x',
        PD_JWT_KEY: a,
        PD_JWT_KEY_FILE: '/tmp/x/k',
        PD_JWT_KEY_PREVIOUS: `${b}, ${a}`,
        PD_JWT_KEY_PREVIOUS_FILE: '/tmp/x/p',
      }),
      insecureHttp: true,
    });
    expect(config).toMatchObject({ jwtKey: a, jwtKeyFile: '/tmp/x/k', jwtKeyPrevious: [b, a] });
    expect(config.jwtKeyPreviousFile).toBe('/tmp/x/p');
    const short = Buffer.alloc(16).toString('base64');
    expect(() => parseConfig({ dataDir: '/tmp/x', insecureHttp: true, jwtKey: short })).toThrow(/PD_JWT_KEY|jwtKey/);
    expect(() => parseConfig({ dataDir: '/tmp/x', insecureHttp: true, jwtKeyPrevious: 'not a key' })).toThrow();
  });

  it.runIf(posix)('makes the generated TLS folder 0700 and its keys and certificates 0600', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pd-tls-'));
    try {
      ensureSelfSigned(dir);
      expect(mode(join(dir, 'tls'))).toBe(0o700);
      const files = readdirSync(join(dir, 'tls'));
      expect(files).toEqual(expect.arrayContaining(['ca.key', 'ca.crt', 'server.key', 'server.crt']));
      for (const f of files) expect(mode(join(dir, 'tls', f)), f).toBe(0o600);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it.runIf(posix)('says in one line what it fixed, and nothing when all is private', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pd-perm-'));
    try {
      writeFileSync(join(dir, 'provider-desk.sqlite'), '');
      chmodSync(join(dir, 'provider-desk.sqlite'), 0o644);
      // Not the server's: a folder given as --data-dir may hold other things, which are left alone.
      writeFileSync(join(dir, 'notes.txt'), '');
      chmodSync(join(dir, 'notes.txt'), 0o644);
      chmodSync(dir, 0o755);
      const line = secureDataDir(dir);
      expect(line).toMatch(/tightened .* 2 path\(s\)/);
      expect(line).toContain(`${dir} 0755→0700`);
      expect(line).toContain(`${join(dir, 'provider-desk.sqlite')} 0644→0600`);
      expect(mode(join(dir, 'notes.txt'))).toBe(0o644);
      expect(secureDataDir(dir)).toBeNull();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
