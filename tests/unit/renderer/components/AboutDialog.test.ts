import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import AboutDialog from '../../../../src-renderer/lib/components/AboutDialog.svelte';
import { shortcutTable } from '../../../../src-renderer/lib/shortcuts';
import { installFakeDesk, sampleInfo } from '../fakes/desk';

async function open() {
  await fireEvent.click(screen.getByRole('button', { name: 'About Provider Desk' }));
  return screen.findByRole('dialog', { name: 'About Provider Desk' });
}

function facts(dialog: HTMLElement): Record<string, string> {
  const terms = [...dialog.querySelectorAll('dt')];
  return Object.fromEntries(terms.map((dt) => [dt.textContent, dt.nextElementSibling?.textContent ?? '']));
}

describe('AboutDialog', () => {
  it("opens when main sends the native menu's app.showAbout event", async () => {
    const fake = installFakeDesk({ 'app.info': () => sampleInfo });
    render(AboutDialog);
    expect(screen.queryByRole('dialog')).toBeNull();
    await waitFor(() => expect(fake.listenerCount('app.showAbout')).toBe(1));
    fake.emit('app.showAbout', {});
    const dialog = await screen.findByRole('dialog', { name: 'About Provider Desk' });
    await waitFor(() => expect(facts(dialog).Version).toBe('0.1.0'));
  });

  it('shows name, version, platform and shell from app.info', async () => {
    installFakeDesk({ 'app.info': () => sampleInfo });
    render(AboutDialog);
    const dialog = await open();

    await waitFor(() =>
      expect(facts(dialog)).toEqual({
        Name: 'Provider Desk',
        Version: '0.1.0',
        Platform: 'Linux (x64)',
        Shell: 'Browser',
      }),
    );
  });

  it('names the Electron shell and macOS shortcuts when that is what runs', async () => {
    installFakeDesk({ 'app.info': () => ({ ...sampleInfo, shell: 'electron', platform: 'darwin', arch: 'arm64' }) });
    render(AboutDialog);
    const dialog = await open();

    await waitFor(() => expect(facts(dialog).Shell).toBe('Electron'));
    expect(facts(dialog).Platform).toBe('macOS (arm64)');
    expect(dialog.textContent).toContain('⌘1');
  });

  it('lists the section shortcuts and the word list attribution', async () => {
    installFakeDesk({ 'app.info': () => sampleInfo });
    render(AboutDialog);
    const dialog = await open();
    await waitFor(() => expect(facts(dialog).Shell).toBe('Browser'));

    const rows = [...dialog.querySelectorAll('tr')].map((tr) => tr.textContent?.replace(/\s+/g, ' ').trim());
    expect(rows.slice(0, 6)).toEqual([
      'Ctrl+1Go to Clients',
      'Ctrl+2Go to Members',
      'Ctrl+3Go to Event logs',
      'Ctrl+4Go to Billing',
      'Ctrl+5Go to Settings',
      'Ctrl+6Go to Waiting',
    ]);
    expect(dialog.textContent).toContain('Fingerprint phrases use the EFF long word list, CC BY 3.0 US');
  });

  it('asks app.info once, however often it opens', async () => {
    const desk = installFakeDesk({ 'app.info': () => sampleInfo });
    render(AboutDialog);
    await open();
    await fireEvent.keyDown(document.activeElement ?? document.body, { key: 'Escape' });
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    await open();

    expect(desk.calls.filter((call) => call.channel === 'app.info')).toHaveLength(1);
  });

  it('says what went wrong when app.info fails, and can try again', async () => {
    let attempts = 0;
    installFakeDesk({
      'app.info': () => {
        attempts += 1;
        if (attempts === 1) throw new Error('[internal] Main is restarting');
        return sampleInfo;
      },
    });
    render(AboutDialog);
    const dialog = await open();

    expect((await screen.findByRole('alert')).textContent).toContain('Main is restarting');
    await fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(facts(dialog).Version).toBe('0.1.0'));
  });

  it('lists every shortcut from the shortcut table, Ctrl+K and / included', async () => {
    installFakeDesk({ 'app.info': () => sampleInfo });
    render(AboutDialog);
    const dialog = await open();
    await waitFor(() => expect(facts(dialog).Platform).toBe('Linux (x64)'));

    const rows = [...dialog.querySelectorAll('.shortcuts tr')].map((tr) =>
      [...tr.querySelectorAll('td')].map((td) => td.textContent?.trim()),
    );
    expect(rows).toEqual(shortcutTable(false).map((row) => [row.keys, row.action]));
    const keys = rows.map((row) => row[0]);
    expect(keys).toEqual(expect.arrayContaining(['Ctrl+1', 'Ctrl+6', 'Ctrl+K', '/', 'Tab', 'Esc']));
  });
});
