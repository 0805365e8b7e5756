import { describe, expect, it, vi } from 'vitest';
import { DeskError } from '../../../../src-shared/contract';
import { createDesk, type Desk } from '../../../../src-main/desk';
import { dispatch } from '../../../../src-main/ipc/dispatch';
import { createMemorySettingsStore } from '../../../../src-main/platform/memorySettingsStore';

function makeDesk(): Desk {
  return createDesk({
    identity: { name: 'Provider Desk', version: '1.2.3', shell: 'web' },
    settingsStore: createMemorySettingsStore(),
  });
}

describe('dispatch', () => {
  it('runs a channel and returns its parsed output', async () => {
    const result = await dispatch(makeDesk(), 'app.info', undefined);
    expect(result).toMatchObject({ ok: true, result: { name: 'Provider Desk', version: '1.2.3', shell: 'web' } });
  });

  it('refuses an unknown channel without running anything', async () => {
    const result = await dispatch(makeDesk(), 'vault.export', {});
    expect(result).toEqual({ ok: false, error: { code: 'not_found', message: 'Unknown channel: "vault.export"' } });
  });

  it('refuses a prototype key posing as a channel', async () => {
    expect(await dispatch(makeDesk(), 'constructor', {})).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await dispatch(makeDesk(), 42, {})).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('rejects invalid input with a validation error naming the field, and changes nothing', async () => {
    const desk = makeDesk();
    const result = await dispatch(desk, 'settings.set', { theme: 'purple', idleLockMinutes: 5 });
    expect(result).toMatchObject({ ok: false, error: { code: 'validation' } });
    expect(!result.ok && result.error.message).toMatch(/^theme: /);
    expect(await dispatch(desk, 'settings.get', undefined)).toMatchObject({
      ok: true,
      result: { theme: 'system', idleLockMinutes: 15 },
    });
  });

  it('rejects unknown keys rather than dropping them', async () => {
    const result = await dispatch(makeDesk(), 'settings.set', { theme: 'dark', shell: 'electron' });
    expect(result).toMatchObject({ ok: false, error: { code: 'validation' } });
  });

  it('passes a DeskError through with its code', async () => {
    const desk = makeDesk();
    desk.handlers['app.info'] = () => {
      throw new DeskError('offline', 'The server cannot be reached.');
    };
    expect(await dispatch(desk, 'app.info', undefined)).toEqual({
      ok: false,
      error: { code: 'offline', message: 'The server cannot be reached.' },
    });
  });

  it('hides unexpected errors behind a generic internal error', async () => {
    const desk = makeDesk();
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    desk.handlers['app.info'] = () => {
      throw new TypeError('secret detail at /home/user');
    };
    const result = await dispatch(desk, 'app.info', undefined);
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(JSON.stringify(result)).not.toContain('secret detail');
    log.mockRestore();
  });

  it('refuses output that breaks the contract', async () => {
    const desk = makeDesk();
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    desk.handlers['settings.get'] = () => ({ theme: 'neon' }) as never;
    expect(await dispatch(desk, 'settings.get', undefined)).toMatchObject({ ok: false, error: { code: 'internal' } });
    log.mockRestore();
  });
});
