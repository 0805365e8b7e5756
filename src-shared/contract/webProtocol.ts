import type { DeskErrorPayload, Envelope } from './errors';

/**
 * Messages on the browser shell's WebSocket. The first client message must be `hello` with the one-time launch
 * token from the URL fragment (or, after a reload, the session token that exchange returned).
 */
export type WebClientMessage =
  | { type: 'hello'; launchToken?: string; sessionToken?: string }
  | { type: 'call'; id: number; channel: string; input: unknown };

export type WebServerMessage =
  | { type: 'welcome'; sessionToken: string }
  | { type: 'refused'; error: DeskErrorPayload }
  | { type: 'result'; id: number; envelope: Envelope<unknown> }
  | { type: 'event'; event: string; payload: unknown };

export const webSocketPath = '/desk';
/**
 * The largest message either side sends on the socket (UTF-8 bytes): room for the 50 MB import text (which JSON
 * escapes and UTF-8 may grow) with headroom. The bridge refuses a larger call with a clear error before sending;
 * the shell closes a socket that sends one (1009) and keeps serving.
 */
export const webMaxMessageBytes = 160 * 1024 * 1024;
export const webBridgePath = '/desk-bridge.js';
/** sessionStorage key under which the bridge keeps its session token across reloads of the same tab. */
export const webSessionStorageKey = 'provider-desk.session';
