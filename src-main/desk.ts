import type { ChannelInput, ChannelName, ChannelOutput, PushEventName, PushEventPayload } from '../src-shared/contract';
import { describeApp, type AppIdentity } from './services/appInfoService';
import { createSettingsService } from './services/settingsService';
import type { SettingsStore } from './services/settingsStore';

/** What a shell hands to the composition root: adapters only, never Electron itself. */
export interface Platform {
  identity: AppIdentity;
  settingsStore: SettingsStore;
}

export type Handler<C extends ChannelName> = (input: ChannelInput<C>) => ChannelOutput<C> | Promise<ChannelOutput<C>>;
export type Handlers = { [C in ChannelName]: Handler<C> };
export type PushListener = <E extends PushEventName>(event: E, payload: PushEventPayload<E>) => void;

export interface Desk {
  handlers: Handlers;
  /** Subscribe a shell to push events; returns the unsubscribe function. */
  subscribe(listener: PushListener): () => void;
  dispose(): void;
}

/** The one composition root: builds every main-process service. Both shells call it. */
export function createDesk(platform: Platform): Desk {
  const settings = createSettingsService(platform.settingsStore);
  const listeners = new Set<PushListener>();
  const push: PushListener = (event, payload) => {
    for (const listener of listeners) listener(event, payload);
  };
  const unsubscribers = [settings.onChange((value) => push('settings.changed', value))];

  const handlers: Handlers = {
    'app.info': () => describeApp(platform.identity),
    'settings.get': () => settings.get(),
    'settings.set': (patch) => settings.set(patch),
  };

  return {
    handlers,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    dispose() {
      for (const unsubscribe of unsubscribers) unsubscribe();
      listeners.clear();
    },
  };
}
