import { describe, expect, it, vi } from 'vitest';
import { DeskError } from '$shared/contract/errors';
import { hasDesk, invoke, missingBridgeMessage, on } from '../../../../src-renderer/lib/desk';
import { installFakeDesk, sampleSettings } from '../fakes/desk';

describe('desk client', () => {
  it('knows when the bridge is missing and says so on use', async () => {
    expect(hasDesk()).toBe(false);
    const error = await invoke('settings.get').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DeskError);
    expect((error as DeskError).message).toBe(missingBridgeMessage);
    expect(() => on('settings.changed', () => undefined)).toThrow(missingBridgeMessage);
  });

  it('passes channel and input through and returns the result', async () => {
    const desk = installFakeDesk({ 'settings.set': (patch) => ({ ...sampleSettings, ...patch }) });
    expect(hasDesk()).toBe(true);
    await expect(invoke('settings.set', { theme: 'dark' })).resolves.toEqual({ ...sampleSettings, theme: 'dark' });
    expect(desk.calls).toEqual([{ channel: 'settings.set', input: { theme: 'dark' } }]);
  });

  it.each([
    [
      'an Electron-style message',
      new Error("Error invoking remote method 'desk:invoke': Error: [conflict] Changed elsewhere"),
    ],
    ['a browser-shell envelope error', { code: 'conflict', message: 'Changed elsewhere' }],
  ])('rebuilds %s as a DeskError with its code', async (_kind, thrown) => {
    installFakeDesk({
      'settings.get': () => {
        throw thrown;
      },
    });
    const error = await invoke('settings.get').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DeskError);
    expect(error).toMatchObject({ code: 'conflict', message: 'Changed elsewhere' });
  });

  it('subscribes to push events and unsubscribes', () => {
    const desk = installFakeDesk({});
    const handler = vi.fn();
    const stop = on('settings.changed', handler);
    desk.emit('settings.changed', sampleSettings);
    stop();
    desk.emit('settings.changed', { ...sampleSettings, theme: 'dark' });
    expect(handler.mock.calls).toEqual([[sampleSettings]]);
    expect(desk.listenerCount('settings.changed')).toBe(0);
  });
});
