import type {
  AppInfo,
  ChannelInput,
  ChannelName,
  ChannelOutput,
  DeskBridge,
  PushEventName,
  PushEventPayload,
  Settings,
} from '$shared/contract';

type Handlers = { [C in ChannelName]?: (input: ChannelInput<C>) => ChannelOutput<C> | Promise<ChannelOutput<C>> };

export interface FakeDesk {
  /** Every invoke, in order. */
  calls: { channel: ChannelName; input: unknown }[];
  /** Sends a push event to the renderer's subscribers, as main would. */
  emit<E extends PushEventName>(event: E, payload: PushEventPayload<E>): void;
  listenerCount(event: PushEventName): number;
}

/**
 * Installs `window.desk` the way the preload or desk-bridge.js would: the fake stands at the true edge of the
 * renderer, so everything from `lib/desk.ts` inwards runs for real.
 */
export function installFakeDesk(handlers: Handlers): FakeDesk {
  const calls: FakeDesk['calls'] = [];
  const listeners = new Map<string, Set<(payload: unknown) => void>>();

  const desk: DeskBridge = {
    async invoke(channel, input) {
      calls.push({ channel, input });
      const handler = handlers[channel] as ((input: unknown) => unknown) | undefined;
      if (!handler) throw new Error(`[not_found] No fake for ${channel}`);
      return (await handler(input)) as never;
    },
    on(event, handler) {
      const set = listeners.get(event) ?? new Set();
      set.add(handler as (payload: unknown) => void);
      listeners.set(event, set);
      return () => set.delete(handler as (payload: unknown) => void);
    },
  };
  window.desk = desk;

  return {
    calls,
    emit(event, payload) {
      for (const handler of listeners.get(event) ?? []) handler(payload);
    },
    listenerCount: (event) => listeners.get(event)?.size ?? 0,
  };
}

export const sampleSettings: Settings = {
  theme: 'system',
  idleLockMinutes: 15,
  syncIntervalMinutes: 5,
  singleKeyShortcuts: true,
};

export const sampleInfo: AppInfo = {
  name: 'Provider Desk',
  version: '0.1.0',
  platform: 'linux',
  arch: 'x64',
  shell: 'web',
  versions: { node: '20.20.2' },
  defaultServer: null,
};

/** A promise the test settles when it wants to, to observe in-between states. */
export function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}
