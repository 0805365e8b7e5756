import type { DeskBridge } from '$shared/contract';

// See https://svelte.dev/docs/kit/types#app.d.ts
declare global {
  interface Window {
    /** Defined by Electron's preload or by the browser shell's desk-bridge.js; absent anywhere else. */
    desk?: DeskBridge;
  }
}

export {};
