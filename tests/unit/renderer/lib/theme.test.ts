import { waitFor } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { followSettingsTheme, resolveTheme, ThemeController } from '../../../../src-renderer/lib/theme';
import { deferred, installFakeDesk, sampleSettings } from '../fakes/desk';
import { fakeMatchMedia } from '../fakes/matchMedia';

function controller(dark = false) {
  const media = fakeMatchMedia(dark);
  const root = document.createElement('html');
  return { theme: new ThemeController(root, media.matchMedia), root, media };
}

describe('resolveTheme', () => {
  it('follows the OS only for system', () => {
    expect(resolveTheme('system', true)).toBe('dark');
    expect(resolveTheme('system', false)).toBe('light');
    expect(resolveTheme('light', true)).toBe('light');
    expect(resolveTheme('dark', false)).toBe('dark');
  });
});

describe('ThemeController', () => {
  it('writes the resolved theme to data-theme', () => {
    const { theme, root } = controller(true);
    expect(theme.apply('system')).toBe('dark');
    expect(root.dataset.theme).toBe('dark');
    theme.apply('light');
    expect(root.dataset.theme).toBe('light');
  });

  it('follows an OS switch live while the preference is system', () => {
    const { theme, root, media } = controller(false);
    theme.apply('system');
    media.setDark(true);
    expect(root.dataset.theme).toBe('dark');
    media.setDark(false);
    expect(root.dataset.theme).toBe('light');
  });

  it('ignores the OS when a theme is chosen, and stops listening when disposed', () => {
    const { theme, root, media } = controller(false);
    theme.apply('light');
    media.setDark(true);
    expect(root.dataset.theme).toBe('light');

    theme.apply('system');
    theme.dispose();
    media.setDark(false);
    expect(root.dataset.theme).toBe('dark');
  });

  it('treats a missing matchMedia as light', () => {
    const root = document.createElement('html');
    expect(new ThemeController(root, undefined).apply('system')).toBe('light');
  });
});

describe('followSettingsTheme', () => {
  it('paints the saved theme, then every settings.changed push, until stopped', async () => {
    const desk = installFakeDesk({ 'settings.get': () => ({ ...sampleSettings, theme: 'dark' }) });
    const { theme, root } = controller(false);
    const stop = followSettingsTheme(theme);

    await waitFor(() => expect(root.dataset.theme).toBe('dark'));
    desk.emit('settings.changed', { ...sampleSettings, theme: 'light' });
    expect(root.dataset.theme).toBe('light');

    stop();
    desk.emit('settings.changed', { ...sampleSettings, theme: 'dark' });
    expect(root.dataset.theme).toBe('light');
  });

  it('lets a push that arrives first win over a slower settings.get', async () => {
    const slow = deferred<typeof sampleSettings>();
    const desk = installFakeDesk({ 'settings.get': () => slow.promise });
    const { theme, root } = controller(false);
    followSettingsTheme(theme);

    desk.emit('settings.changed', { ...sampleSettings, theme: 'dark' });
    slow.resolve({ ...sampleSettings, theme: 'light' });
    await slow.promise;
    await Promise.resolve();
    expect(root.dataset.theme).toBe('dark');
  });
});
