import { randomUUID } from 'node:crypto';
import type { ChannelInput, ChannelName, ChannelOutput, PushEventName, PushEventPayload } from '../src-shared/contract';
import { desktopDeviceType, deviceName } from './bitwarden/clientInfo';
import type { Transport } from './bitwarden/http';
import type { SecretStore } from './platform/secretStore';
import { createMemorySecretStore } from './platform/secretStoreMemory';
import { describeApp, type AppIdentity } from './services/appInfoService';
import { createClientOrg } from './services/clientOrg';
import { createPortal } from './services/portal';
import { createSettingsService } from './services/settingsService';
import type { SettingsStore } from './services/settingsStore';
import { startAutoLock } from './session/autoLock';
import { sessionHandlers } from './session/handlers';
import { idleOnlyPowerEvents, type PowerEvents } from './session/powerEvents';
import { createSessionService } from './session/sessionService';
import { syncHandlers } from './sync/handlers';
import { createSyncService } from './sync/syncService';

/** What a shell hands to the composition root: adapters only, never Electron itself. */
export interface Platform {
  identity: AppIdentity;
  settingsStore: SettingsStore;
  /** Refresh tokens, API keys, offline-unlock verifiers. Default: memory only. */
  secretStore?: SecretStore;
  /** Suspend / screen-lock signals and system idle time for auto-lock. Default: idle only. */
  powerEvents?: PowerEvents;
  /** This installation's UUID for Bitwarden servers, kept per data folder. Default: a new one per run. */
  deviceIdentifier?: string;
  /** Extra trusted certificate authorities (PEM) for Bitwarden servers. */
  trustedCertificates?: string[];
  /** Replaces `got` (tests). */
  httpTransport?: Transport;
}

export type Handler<C extends ChannelName> = (input: ChannelInput<C>) => ChannelOutput<C> | Promise<ChannelOutput<C>>;
export type Handlers = { [C in ChannelName]: Handler<C> };
export type PushListener = <E extends PushEventName>(event: E, payload: PushEventPayload<E>) => void;

export interface Desk {
  handlers: Handlers;
  /** A link the OS handed to the app (`providerdesk://…`): pushed as `links.opened` if it is a provider link. */
  openLink(url: string): boolean;
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
  const unsubscribers: (() => unknown)[] = [settings.onChange((value) => push('settings.changed', value))];

  // Sessions, auto-lock and sync (issue 6).
  const session = createSessionService({
    secrets: platform.secretStore ?? createMemorySecretStore(),
    identity: {
      appVersion: platform.identity.version,
      device: {
        identifier: platform.deviceIdentifier ?? randomUUID(),
        type: desktopDeviceType(),
        name: deviceName(),
      },
    },
    emit: push,
    ...(platform.trustedCertificates ? { extraCa: platform.trustedCertificates } : {}),
    ...(platform.httpTransport ? { transport: platform.httpTransport } : {}),
  });
  const autoLock = startAutoLock({
    power: platform.powerEvents ?? idleOnlyPowerEvents,
    idleMinutes: () => settings.get().idleLockMinutes,
    lockAll: (reason) => session.lock(undefined, reason),
    hasUnlockedAccount: () => session.hasUnlockedAccount(),
  });
  const sync = createSyncService({
    session,
    emit: push,
    syncIntervalMinutes: () => settings.get().syncIntervalMinutes,
  });
  // Provider Portal actions (issue 7): they follow the renderer's sync state to refresh its cache after changes.
  const portal = createPortal({ session, sync, emit: push });
  listeners.add((event, payload) => {
    if (event === 'sync.batch') portal.noteBatch(payload as PushEventPayload<'sync.batch'>);
  });
  const syncChannels = syncHandlers(sync);
  unsubscribers.push(
    () => portal.dispose(),
    session.onAccountEvent((event) => {
      if (event.type === 'login' || event.type === 'unlocked') autoLock.activity();
    }),
    () => sync.dispose(),
    () => autoLock.dispose(),
    () => session.dispose(),
  );

  const handlers: Handlers = {
    'app.info': () => describeApp(platform.identity),
    'settings.get': () => settings.get(),
    'settings.set': (patch) => settings.set(patch),
    ...sessionHandlers(session, autoLock),
    ...syncChannels,
    'sync.start': (input) => {
      const state = { datasets: input.state.datasets ?? {}, eventScopes: input.state.eventScopes ?? {} };
      portal.noteSyncStart(input.accountId ?? session.activeAccountId(), state);
      return syncChannels['sync.start'](input);
    },
    ...portal.handlers,
    // The per-client admin console (issue 8).
    ...createClientOrg({ session, emit: push }).handlers,
  };

  return {
    handlers,
    openLink: (url) => portal.openLink(url),
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
