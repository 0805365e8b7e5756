import { channelNames } from '../../src-shared/contract';
import type { Desk } from '../desk';
import { dispatch } from '../ipc/dispatch';

/** The parts of Electron's IPC event the sender check reads; typed structurally so tests can build one. */
export interface SenderFrame {
  url: string;
  parent: unknown;
}
export interface InvokeEvent {
  senderFrame: SenderFrame | null;
  sender: { id: number; mainFrame?: unknown };
}
export interface IpcMainLike {
  handle(channel: string, listener: (event: InvokeEvent, input: unknown) => unknown): void;
}

export const rendererOrigin = 'app://renderer';
const rendererProtocol = 'app:';
const rendererHost = 'renderer';

/**
 * Like VS Code's validatedIpcMain: only the main frame of our own window, showing our own bundle, may call main.
 * A subframe, a navigated-away page or another webContents is refused before any service runs.
 */
export function isTrustedSender(event: InvokeEvent, trustedWebContentsId: () => number | undefined): boolean {
  const frame = event.senderFrame;
  if (!frame || frame.parent !== null) return false;
  if (event.sender.mainFrame !== undefined && event.sender.mainFrame !== frame) return false;
  if (event.sender.id !== trustedWebContentsId()) return false;
  try {
    // Node's URL reports the origin of a custom scheme as "null", so compare its parts.
    const url = new URL(frame.url);
    return url.protocol === rendererProtocol && url.host === rendererHost;
  } catch {
    return false;
  }
}

/** Registers every contract channel through the one wrapper: sender check, then the shared dispatch. */
export function registerIpcHandlers(ipcMain: IpcMainLike, desk: Desk, trustedWebContentsId: () => number | undefined) {
  for (const channel of channelNames) {
    ipcMain.handle(channel, (event, input) => {
      if (!isTrustedSender(event, trustedWebContentsId)) {
        return { ok: false, error: { code: 'forbidden', message: 'This window may not talk to Provider Desk.' } };
      }
      return dispatch(desk, channel, input);
    });
  }
}
