import {
  channels,
  pushEvents,
  type AppInfo,
  type ChannelInput,
  type ChannelName,
  type ChannelOutput,
  type DeskBridge,
  type PushEventName,
  type PushEventPayload,
  type Settings,
} from '$shared/contract';
import type { z } from 'zod';

type Handlers = { [C in ChannelName]?: (input: ChannelInput<C>) => ChannelOutput<C> | Promise<ChannelOutput<C>> };

export interface FakeDesk {
  /** Every invoke, in order. */
  calls: { channel: ChannelName; input: unknown }[];
  /** Sends a push event to the renderer's subscribers, as main would. */
  emit<E extends PushEventName>(event: E, payload: PushEventPayload<E>): void;
  /** A push as no main would send it, for tests of how the renderer survives one (not checked). */
  emitUnchecked(event: PushEventName, payload: unknown): void;
  listenerCount(event: PushEventName): number;
}

/**
 * Answers of fakes (and pushes of tests) that main's dispatch would have refused: a fixture that drifted from the
 * contract. setup.ts fails the test that produced one, so component tests cannot pass on shapes main never sends.
 */
export const contractBreaks: string[] = [];

const issuesOf = (error: z.ZodError) =>
  error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`).join('; ');

/**
 * Installs `window.desk` the way the preload or desk-bridge.js would: the fake stands at the true edge of the
 * renderer, so everything from `lib/desk.ts` inwards runs for real. Like dispatch, it parses every input (a
 * refusal comes back as `[validation]`) and every answer against the contract.
 */
export function installFakeDesk(handlers: Handlers): FakeDesk {
  const calls: FakeDesk['calls'] = [];
  const listeners = new Map<string, Set<(payload: unknown) => void>>();

  const desk: DeskBridge = {
    async invoke(channel, input) {
      calls.push({ channel, input });
      const handler = handlers[channel] as ((input: unknown) => unknown) | undefined;
      if (!handler) throw new Error(`[not_found] No fake for ${channel}`);
      const parsedInput = channels[channel].input.safeParse(input);
      if (!parsedInput.success) throw new Error(`[validation] ${issuesOf(parsedInput.error)}`);
      const answer = await handler(input);
      const parsed = channels[channel].output.safeParse(answer);
      if (!parsed.success) {
        contractBreaks.push(`${channel} answered outside the contract: ${issuesOf(parsed.error)}`);
        throw new Error('[internal] Provider Desk produced an unexpected answer. Please try again.');
      }
      return parsed.data as never;
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
      const parsed = pushEvents[event].safeParse(payload);
      if (!parsed.success) contractBreaks.push(`push ${event} outside the contract: ${issuesOf(parsed.error)}`);
      for (const handler of listeners.get(event) ?? []) handler(parsed.success ? parsed.data : payload);
    },
    emitUnchecked(event, payload) {
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
