import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// The built browser-shell entry, run the way `npm start -- --web --no-open` runs it.
const root = join(import.meta.dirname, '../../../..');
const entry = join(root, 'out/main/web.js');

interface Running {
  child: ChildProcess;
  url: string;
  stdout: () => string;
}

function launch(dataDir: string): Promise<Running> {
  if (!existsSync(entry)) throw new Error('Build first: npm run build (npm test does it for you).');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [entry, '--no-open', '--data-dir', dataDir], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (chunk) => {
      stdout += chunk;
      const line = /^Provider Desk: (\S+)\n/.exec(stdout);
      if (line) resolve({ child, url: line[1]!, stdout: () => stdout });
    });
    child.stderr!.on('data', (chunk) => (stderr += chunk));
    child.on('exit', (code) => reject(new Error(`exited ${code}: ${stderr}`)));
  });
}

function exitOf(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => child.on('exit', (code) => resolve(code)));
}

// Each test starts the built entry two or three times: seconds on a busy 2-core machine, not the 5 s default.
describe('browser shell entry', { timeout: 60_000 }, () => {
  it('prints one line with the URL, serves the app, and exits 0 on SIGTERM', async () => {
    const running = await launch(mkdtempSync(join(tmpdir(), 'desk-entry-')));
    expect(running.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#launch=[A-Za-z0-9_-]{43}$/);
    const page = await fetch(running.url.replace(/#.*$/, ''));
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<script src="/desk-bridge.js"></script>');
    const exited = exitOf(running.child);
    running.child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(running.stdout()).toBe(`Provider Desk: ${running.url}\n`);
  });

  it('refuses a second instance on the same data folder, and keeps the port across restarts', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'desk-entry-'));
    const first = await launch(dataDir);
    const port = new URL(first.url).port;
    const second = spawn(process.execPath, [entry, '--no-open', '--data-dir', dataDir], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    second.stderr!.on('data', (chunk) => (stderr += chunk));
    expect(await exitOf(second)).toBe(2);
    expect(stderr).toMatch(/already running on this data folder/);

    const firstExit = exitOf(first.child);
    first.child.kill('SIGINT');
    expect(await firstExit).toBe(0);
    const again = await launch(dataDir);
    expect(new URL(again.url).port).toBe(port);
    const againExit = exitOf(again.child);
    again.child.kill('SIGTERM');
    expect(await againExit).toBe(0);
  });
});
