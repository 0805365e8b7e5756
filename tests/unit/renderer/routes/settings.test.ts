import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import type { SettingsPatch } from '$shared/contract';
import SettingsPage from '../../../../src-renderer/routes/settings/+page.svelte';
import { shortcutPreference } from '../../../../src-renderer/lib/shortcutPreference.svelte';
import { deferred, installFakeDesk, sampleSettings } from '../fakes/desk';

function saveButton() {
  return screen.getByRole<HTMLButtonElement>('button', { name: 'Save' });
}

/** Renders the page over a fake main that keeps its settings like the real store does. */
async function renderLoaded(overrides: Parameters<typeof installFakeDesk>[0] = {}) {
  const stored = { ...sampleSettings };
  const fake = installFakeDesk({
    'settings.get': () => ({ ...stored }),
    'settings.set': (patch) => ({ ...Object.assign(stored, patch) }),
    ...overrides,
  });
  render(SettingsPage);
  await screen.findByRole('button', { name: 'Save' });
  /** Another window saves: the store changes and main pushes `settings.changed`. */
  const savedElsewhere = (patch: SettingsPatch) => fake.emit('settings.changed', { ...Object.assign(stored, patch) });
  return Object.assign(fake, { savedElsewhere });
}

describe('Settings page', () => {
  it('shows a loading state until settings.get answers, then the saved values', async () => {
    const pending = deferred<typeof sampleSettings>();
    installFakeDesk({ 'settings.get': () => pending.promise });
    render(SettingsPage);

    expect(screen.getByRole('heading', { level: 1, name: 'Settings' })).toBeTruthy();
    expect(screen.getByText('Loading settings…')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Save' })).toBeNull();

    pending.resolve({ theme: 'dark', idleLockMinutes: 30, syncIntervalMinutes: 10, singleKeyShortcuts: true });
    expect((await screen.findByLabelText<HTMLSelectElement>('Theme')).value).toBe('dark');
    expect(screen.getByLabelText<HTMLInputElement>('Lock after idle (minutes)').value).toBe('30');
    expect(screen.getByLabelText<HTMLInputElement>('Sync every (minutes)').value).toBe('10');
    expect(screen.queryByText('Loading settings…')).toBeNull();
  });

  it('offers the three themes by name', async () => {
    await renderLoaded();
    const options = [...screen.getByLabelText<HTMLSelectElement>('Theme').options].map((o) => [o.text, o.value]);
    expect(options).toEqual([
      ['System', 'system'],
      ['Light', 'light'],
      ['Dark', 'dark'],
    ]);
  });

  it('keeps Save disabled until a value changes, and again when it is changed back', async () => {
    await renderLoaded();
    expect(saveButton().disabled).toBe(true);

    const idle = screen.getByLabelText<HTMLInputElement>('Lock after idle (minutes)');
    await fireEvent.input(idle, { target: { value: '20' } });
    expect(saveButton().disabled).toBe(false);

    await fireEvent.input(idle, { target: { value: '15' } });
    expect(saveButton().disabled).toBe(true);
  });

  it('sends only the changed field, announces "Settings saved" and disables Save again', async () => {
    const desk = await renderLoaded();
    await fireEvent.input(screen.getByLabelText('Sync every (minutes)'), { target: { value: '30' } });
    await fireEvent.click(saveButton());

    await waitFor(() => expect(screen.getByRole('status').textContent?.trim()).toBe('Settings saved'));
    const sets = desk.calls.filter((call) => call.channel === 'settings.set');
    expect(sets).toEqual([{ channel: 'settings.set', input: { syncIntervalMinutes: 30 } }]);
    expect(saveButton().disabled).toBe(true);
  });

  it('turns single-key shortcuts off with a checkbox, and / stops focusing search', async () => {
    const desk = await renderLoaded();
    const box = screen.getByRole<HTMLInputElement>('checkbox', { name: 'Single-key shortcuts (/)' });
    expect(box.checked).toBe(true);
    await fireEvent.click(box);
    await fireEvent.click(saveButton());

    await waitFor(() => expect(screen.getByRole('status').textContent?.trim()).toBe('Settings saved'));
    expect(desk.calls.filter((call) => call.channel === 'settings.set')).toEqual([
      { channel: 'settings.set', input: { singleKeyShortcuts: false } },
    ]);
    expect(shortcutPreference.singleKey).toBe(false);
    shortcutPreference.singleKey = true;
  });

  it('disables Save while saving', async () => {
    const pending = deferred<typeof sampleSettings>();
    await renderLoaded({ 'settings.set': () => pending.promise });
    await fireEvent.input(screen.getByLabelText('Sync every (minutes)'), { target: { value: '30' } });
    await fireEvent.click(saveButton());

    expect(saveButton().disabled).toBe(true);
    pending.resolve({ ...sampleSettings, syncIntervalMinutes: 30 });
    await waitFor(() => expect(screen.getByRole('status').textContent?.trim()).toBe('Settings saved'));
  });

  it('applies the theme to <html data-theme> as soon as it is saved', async () => {
    await renderLoaded();
    await fireEvent.change(screen.getByLabelText('Theme'), { target: { value: 'dark' } });
    expect(document.documentElement.dataset.theme).not.toBe('dark');

    await fireEvent.click(saveButton());
    await waitFor(() => expect(document.documentElement.dataset.theme).toBe('dark'));
  });

  it('shows a validation error from main under the field it names', async () => {
    const desk = await renderLoaded({
      // The shape Electron's contextBridge delivers: the code rides in the message (errors.ts).
      'settings.set': () => {
        throw new Error('[validation] idleLockMinutes: Too big: expected number to be <=1440');
      },
    });
    const idle = screen.getByLabelText<HTMLInputElement>('Lock after idle (minutes)');
    await fireEvent.input(idle, { target: { value: '5000' } });
    await fireEvent.click(saveButton());

    await waitFor(() => expect(idle.getAttribute('aria-invalid')).toBe('true'));
    const describedBy = idle.getAttribute('aria-describedby') ?? '';
    const descriptions = describedBy.split(' ').map((id) => document.getElementById(id)?.textContent);
    expect(descriptions).toContain('Too big: expected number to be <=1440');
    expect(screen.getByRole('status').textContent?.trim()).toBe('');
    expect(desk.calls.at(-1)).toEqual({ channel: 'settings.set', input: { idleLockMinutes: 5000 } });
    expect(document.activeElement).toBe(idle);
  });

  it('shows any other error message inline as an alert', async () => {
    await renderLoaded({
      'settings.set': () => Promise.reject({ code: 'internal', message: 'The settings file is read-only' }),
    });
    await fireEvent.change(screen.getByLabelText('Theme'), { target: { value: 'light' } });
    await fireEvent.click(saveButton());

    expect((await screen.findByRole('alert')).textContent).toContain('The settings file is read-only');
    expect(saveButton().disabled).toBe(false);
  });

  it('refuses an empty minutes field without asking main', async () => {
    const desk = await renderLoaded();
    const sync = screen.getByLabelText<HTMLInputElement>('Sync every (minutes)');
    await fireEvent.input(sync, { target: { value: '' } });
    await fireEvent.click(saveButton());

    await waitFor(() => expect(sync.getAttribute('aria-invalid')).toBe('true'));
    expect(desk.calls.some((call) => call.channel === 'settings.set')).toBe(false);
  });

  it('adopts values pushed by settings.changed while the form is unchanged', async () => {
    const desk = await renderLoaded();
    desk.savedElsewhere({ idleLockMinutes: 45 });
    await waitFor(() => expect(screen.getByLabelText<HTMLInputElement>('Lock after idle (minutes)').value).toBe('45'));
    expect(saveButton().disabled).toBe(true);
  });

  it('keeps unsaved edits when settings.changed arrives, and diffs against the new values', async () => {
    const desk = await renderLoaded();
    await fireEvent.input(screen.getByLabelText('Sync every (minutes)'), { target: { value: '30' } });
    desk.savedElsewhere({ idleLockMinutes: 45 });
    await fireEvent.click(saveButton());

    await waitFor(() => expect(desk.calls.at(-1)?.channel).toBe('settings.set'));
    expect(desk.calls.at(-1)?.input).toEqual({ syncIntervalMinutes: 30 } satisfies SettingsPatch);
    expect(screen.getByLabelText<HTMLInputElement>('Lock after idle (minutes)').value).toBe('45');
  });

  it('reports a failed load with a way to try again', async () => {
    let attempts = 0;
    installFakeDesk({
      'settings.get': () => {
        attempts += 1;
        if (attempts === 1) throw new Error('[offline] Main is not answering');
        return sampleSettings;
      },
    });
    render(SettingsPage);

    expect((await screen.findByRole('alert')).textContent).toContain('Main is not answering');
    await fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('button', { name: 'Save' })).toBeTruthy();
  });
});
