// The seeded provider backend for end-to-end tests of the portal and client-org screens. Once per Playwright run
// (globalSetup) a template data folder is made exactly as `npm start`'s first start makes it: `seed-demo` from the
// command line, then `serve --tls-self-signed` (which generates the local CA into `tls/`). Each worker copies the
// folder, `tls/` included, and serves it the same way, so every worker begins from the same ~40 clients and 90 days
// of history, over HTTPS with the one generated CA.
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { outboxDir } from '../../src-server/mail/mailer';
import { accountsFile } from '../../scripts/localServer.mjs';
import { launch, startBackend, templateDir, type Backend, type RegisteredUser } from './backend';

export { TEMPLATE_ENV } from './backend';

export interface SeedAccount {
  email: string;
  password: string | null;
  role: string;
}

export interface DemoBackend extends Backend {
  providerId: string;
  accounts: SeedAccount[];
  /** A seeded account with a password, by email (`ava.martin@northwind-msp.example`, …). */
  account(email: string): RegisteredUser;
}

export const PROVIDER_ADMIN = 'ava.martin@northwind-msp.example';
export const SERVICE_USER = 'carla.reyes@northwind-msp.example';

const SUMMARY = 'seed-summary.json';

/** Reads what `seed-demo` printed (kept in `demo-accounts.txt`): the provider id and every account. */
export function parseSeedOutput(text: string): { providerId: string; accounts: SeedAccount[] } {
  const providerId = /\(provider ([0-9a-f-]{36})\)/.exec(text)?.[1];
  if (!providerId) throw new Error('seed-demo printed no provider id');
  const accounts = text
    .split('\n')
    .map((line) => /^ {2}(\S+@\S+) +(.+?) {2,}(.+)$/.exec(line))
    .filter((m): m is RegExpExecArray => m !== null)
    .map(([, email, password, role]) => ({
      email: email!,
      password: password === '(invited, no account)' ? null : password!,
      role: role!.trim(),
    }));
  return { providerId, accounts };
}

/** Seeds a template data folder (globalSetup) as `npm start` does on its first start. Returns its path. */
export async function seedTemplate(): Promise<string> {
  const dataDir = mkdtempSync(join(tmpdir(), 'desk-e2e-demo-template-'));
  const server = await launch(dataDir, { seed: true });
  await server.stop();
  const summary = parseSeedOutput(readFileSync(accountsFile(dataDir), 'utf8'));
  writeFileSync(join(dataDir, SUMMARY), JSON.stringify(summary));
  rmSync(outboxDir(dataDir), { recursive: true, force: true });
  return dataDir;
}

/** Starts a server on a private copy of the template. */
export async function startDemoBackend(template = templateDir()): Promise<DemoBackend> {
  if (!existsSync(join(template, SUMMARY))) throw new Error(`${template} is not a seeded demo template`);
  const dataDir = mkdtempSync(join(tmpdir(), 'desk-e2e-demo-'));
  cpSync(template, dataDir, { recursive: true });
  const summary = JSON.parse(readFileSync(join(dataDir, SUMMARY), 'utf8')) as ReturnType<typeof parseSeedOutput>;
  const server = await startBackend(dataDir);
  return {
    ...server,
    providerId: summary.providerId,
    accounts: summary.accounts,
    account(email) {
      const found = summary.accounts.find((a) => a.email === email);
      if (!found?.password) throw new Error(`No seeded account with a password: ${email}`);
      return { email: found.email, password: found.password, name: found.email };
    },
  };
}

/** A seeded organization's id by its name, read from the backend's SQLite file (the demo backends use SQLite). */
export function orgIdOf(dataDir: string, name: string): string {
  const db = new SQLite(join(dataDir, 'provider-desk.sqlite'), { readonly: true, fileMustExist: true });
  try {
    const row = db.prepare('select id from organizations where name = ?').get(name) as { id: string } | undefined;
    if (!row) throw new Error(`no organization named ${name} in the demo data`);
    return row.id;
  } finally {
    db.close();
  }
}
