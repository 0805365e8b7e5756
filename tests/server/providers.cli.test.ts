// `npm run server -- provider-invite` (issue 5): a pending provider in the data dir's database and its setup link
// in the outbox; bad flags fail without creating anything.
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import SQLite from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = join(import.meta.dirname, '../..');
const dataDir = mkdtempSync(join(tmpdir(), 'pd-cli-'));
const cli = (...args: string[]) =>
  run(process.execPath, ['--import', 'tsx', 'src-server/cli.ts', ...args, '--data-dir', dataDir], {
    cwd: root,
    env: { ...process.env, PD_LOG_LEVEL: 'silent' },
  });

describe('provider-invite command', () => {
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('creates a pending provider and writes the setup link to the outbox', async () => {
    const { stdout } = await cli(
      'provider-invite',
      '--email',
      'Owner@Example.com',
      '--type',
      'business-unit',
      '--enterprise-minimum',
      '40',
    );
    const id = /provider ([0-9a-f-]{36}) created \(pending\)/.exec(stdout)?.[1];
    expect(id).toBeDefined();
    expect(stdout).toMatch(
      new RegExp(
        `https://localhost:8443/providers/setup-provider\\?providerId=${id}&email=owner%40example\\.com&token=BwProviderSetupToken_`,
      ),
    );
    const mails = readdirSync(join(dataDir, 'outbox')).map((f) =>
      JSON.parse(readFileSync(join(dataDir, 'outbox', f), 'utf8')),
    );
    expect(mails).toEqual([expect.objectContaining({ to: 'owner@example.com', subject: 'Set up your provider' })]);
    const db = new SQLite(join(dataDir, 'provider-desk.sqlite'), { readonly: true });
    expect(db.prepare('select type, status from providers where id = ?').get(id)).toEqual({ type: 2, status: 0 });
    expect(
      db.prepare('select plan_type, seat_minimum from provider_plans where provider_id = ? order by plan_type').all(id),
    ).toEqual([
      { plan_type: 19, seat_minimum: 40 },
      { plan_type: 20, seat_minimum: 40 },
    ]);
    db.close();
  });

  it('refuses bad flags', async () => {
    await expect(cli('provider-invite', '--email', 'not-an-email')).rejects.toMatchObject({
      stderr: expect.stringContaining('--email must be an email address'),
    });
    await expect(cli('provider-invite', '--email', 'a@example.com', '--type', 'big')).rejects.toMatchObject({
      stderr: expect.stringContaining('--type must be msp, reseller or business-unit'),
    });
    await expect(cli('seed-demo', '--clients', 'zero')).rejects.toMatchObject({
      stderr: expect.stringContaining('--clients'),
    });
    const db = new SQLite(join(dataDir, 'provider-desk.sqlite'), { readonly: true });
    expect(db.prepare('select count(*) as n from providers').get()).toEqual({ n: 1 });
    db.close();
  });
});
