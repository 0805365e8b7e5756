import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { app, BrowserWindow, ipcMain, Menu, net, powerMonitor, protocol, safeStorage, session } from 'electron';
import ElectronStore from 'electron-store';
import { pushEventIpcChannel } from '../../src-shared/contract';
import { createDesk, type Desk } from '../desk';
import { parsePushPayload } from '../ipc/dispatch';
import { readOrCreateDeviceIdentifier } from '../platform/deviceIdentifier';
import { createElectronPowerEvents } from '../platform/electronPowerEvents';
import { createElectronSettingsStore } from '../platform/electronSettingsStore';
import { createElectronSecretStore } from '../platform/secretStoreElectron';
import { registerIpcHandlers, rendererOrigin } from './ipcElectron';
import { parseServerFlag } from './serverFlag';
import { menuTemplate } from './menu';
import { contentSecurityPolicy, mimeTypeOf, readIndexHtml, resolveRendererFile } from './rendererFiles';
import { hardenedWindowOptions, sanitizeBounds, type WindowBounds } from './windowOptions';

// The app:// scheme must be privileged before `ready`, or IndexedDB (the Dexie cache) is unavailable on it.
protocol.registerSchemesAsPrivileged([
  { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } },
]);

const rendererDir = join(import.meta.dirname, '../renderer');
const preloadPath = join(import.meta.dirname, '../preload/index.cjs');
let mainWindow: BrowserWindow | null = null;
let desk: Desk | null = null;
/** `providerdesk://` links that arrived before the services existed (macOS sends `open-url` before `ready`). */
const earlyLinks: string[] = [];
const APP_LINK = /^providerdesk:\/\//i;

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  registerAppLinks();
  app.on('second-instance', (_event, argv) => {
    // Windows and Linux start a second instance with the link on its command line.
    const link = appLinkIn(argv);
    if (link) openLink(link);
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.whenReady().then(start, (error: unknown) => {
    console.error('[desk] failed to start', error);
    app.exit(1);
  });
}

function start() {
  const windowState = new ElectronStore<{ bounds?: WindowBounds }>({ name: 'window-state' });
  desk = createDesk({
    identity: { name: 'Provider Desk', version: app.getVersion(), shell: 'electron', defaultServer: serverFromArgv() },
    settingsStore: createElectronSettingsStore(),
    ...sessionAdapters(app.getPath('userData')),
  });
  serveRenderer();
  denyPermissions();
  registerIpcHandlers(ipcMain, desk, () => mainWindow?.webContents.id);
  desk.subscribe((event, payload) => {
    const checked = parsePushPayload(event, payload);
    if (checked !== undefined) mainWindow?.webContents.send(pushEventIpcChannel, event, checked);
  });
  // A first launch by a link: macOS queued it in `open-url`, Windows and Linux put it on the command line. The
  // renderer collects it with `links.takeOpened` once it listens.
  const launchLink = appLinkIn(process.argv);
  for (const link of [...earlyLinks.splice(0), ...(launchLink ? [launchLink] : [])]) desk.openLink(link);
  const showAbout = () => mainWindow?.webContents.send(pushEventIpcChannel, 'app.showAbout', {});
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(process.platform === 'darwin', { showAbout }) as never));
  mainWindow = createWindow(windowState);
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => desk?.dispose());
}

/**
 * Registers the `providerdesk://` scheme with the OS (setup and invitation app links, links.ts in the contract). In
 * development Electron runs as `electron <app path>`, so the OS must be told to pass the app path too.
 */
function registerAppLinks() {
  const registered = process.defaultApp
    ? app.setAsDefaultProtocolClient('providerdesk', process.execPath, [resolve(process.argv[1] ?? '.')])
    : app.setAsDefaultProtocolClient('providerdesk');
  if (!registered) console.warn('[desk] could not register providerdesk:// links with the system');
  app.on('open-url', (event, url) => {
    event.preventDefault();
    openLink(url);
  });
}

function appLinkIn(argv: readonly string[]): string | null {
  return argv.find((arg) => APP_LINK.test(arg) && arg.length <= 8192) ?? null;
}

/** Hands a link to the services (validated there, then pushed as `links.opened`), or keeps it until they exist. */
function openLink(url: string) {
  if (!APP_LINK.test(url) || url.length > 8192) return;
  if (desk) desk.openLink(url);
  else if (earlyLinks.length < 5) earlyLinks.push(url);
  if (mainWindow?.isMinimized()) mainWindow.restore();
  mainWindow?.focus();
}

/** Secrets at rest through safeStorage (the OS keychain), auto-lock on suspend and screen lock through powerMonitor. */
function sessionAdapters(userData: string) {
  return {
    secretStore: createElectronSecretStore({ file: join(userData, 'secrets.json'), safeStorage }),
    powerEvents: createElectronPowerEvents(powerMonitor),
    deviceIdentifier: readOrCreateDeviceIdentifier(userData),
  };
}

/** `--server` as `npm start` passes it (`electron . --server local`); a bad value is reported and ignored. */
function serverFromArgv() {
  const { values } = parseArgs({ args: process.argv.slice(1), options: { server: { type: 'string' } }, strict: false });
  try {
    return parseServerFlag(typeof values.server === 'string' ? values.server : undefined);
  } catch (error) {
    console.error(`[desk] ${(error as Error).message}`);
    return null;
  }
}

function serveRenderer() {
  const csp = contentSecurityPolicy(readIndexHtml(rendererDir));
  protocol.handle('app', async (request) => {
    const url = new URL(request.url);
    const file = url.host === 'renderer' ? resolveRendererFile(rendererDir, url.pathname) : null;
    if (!file) return new Response('Not found', { status: 404 });
    const response = await net.fetch(pathToFileURL(file).toString());
    if (!response.ok) return new Response('Not found', { status: 404 });
    return new Response(response.body, {
      headers: {
        'content-type': mimeTypeOf(file),
        'content-security-policy': csp,
        'x-content-type-options': 'nosniff',
      },
    });
  });
}

function denyPermissions() {
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
}

function createWindow(windowState: ElectronStore<{ bounds?: WindowBounds }>) {
  const bounds = sanitizeBounds(windowState.get('bounds'));
  const window = new BrowserWindow(hardenedWindowOptions(preloadPath, bounds));
  if (bounds.maximized) window.maximize();
  const contents = window.webContents;
  contents.on('will-navigate', (event, url) => {
    if (!url.startsWith(`${rendererOrigin}/`)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  // No new windows, inside the app or outside it: the renderer never needs one.
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  const remember = () => {
    if (window.isDestroyed()) return;
    windowState.set('bounds', { ...window.getNormalBounds(), maximized: window.isMaximized() });
  };
  window.on('close', remember);
  window.once('ready-to-show', () => window.show());
  window.on('closed', () => {
    mainWindow = null;
  });
  void window.loadURL(`${rendererOrigin}/index.html`);
  return window;
}
