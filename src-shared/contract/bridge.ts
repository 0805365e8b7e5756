import type { ChannelInput, ChannelName, ChannelOutput } from './channels';
import type { PushEventName, PushEventPayload } from './events';

/** What `window.desk` offers, in both shells. Input and output types are inferred from the contract. */
export interface DeskBridge {
  invoke<C extends ChannelName>(channel: C, input?: ChannelInput<C>): Promise<ChannelOutput<C>>;
  on<E extends PushEventName>(event: E, handler: (payload: PushEventPayload<E>) => void): () => void;
}

/** IPC channel names the Electron shell uses for push events. */
export const pushEventIpcChannel = 'desk:event';
