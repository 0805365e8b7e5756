/**
 * The renderer benchmarks' stage: the built browser shell (`out/main/web.js`, the same main-process services and
 * renderer bundle the end-to-end tests use) on a fresh data folder, Debian's Chromium driven by playwright-core,
 * and a sign-in through the real Log in screen against the scale backend.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

const ROOT = resolve(import.meta.dirname, '../..');

export interface Shell {
  url: string;
  dataDir: string;
  stop(): Promise<void>;
}

/** Starts `node out/main/web.js --no-open` on a fresh data folder and reads its launch URL. */
export async function startShell(): Promise<Shell> {
  const entry = join(ROOT, 'out/main/web.js');
  if (!existsSync(entry)) throw new Error('out/main/web.js is missing: run `npm run build` first');
  const dataDir = mkdtempSync(join(tmpdir(), 'pd-bench-shell-'));
  const child = spawn(process.execPath, [entry, '--no-open', '--data-dir', dataDir], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await launchUrl(child);
  return {
    url,
    dataDir,
    stop: () =>
      new Promise((ok) => {
        const done = () => {
          rmSync(dataDir, { recursive: true, force: true });
          ok();
        };
        if (child.exitCode !== null) return done();
        child.once('exit', done);
        child.kill('SIGTERM');
      }),
  };
}

function launchUrl(child: ChildProcess): Promise<string> {
  return new Promise((ok, fail) => {
    let out = '';
    const timer = setTimeout(() => fail(new Error('the browser shell printed no URL within 30 s')), 30_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /^Provider Desk: (\S+)\n/.exec(out);
      if (match) {
        clearTimeout(timer);
        ok(match[1]!);
      }
    });
    child.once('exit', (code) => fail(new Error(`the browser shell exited with ${code}`)));
  });
}

export interface BrowserStage {
  context: BrowserContext;
  page: Page;
  /** Chromium's profile folder: its processes carry it on their command line (memory.ts finds them by it). */
  userDataDir: string;
  close(): Promise<void>;
}

/**
 * Chromium as the end-to-end tests launch it (playwright.config.ts), with a profile on disk: IndexedDB then lives
 * in files as in the desktop app, not in the memory of an incognito context (which also stalls at a million rows).
 */
export async function launchBrowser(): Promise<BrowserStage> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'pd-bench-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    viewport: { width: 1280, height: 800 },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
      '--enable-precise-memory-info',
    ],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    userDataDir,
    close: async () => {
      await context.close().catch(() => {});
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** The Log in screen, Self-hosted, the backend's http://127.0.0.1 URL; resolves once the Clients page shows. */
export async function signIn(page: Page, shellUrl: string, server: string, email: string, password: string) {
  await page.goto(shellUrl);
  await page.getByRole('heading', { level: 1, name: 'Log in' }).waitFor({ timeout: 30_000 });
  await page.getByLabel('Server', { exact: true }).selectOption({ label: 'Self-hosted' });
  await page.getByLabel('Server URL').fill(server);
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Master password').fill(password);
  await page.getByRole('button', { name: 'Log in', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Clients' }).waitFor({ timeout: 60_000 });
}
