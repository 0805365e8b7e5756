import type {
  ChannelInput,
  ChannelName,
  ChannelOutput,
  DeskBridge,
  PushEventName,
  PushEventPayload,
} from '$shared/contract';
// errors.ts imports nothing, so the renderer bundle stays free of zod.
import { DeskError, toDeskError } from '$shared/contract/errors';

/**
 * The renderer's only way to main: `window.desk`, defined before the page runs by Electron's preload or by the
 * browser shell's `desk-bridge.js`. Every failure comes back as a `DeskError` with a stable `code`.
 */

export const missingBridgeMessage = 'Provider Desk must be opened from the app';

function bridge(): DeskBridge | undefined {
  return typeof window === 'undefined' ? undefined : window.desk;
}

export function hasDesk(): boolean {
  return bridge() !== undefined;
}

function requireDesk(): DeskBridge {
  const desk = bridge();
  if (!desk) throw new DeskError('internal', missingBridgeMessage);
  return desk;
}

export async function invoke<C extends ChannelName>(channel: C, input?: ChannelInput<C>): Promise<ChannelOutput<C>> {
  const desk = requireDesk();
  try {
    return await desk.invoke(channel, input);
  } catch (error) {
    throw toDeskError(error);
  }
}

/** Subscribes to a push event from main; returns the unsubscribe function. */
export function on<E extends PushEventName>(event: E, handler: (payload: PushEventPayload<E>) => void): () => void {
  return requireDesk().on(event, handler);
}

export { DeskError };
