import { describe, expect, it } from 'vitest';
import { toDeskError } from '../../../src-shared/contract';
import { createDeskBridge, type Transport } from '../../../src-preload/deskClient';

function fakeTransport(answer: Awaited<ReturnType<Transport['call']>>) {
  let emit: (event: string, payload: unknown) => void = () => {};
  const transport: Transport = { call: async () => answer, listen: (handler) => (emit = handler) };
  return { transport, emit: (event: string, payload: unknown) => emit(event, payload) };
}

describe('desk bridge client', () => {
  it('resolves with the result', async () => {
    const desk = createDeskBridge(fakeTransport({ ok: true, result: { theme: 'dark' } }).transport);
    await expect(desk.invoke('settings.get')).resolves.toEqual({ theme: 'dark' });
  });

  it('rejects with an error the renderer rebuilds into a typed DeskError', async () => {
    const desk = createDeskBridge(
      fakeTransport({ ok: false, error: { code: 'forbidden', message: 'Not yours' } }).transport,
    );
    const error = await desk.invoke('app.info').catch((e: unknown) => e);
    expect(toDeskError(error)).toMatchObject({ code: 'forbidden', message: 'Not yours' });
  });

  it('delivers push events to subscribers until they unsubscribe', () => {
    const { transport, emit } = fakeTransport({ ok: true, result: null });
    const desk = createDeskBridge(transport);
    const seen: unknown[] = [];
    const off = desk.on('settings.changed', (payload) => seen.push(payload));
    emit('settings.changed', { theme: 'light' });
    emit('app.showAbout', {});
    off();
    emit('settings.changed', { theme: 'dark' });
    expect(seen).toEqual([{ theme: 'light' }]);
  });
});
