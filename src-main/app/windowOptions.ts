/** A window's remembered place on screen. */
export interface WindowBounds {
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized?: boolean;
}

export const defaultBounds: WindowBounds = { width: 1280, height: 800 };

/**
 * The hardened options every Provider Desk window gets (Electron's security checklist): isolated, sandboxed,
 * CommonJS preload, no Node in the page, no webview, no remote content features.
 */
export function hardenedWindowOptions(preloadPath: string, bounds: WindowBounds) {
  return {
    x: bounds.x,
    y: bounds.y,
    width: bounds.width,
    height: bounds.height,
    minWidth: 900,
    minHeight: 560,
    show: false,
    title: 'Provider Desk',
    backgroundColor: '#1b1e23',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      spellcheck: false,
    },
  } as const;
}

/** Keeps remembered bounds sane: a window restored off every screen, or absurdly small, falls back to the default. */
export function sanitizeBounds(stored: unknown): WindowBounds {
  if (!stored || typeof stored !== 'object') return defaultBounds;
  const b = stored as Record<string, unknown>;
  const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? Math.round(v) : undefined);
  const width = num(b.width);
  const height = num(b.height);
  if (!width || !height || width < 400 || height < 300) return defaultBounds;
  return { x: num(b.x), y: num(b.y), width, height, maximized: b.maximized === true };
}
