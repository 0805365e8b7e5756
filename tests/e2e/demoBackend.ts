// The seeded provider backend for end-to-end tests of the portal and client-org screens: `seed-demo` runs once per
// Playwright run (globalSetup) into a template data folder; each worker copies the folder and starts a real server
// on it (plain http on 127.0.0.1), so every worker begins from the same ~40 clients and 90 days of history.
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from '../../src-server/app';
import { parseConfig } from '../../src-server/config';
import { outboxDir } from '../../src-server/mail/mailer';
import { seedDemo, type SeedSummary } from '../../src-server/seed/demo';
import type { Backend, RegisteredUser } from './backend';

export const TEMPLATE_ENV = 'DESK_E2E_DEMO_TEMPLATE';

export interface DemoBackend extends Backend {
  dataDir: string;
  providerId: string;
  accounts: SeedSummary['accounts'];
  /** A seeded account with a password, by email (`ava.martin@northwind-msp.example`, …). */
  account(email: string): RegisteredUser;
  /** Mail the server wrote to its outbox since it started, newest last (invitations carry `link`). */
  outbox(): { to: string; subject: string; link?: string; [key: string]: unknown }[];
}

export const PROVIDER_ADMIN = 'ava.martin@northwind-msp.example';
export const SERVICE_USER = 'carla.reyes@northwind-msp.example';

function config(dataDir: string) {
  return parseConfig({
    dataDir,
    host: '127.0.0.1',
    port: 0,
    insecureHttp: true,
    logLevel: 'silent',
    emailVerification: false,
  });
}

/** Seeds a template data folder (globalSetup). Returns its path. */
export async function seedTemplate(): Promise<string> {
  const dataDir = mkdtempSync(join(tmpdir(), 'desk-e2e-demo-template-'));
  const server = await createServer(config(dataDir));
  try {
    await server.listen();
    const summary = await seedDemo(server);
    writeFileSync(join(dataDir, 'seed-summary.json'), JSON.stringify(summary));
  } finally {
    await server.close();
  }
  rmSync(outboxDir(dataDir), { recursive: true, force: true });
  return dataDir;
}

/** Starts a server on a private copy of the template. */
export async function startDemoBackend(template = process.env[TEMPLATE_ENV]): Promise<DemoBackend> {
  if (!template) throw new Error(`${TEMPLATE_ENV} is not set: the Playwright globalSetup seeds the demo template.`);
  const dataDir = mkdtempSync(join(tmpdir(), 'desk-e2e-demo-'));
  cpSync(template, dataDir, { recursive: true });
  const summary = JSON.parse(readFileSync(join(dataDir, 'seed-summary.json'), 'utf8')) as SeedSummary;
  const server = await createServer(config(dataDir));
  const url = await server.listen();
  return {
    url,
    dataDir,
    providerId: summary.providerId,
    accounts: summary.accounts,
    account(email) {
      const found = summary.accounts.find((a) => a.email === email);
      if (!found?.password) throw new Error(`No seeded account with a password: ${email}`);
      return { email: found.email, password: found.password, name: found.email };
    },
    outbox() {
      const dir = outboxDir(dataDir);
      let files: string[];
      try {
        files = readdirSync(dir).sort();
      } catch {
        return [];
      }
      return files
        .filter((f) => f.endsWith('.json'))
        .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as ReturnType<DemoBackend['outbox']>[number]);
    },
    async close() {
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
