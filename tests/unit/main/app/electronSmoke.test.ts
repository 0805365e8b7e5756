import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { beforeAll, describe, expect, it } from 'vitest';
import { channelNames } from '../../../../src-shared/contract';

// Electron's binary cannot run here, so the *built* bundles run under Node with a stand-in `electron` module
// (tests/support/electron-standin) that records what the app asked for and exercises the handlers it registered.
const root = join(import.meta.dirname, '../../../..');
const mainBundle = join(root, 'out/main/index.js');
const preloadBundle = join(root, 'out/preload/index.cjs');

type Report = {
  privilegedSchemes: Array<{ scheme: string; privileges: Record<string, boolean> }>;
  ipcChannels: string[];
  menu: string[];
  windows: Array<{ options: { webPreferences: Record<string, unknown> } & Record<string, unknown>; loadedUrl: string }>;
  checks: Record<string, any>;
};

describe('built Electron main bundle', () => {
  let report: Report;

  beforeAll(() => {
    if (!existsSync(mainBundle) || !existsSync(join(root, 'out/renderer/index.html'))) {
      throw new Error('Build first: npm run build (npm test does it for you).');
    }
    const dir = mkdtempSync(join(tmpdir(), 'desk-standin-'));
    const reportFile = join(dir, 'report.json');
    execFileSync(
      process.execPath,
      ['--import', join(root, 'tests/support/electron-standin/register.mjs'), mainBundle],
      {
        env: { ...process.env, STANDIN_REPORT: reportFile, STANDIN_USER_DATA: dir },
        timeout: 30_000,
      },
    );
    report = JSON.parse(readFileSync(reportFile, 'utf8')) as Report;
  });

  it('registers app:// as privileged (standard, secure, fetch) before ready', () => {
    expect(report.privilegedSchemes).toEqual([
      { scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true, supportFetchAPI: true }) },
    ]);
  });

  it('gives the window the hardened options and loads the app protocol', () => {
    const [window] = report.windows;
    expect(window?.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
    expect(String(window?.options.webPreferences.preload)).toMatch(/out[/\\]preload[/\\]index\.cjs$/);
    expect(window?.loadedUrl).toBe('app://renderer/index.html');
  });

  it('registers every contract channel, and only those, through the wrapper', () => {
    expect([...report.ipcChannels].sort()).toEqual([...channelNames].sort());
  });

  it('denies navigation away, new windows, webviews and permissions', () => {
    expect(report.checks.navigateAwayPrevented).toBe(true);
    expect(report.checks.navigateFilePrevented).toBe(true);
    expect(report.checks.navigateInsideAllowed).toBe(true);
    expect(report.checks.windowOpen).toEqual({ action: 'deny' });
    expect(report.checks.openedExternally).toBeUndefined();
    expect(report.checks.webviewListener).toBe(true);
    expect(report.checks.permissionRequestGranted).toBe(false);
    expect(report.checks.permissionCheckGranted).toBe(false);
  });

  it('serves only the renderer folder over app://, with the CSP', () => {
    expect(report.checks.protocolIndex).toMatchObject({ status: 200, type: 'text/html; charset=utf-8' });
    expect(report.checks.protocolIndex.csp).toContain("script-src 'self'");
    expect(report.checks.protocolIndex.csp).toContain("frame-ancestors 'none'");
    expect(report.checks.protocolTraversal.status).toBe(404);
    expect(report.checks.protocolOtherHost.status).toBe(404);
  });

  it('answers the main frame and refuses subframes, foreign pages and other web contents', () => {
    expect(report.checks.invokeTrusted).toMatchObject({
      ok: true,
      result: { name: 'Provider Desk', shell: 'electron' },
    });
    for (const name of ['invokeSubframe', 'invokeForeignUrl', 'invokeOtherContents']) {
      expect(report.checks[name], name).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    expect(report.checks.invokeInvalidInput).toMatchObject({ ok: false, error: { code: 'validation' } });
  });

  it('keeps secrets through safeStorage and locks on suspend and screen lock', () => {
    expect(report.checks.sessionAccounts).toMatchObject({
      ok: true,
      result: { accounts: [], secretStorage: { persistent: true, backend: 'gnome_libsecret' } },
    });
    expect(report.checks.powerEvents).toEqual(['lock-screen', 'suspend']);
  });

  it('installs the native menu', () => {
    expect(report.menu).toEqual(expect.arrayContaining(['Edit', 'View', 'Window', 'Help']));
  });
});

describe('built preload bundle', () => {
  it('requires only electron and exposes window.desk with invoke and on, nothing else', async () => {
    const required: string[] = [];
    const exposed: Array<[string, Record<string, unknown>]> = [];
    const invoked: unknown[][] = [];
    const electron = {
      contextBridge: { exposeInMainWorld: (name: string, api: Record<string, unknown>) => exposed.push([name, api]) },
      ipcRenderer: {
        invoke: async (...args: unknown[]) => {
          invoked.push(args);
          return { ok: false, error: { code: 'validation', message: 'theme: bad' } };
        },
        on: () => {},
      },
    };
    const source = readFileSync(preloadBundle, 'utf8');
    const module = { exports: {} };
    runInNewContext(source, {
      require: (name: string) => {
        required.push(name);
        if (name !== 'electron') throw new Error(`preload required ${name}`);
        return electron;
      },
      module,
      exports: module.exports,
    });
    expect(required).toEqual(['electron']);
    expect(exposed.map(([name]) => name)).toEqual(['desk']);
    const api = exposed[0]![1];
    expect(Object.keys(api).sort()).toEqual(['invoke', 'on']);
    await expect(
      (api.invoke as (c: string, i: unknown) => Promise<unknown>)('settings.set', { theme: 'x' }),
    ).rejects.toThrow('[validation] theme: bad');
    expect(invoked).toEqual([['settings.set', { theme: 'x' }]]);
  });
});
