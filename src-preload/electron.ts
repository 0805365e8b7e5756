import { contextBridge, ipcRenderer } from 'electron';
import { pushEventIpcChannel } from '../src-shared/contract/bridge';
import type { Envelope } from '../src-shared/contract/errors';
import { createDeskBridge } from './deskClient';

// The preload exposes `window.desk` and nothing else: never ipcRenderer itself, never Node.
const desk = createDeskBridge({
  call: (channel, input) => ipcRenderer.invoke(channel, input) as Promise<Envelope<unknown>>,
  listen: (handler) => {
    ipcRenderer.on(pushEventIpcChannel, (_event, name: string, payload: unknown) => handler(name, payload));
  },
});

contextBridge.exposeInMainWorld('desk', desk);
