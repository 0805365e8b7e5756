// `providerdesk://` app links in the built Electron main bundle, run under Node with the Electron stand-in
// (tests/support/electron-standin): the scheme is registered, and links from `open-url` and from a second
// instance's command line reach the renderer as `links.opened`; anything else is ignored.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../../../../..');
const mainBundle = join(root, 'out/main/index.js');

describe('app links in the built main bundle', () => {
  let appLinks: Record<string, any>;

  beforeAll(() => {
    if (!existsSync(mainBundle)) throw new Error('Build first: npx electron-vite build (npm test does it for you).');
    const dir = mkdtempSync(join(tmpdir(), 'desk-links-'));
    const reportFile = join(dir, 'report.json');
    execFileSync(
      process.execPath,
      ['--import', join(root, 'tests/support/electron-standin/register.mjs'), mainBundle],
      {
        env: { ...process.env, STANDIN_REPORT: reportFile, STANDIN_USER_DATA: dir },
        timeout: 30_000,
      },
    );
    appLinks = JSON.parse(readFileSync(reportFile, 'utf8')).checks.appLinks;
  });

  it('registers providerdesk:// with the OS', () => {
    expect(appLinks.protocolClients).toEqual(['providerdesk']);
  });

  it('pushes provider links from open-url and a second instance, and keeps the last one for the renderer', () => {
    expect(appLinks.openUrlPrevented).toBe(true);
    expect(appLinks.pushed).toEqual(['setupProvider', 'acceptProviderInvite']);
    expect(appLinks.takeOpened).toMatchObject({
      ok: true,
      result: { link: { kind: 'acceptProviderInvite', providerId: '0e54a6b7-cca2-4acb-85be-e27f76716752' } },
    });
  });
});
