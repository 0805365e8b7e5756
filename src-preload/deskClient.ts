// Only zod-free modules: the preload bundle stays small and the sandboxed preload needs no Node modules.
import type { DeskBridge } from '../src-shared/contract/bridge';
import { encodeErrorMessage, type Envelope } from '../src-shared/contract/errors';
import type { PushEventName } from '../src-shared/contract/events';

/** How a shell carries a call to main and push events back; the preload and the browser bridge each give one. */
export interface Transport {
  call(channel: string, input: unknown): Promise<Envelope<unknown>>;
  listen(handler: (event: string, payload: unknown) => void): void;
}

/**
 * Builds `window.desk` over a transport. Failures are rejected as Errors whose message carries the code
 * (`[code] message`), because contextBridge keeps only an Error's message; the renderer rebuilds a DeskError.
 */
export function createDeskBridge(transport: Transport): DeskBridge {
  const handlers = new Map<string, Set<(payload: never) => void>>();
  transport.listen((event, payload) => {
    for (const handler of handlers.get(event) ?? []) handler(payload as never);
  });
  return {
    async invoke(channel, input) {
      const envelope = await transport.call(String(channel), input);
      if (envelope.ok) return envelope.result as never;
      const error = new Error(encodeErrorMessage(envelope.error));
      error.name = 'DeskError';
      throw error;
    },
    on(event: PushEventName, handler) {
      const set = handlers.get(event) ?? new Set();
      set.add(handler as (payload: never) => void);
      handlers.set(event, set);
      return () => {
        set.delete(handler as (payload: never) => void);
      };
    },
  };
}
