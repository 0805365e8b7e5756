import type { DeskErrorPayload, Envelope } from '../src-shared/contract/errors';
import {
  webMaxMessageBytes,
  webSessionStorageKey,
  webSocketPath,
  type WebClientMessage,
  type WebServerMessage,
} from '../src-shared/contract/webProtocol';
import { createDeskBridge } from './deskClient';

/**
 * The browser shell's `window.desk`: the same bridge as the Electron preload, carried over a WebSocket to the
 * local Provider Desk process. Loaded synchronously before the app, so `window.desk` exists when the app starts.
 */
const launchToken = takeLaunchToken();
const pending = new Map<number, (envelope: Envelope<unknown>) => void>();
const eventHandlers: Array<(event: string, payload: unknown) => void> = [];
let nextId = 1;
let connection: Promise<WebSocket> | null = null;
let refusal: DeskErrorPayload | null = null;

function takeLaunchToken(): string | undefined {
  const match = /^#launch=([A-Za-z0-9_-]+)$/.exec(location.hash);
  if (!match) return undefined;
  // Drop the token from the address bar and history before the app's router reads the fragment.
  history.replaceState(history.state, '', location.pathname + location.search);
  return match[1];
}

function connect(): Promise<WebSocket> {
  if (refusal) return Promise.reject(refusal);
  connection ??= new Promise<WebSocket>((resolve, reject) => {
    const ws = new WebSocket(`ws://${location.host}${webSocketPath}`);
    const sessionToken = sessionStorage.getItem(webSessionStorageKey) ?? undefined;
    const hello: WebClientMessage = {
      type: 'hello',
      launchToken: sessionToken ? undefined : launchToken,
      sessionToken,
    };
    ws.onopen = () => ws.send(JSON.stringify(hello));
    ws.onmessage = (message) => {
      const data = JSON.parse(String(message.data)) as WebServerMessage;
      if (data.type === 'welcome') {
        sessionStorage.setItem(webSessionStorageKey, data.sessionToken);
        resolve(ws);
      } else if (data.type === 'refused') {
        refusal = data.error;
        sessionStorage.removeItem(webSessionStorageKey);
        reject(data.error);
      } else if (data.type === 'result') {
        pending.get(data.id)?.(data.envelope);
        pending.delete(data.id);
      } else if (data.type === 'event') {
        for (const handler of eventHandlers) handler(data.event, data.payload);
      }
    };
    ws.onclose = (event) => {
      connection = null;
      const offline: Envelope<never> = {
        ok: false,
        error:
          event.code === 1009
            ? { code: 'validation', message: 'The request was too large for Provider Desk; nothing was changed.' }
            : { code: 'offline', message: 'Lost the connection to Provider Desk. Is it still running?' },
      };
      for (const settle of pending.values()) settle(offline);
      pending.clear();
      reject(offline.error);
    };
  });
  return connection;
}

async function call(channel: string, input: unknown): Promise<Envelope<unknown>> {
  let ws: WebSocket;
  try {
    ws = await connect();
  } catch (error) {
    const payload = error as DeskErrorPayload;
    return { ok: false, error: payload.code ? payload : { code: 'offline', message: 'Cannot reach Provider Desk.' } };
  }
  const id = nextId++;
  const text = JSON.stringify({ type: 'call', id, channel, input } satisfies WebClientMessage);
  // Refused here with the reason, rather than the shell closing the socket on it.
  const bytes = text.length > webMaxMessageBytes / 3 ? new Blob([text]).size : text.length;
  if (bytes > webMaxMessageBytes) {
    const limit = Math.round(webMaxMessageBytes / 1024 / 1024);
    const size = Math.ceil(bytes / 1024 / 1024);
    return {
      ok: false,
      error: {
        code: 'validation',
        message: `This request is ${size} MB; the browser shell carries at most ${limit} MB at once. Use a smaller file.`,
      },
    };
  }
  return new Promise((resolve) => {
    pending.set(id, resolve);
    ws.send(text);
  });
}

Object.defineProperty(window, 'desk', {
  value: Object.freeze(
    createDeskBridge({
      call,
      listen: (handler) => {
        eventHandlers.push(handler);
        void connect().catch(() => {});
      },
    }),
  ),
  writable: false,
  configurable: false,
});
