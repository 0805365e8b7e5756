// A stand-in for Electron's main-process API, for running the *built* main bundle under plain Node (Electron's
// binary cannot run here). It records what the app asks of Electron, then exercises the handlers the app
// registered, the way Electron would, and writes a JSON report for tests/unit/main/app/electronSmoke.test.ts.
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const report = { privilegedSchemes: [], ipcChannels: [], menu: null, windows: [], checks: {}, protocolClients: [] };
const ipcHandlers = new Map();
const appHandlers = new Map();
const sentToRenderer = [];
const protocolHandlers = new Map();
let permissionRequest = null;
let permissionCheck = null;

export const app = {
  requestSingleInstanceLock: () => true,
  on: (event, handler) => {
    appHandlers.set(event, handler);
    return app;
  },
  whenReady: () => Promise.resolve(),
  getVersion: () => '0.0.0-standin',
  getName: () => 'Provider Desk',
  getPath: () => process.env.STANDIN_USER_DATA,
  setAsDefaultProtocolClient: (scheme) => {
    report.protocolClients.push(scheme);
    return true;
  },
  quit: () => {},
  exit: (code) => process.exit(code),
};

export const protocol = {
  registerSchemesAsPrivileged: (schemes) => report.privilegedSchemes.push(...schemes),
  handle: (scheme, handler) => protocolHandlers.set(scheme, handler),
};

export const net = {
  fetch: async (url) => {
    try {
      return new Response(await readFile(fileURLToPath(url)));
    } catch {
      return new Response('missing', { status: 404 });
    }
  },
};

export const session = {
  defaultSession: {
    setPermissionRequestHandler: (handler) => (permissionRequest = handler),
    setPermissionCheckHandler: (handler) => (permissionCheck = handler),
  },
};

export const ipcMain = {
  handle: (channel, handler) => {
    report.ipcChannels.push(channel);
    ipcHandlers.set(channel, handler);
  },
  on: () => {},
};

export const Menu = {
  buildFromTemplate: (template) => ({ template }),
  setApplicationMenu: (menu) => (report.menu = menu.template.map((item) => item.label)),
};

// The OS keychain stand-in: reversible "encryption" and a keychain backend that counts as safe.
export const safeStorage = {
  isEncryptionAvailable: () => true,
  getSelectedStorageBackend: () => 'gnome_libsecret',
  encryptString: (text) => Buffer.from(`standin:${text}`),
  decryptString: (buffer) => buffer.toString().replace(/^standin:/, ''),
};

export const powerMonitor = {
  listeners: new Map(),
  on(event, handler) {
    this.listeners.set(event, handler);
  },
  removeListener(event) {
    this.listeners.delete(event);
  },
  getSystemIdleTime: () => 0,
};

export const shell = {
  openExternal: () => {
    report.checks.openedExternally = true;
  },
};

let nextId = 1;
export class BrowserWindow {
  constructor(options) {
    this.options = options;
    this.listeners = new Map();
    const mainFrame = { url: 'app://renderer/index.html', parent: null };
    this.webContents = {
      id: nextId++,
      mainFrame,
      on: (event, handler) => this.listeners.set(event, handler),
      setWindowOpenHandler: (handler) => (this.windowOpenHandler = handler),
      send: (channel, ...args) => sentToRenderer.push([channel, ...args]),
    };
    report.windows.push({ options });
  }
  on() {}
  once() {}
  maximize() {}
  isDestroyed() {
    return false;
  }
  isMaximized() {
    return false;
  }
  isMinimized() {
    return false;
  }
  restore() {}
  focus() {}
  getNormalBounds() {
    return { x: 0, y: 0, width: 1280, height: 800 };
  }
  async loadURL(url) {
    report.windows.at(-1).loadedUrl = url;
    await exercise(this);
    await writeFile(process.env.STANDIN_REPORT, JSON.stringify(report, null, 2));
    process.exit(0);
  }
}

async function exercise(window) {
  const { checks } = report;
  const navigate = (url) => {
    let prevented = false;
    window.listeners.get('will-navigate')?.({ preventDefault: () => (prevented = true) }, url);
    return prevented;
  };
  checks.navigateAwayPrevented = navigate('https://evil.example/');
  checks.navigateFilePrevented = navigate('file:///etc/passwd');
  checks.navigateInsideAllowed = !navigate('app://renderer/index.html#/settings');
  checks.windowOpen = window.windowOpenHandler?.({ url: 'https://evil.example/' });
  checks.webviewListener = window.listeners.has('will-attach-webview');
  checks.permissionRequestGranted = await new Promise((resolve) => permissionRequest?.(null, 'media', resolve));
  checks.permissionCheckGranted = permissionCheck?.(null, 'notifications');

  const fetchApp = async (url) => {
    const response = await protocolHandlers.get('app')(new Request(url));
    return {
      status: response.status,
      csp: response.headers.get('content-security-policy'),
      type: response.headers.get('content-type'),
    };
  };
  checks.protocolIndex = await fetchApp('app://renderer/index.html');
  checks.protocolTraversal = await fetchApp('app://renderer/..%2F..%2Fpackage.json');
  checks.protocolOtherHost = await fetchApp('app://elsewhere/index.html');

  const trusted = { sender: window.webContents, senderFrame: window.webContents.mainFrame };
  const subframe = { sender: window.webContents, senderFrame: { url: 'app://renderer/index.html', parent: {} } };
  const foreignUrl = { sender: window.webContents, senderFrame: { url: 'https://evil.example/', parent: null } };
  const otherContents = { sender: { id: 999 }, senderFrame: { url: 'app://renderer/index.html', parent: null } };
  const info = ipcHandlers.get('app.info');
  checks.invokeTrusted = await info(trusted, undefined);
  checks.invokeSubframe = await info(subframe, undefined);
  checks.invokeForeignUrl = await info(foreignUrl, undefined);
  checks.invokeOtherContents = await info(otherContents, undefined);
  checks.invokeInvalidInput = await ipcHandlers.get('settings.set')(trusted, { theme: 'purple' });
  checks.sessionAccounts = await ipcHandlers.get('session.accounts')(trusted, undefined);
  checks.powerEvents = [...powerMonitor.listeners.keys()].sort();

  // App links: macOS `open-url`, and a second instance started with the link (Windows, Linux).
  const providerId = '0e54a6b7-cca2-4acb-85be-e27f76716752';
  let prevented = false;
  appHandlers.get('open-url')?.(
    { preventDefault: () => (prevented = true) },
    `providerdesk://providers/setup-provider?providerId=${providerId}&email=owner%40example.com&token=t`,
  );
  appHandlers.get('second-instance')?.({}, [
    'electron',
    '.',
    `providerdesk://accept-provider?providerId=${providerId}&providerUserId=${providerId}&token=t`,
  ]);
  appHandlers.get('second-instance')?.({}, ['electron', 'https://evil.example/']);
  checks.appLinks = {
    protocolClients: report.protocolClients,
    openUrlPrevented: prevented,
    pushed: sentToRenderer.filter(([, event]) => event === 'links.opened').map(([, , payload]) => payload.kind),
    takeOpened: await ipcHandlers.get('links.takeOpened')?.(trusted, undefined),
  };
}

export default { app, protocol, net, session, ipcMain, Menu, shell, BrowserWindow, safeStorage, powerMonitor };
