// Provider Desk's main-process services against a real backend: `createDesk` driven through `dispatch` (so every
// input and output is checked against the IPC contract), with push events recorded.
import { randomUUID } from 'node:crypto';
import type {
  ChannelInput,
  ChannelName,
  ChannelOutput,
  PushEventName,
  PushEventPayload,
  ServerEnvironment,
} from '../../src-shared/contract';
import { unwrapEnvelope } from '../../src-shared/contract';
import { createDesk, type Desk, type Platform } from '../../src-main/desk';
import { dispatch, parsePushPayload } from '../../src-main/ipc/dispatch';
import { createMemorySettingsStore } from '../../src-main/platform/memorySettingsStore';
import { createMemorySecretStore } from '../../src-main/platform/secretStoreMemory';
import type { SecretStore } from '../../src-main/platform/secretStore';

export interface Pushed {
  event: PushEventName;
  payload: unknown;
}

export interface DeskUnderTest {
  desk: Desk;
  secrets: SecretStore;
  pushes: Pushed[];
  call<C extends ChannelName>(channel: C, input?: ChannelInput<C>): Promise<ChannelOutput<C>>;
  pushed<E extends PushEventName>(event: E): PushEventPayload<E>[];
  dispose(): void;
}

export function selfHosted(url: string): ServerEnvironment {
  return { kind: 'selfHosted', baseUrl: url };
}

export function startDesk(overrides: Partial<Platform> = {}): DeskUnderTest {
  const secrets = overrides.secretStore ?? createMemorySecretStore();
  const desk = createDesk({
    identity: { name: 'Provider Desk', version: '0.0.0-test', shell: 'web' },
    settingsStore: createMemorySettingsStore(),
    secretStore: secrets,
    deviceIdentifier: randomUUID(),
    ...overrides,
  });
  const pushes: Pushed[] = [];
  desk.subscribe((event, payload) => {
    // Every push must pass the contract, as the shells check before sending.
    if (parsePushPayload(event, payload) === undefined) throw new Error(`push ${event} broke the contract`);
    pushes.push({ event, payload });
  });
  return {
    desk,
    secrets,
    pushes,
    call: async (channel, input) => unwrapEnvelope(await dispatch(desk, channel, input)) as never,
    pushed: (event) => pushes.filter((p) => p.event === event).map((p) => p.payload as never),
    dispose: () => desk.dispose(),
  };
}
