import { describe, expect, it } from 'vitest';
import { channelNames } from '../../../../src-shared/contract';
import { isTrustedSender, registerIpcHandlers, type InvokeEvent } from '../../../../src-main/app/ipcElectron';
import { createDesk } from '../../../../src-main/desk';
import { createMemorySettingsStore } from '../../../../src-main/platform/memorySettingsStore';

const ownId = 3;
const mainFrame = { url: 'app://renderer/index.html#/settings', parent: null };
const trusted: InvokeEvent = { sender: { id: ownId, mainFrame }, senderFrame: mainFrame };

function registered() {
  const handlers = new Map<string, (event: InvokeEvent, input: unknown) => unknown>();
  const desk = createDesk({
    identity: { name: 'Provider Desk', version: '1', shell: 'electron' },
    settingsStore: createMemorySettingsStore(),
  });
  registerIpcHandlers({ handle: (channel, listener) => handlers.set(channel, listener) }, desk, () => ownId);
  return handlers;
}

describe('Electron IPC sender validation', () => {
  it('trusts the main frame of our own window showing our bundle', () => {
    expect(isTrustedSender(trusted, () => ownId)).toBe(true);
  });

  it.each([
    [
      'a subframe',
      { sender: { id: ownId, mainFrame }, senderFrame: { url: 'app://renderer/index.html', parent: mainFrame } },
    ],
    [
      'a frame that is not the main frame of its contents',
      { sender: { id: ownId, mainFrame }, senderFrame: { url: 'app://renderer/x', parent: null } },
    ],
    ['a foreign origin', { sender: { id: ownId }, senderFrame: { url: 'https://evil.example/', parent: null } }],
    ['a file URL', { sender: { id: ownId }, senderFrame: { url: 'file:///tmp/index.html', parent: null } }],
    ['another web contents', { sender: { id: 99 }, senderFrame: { url: 'app://renderer/index.html', parent: null } }],
    ['a destroyed frame', { sender: { id: ownId }, senderFrame: null }],
    ['a malformed URL', { sender: { id: ownId }, senderFrame: { url: 'not a url', parent: null } }],
  ])('refuses %s', async (_name, event) => {
    expect(isTrustedSender(event as InvokeEvent, () => ownId)).toBe(false);
    const result = await registered().get('settings.set')!(event as InvokeEvent, { theme: 'dark' });
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('refuses everything before the window exists', () => {
    expect(isTrustedSender(trusted, () => undefined)).toBe(false);
  });

  it('registers every contract channel through the wrapper', async () => {
    const handlers = registered();
    expect([...handlers.keys()].sort()).toEqual([...channelNames].sort());
    expect(await handlers.get('settings.set')!(trusted, { theme: 'dark' })).toMatchObject({
      ok: true,
      result: { theme: 'dark' },
    });
    expect(await handlers.get('settings.set')!(trusted, { theme: 7 })).toMatchObject({
      ok: false,
      error: { code: 'validation' },
    });
  });
});
