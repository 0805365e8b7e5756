import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startWebShell, type WebShell, type WebShellOptions } from '../../../../src-main/app/webShell';
import { createDesk } from '../../../../src-main/desk';
import { createMemorySettingsStore } from '../../../../src-main/platform/memorySettingsStore';

/** A browser shell on a free port over a tiny renderer folder (with a file beside it that must never be served). */
export async function startTestShell(options: Partial<Pick<WebShellOptions, 'maxMessageBytes' | 'log'>> = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'desk-web-'));
  const rendererDir = join(dir, 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(
    join(rendererDir, 'index.html'),
    `<!doctype html><html><head><meta http-equiv="content-security-policy" content="default-src 'self'; script-src 'self' 'sha256-abc'"></head><body></body></html>`,
  );
  writeFileSync(join(rendererDir, 'app.js'), 'export {}');
  writeFileSync(join(dir, 'secret.txt'), 'do not serve');
  writeFileSync(join(dir, 'bridge.js'), '/* bridge */');
  const desk = createDesk({
    identity: { name: 'Provider Desk', version: '1', shell: 'web' },
    settingsStore: createMemorySettingsStore(),
  });
  const shell: WebShell = await startWebShell({
    desk,
    rendererDir,
    bridgeFile: join(dir, 'bridge.js'),
    port: 0,
    ...options,
  });
  return shell;
}

export function tokenOf(url: string) {
  return /#launch=(.+)$/.exec(url)![1]!;
}
