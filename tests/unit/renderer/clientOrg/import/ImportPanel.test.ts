import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import type { ImportPreview, ImportRunResult } from '$shared/contract/clientOrg';
import ImportPanel from '../../../../../src-renderer/lib/clientOrg/import/ImportPanel.svelte';
import { deferred, installFakeDesk, type FakeDesk } from '../../fakes/desk';

const input = { accountId: 'acc-1', organizationId: '6f1c2a8e-4b1d-4c55-9d7a-1f2e3d4c5b6a' };
const CSV =
  'url,username,password,totp,extra,name,grouping,fav\r\nhttps://a.example,secret-user,secret-pw,,,Secret Name,Email,0\r\n';

const preview: ImportPreview = {
  format: 'lastpassCsv',
  total: 52,
  importable: 50,
  byType: { login: 40, secureNote: 6, card: 2, identity: 2, sshKey: 0 },
  collections: [
    { name: 'Clients/Contoso', items: 13, exists: true },
    { name: 'Email', items: 12, exists: false },
  ],
  withoutCollection: 25,
  problems: [
    { row: 53, reason: 'The row has 2 fields where the header has 8.' },
    { row: 54, reason: 'A quoted field is not closed.' },
  ],
  problemCount: 2,
};

const done: ImportRunResult = {
  importId: 'x',
  imported: 50,
  failed: 2,
  collectionsCreated: 1,
  problems: preview.problems,
  problemCount: 2,
  batchErrors: [],
};

/** A table row's cell texts, joined with spaces. */
function cells(row: HTMLElement): string {
  return [...row.children]
    .map((cell) => cell.textContent?.trim())
    .filter(Boolean)
    .join(' ');
}

async function choose(format: string, file: File) {
  await fireEvent.change(screen.getByLabelText('File format'), { target: { value: format } });
  await fireEvent.change(screen.getByLabelText('File'), { target: { files: [file] } });
}

function renderPanel(handlers: Parameters<typeof installFakeDesk>[0] = {}) {
  const desk = installFakeDesk({ 'org.import.preview': () => preview, ...handlers });
  const view = render(ImportPanel, { props: { input, clientName: 'Contoso' } });
  return Object.assign(desk, { rerender: view.rerender });
}

async function previewed(desk: FakeDesk) {
  await choose('lastpassCsv', new File([CSV], 'lastpass.csv', { type: 'text/csv' }));
  await fireEvent.click(screen.getByRole('button', { name: 'Preview' }));
  await screen.findByRole('heading', { name: 'Preview' });
  return desk;
}

describe('ImportPanel', () => {
  it('sends the file text with the format, then shows counts by type and collection', async () => {
    const desk = renderPanel();
    await previewed(desk);

    expect(desk.calls[0]).toEqual({
      channel: 'org.import.preview',
      input: { ...input, format: 'lastpassCsv', text: CSV },
    });
    expect(screen.getByTestId('importable-count').textContent).toBe('50 items');
    const types = screen.getByRole('table', { name: 'Items by type' });
    const typeRows = within(types).getAllByRole('row').slice(1).map(cells);
    expect(typeRows).toEqual(['Logins 40', 'Secure notes 6', 'Cards 2', 'Identities 2']);
    const collections = within(screen.getByRole('table', { name: 'Items by collection' })).getAllByRole('row');
    expect(collections.slice(1).map(cells)).toEqual([
      'Clients/Contoso 13 Existing',
      'Email 12 New',
      'No collection 25',
    ]);
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Preview' }));
  });

  it('lists the rows that cannot be imported, with line numbers and reasons only', async () => {
    await previewed(renderPanel());
    const problems = screen.getByRole('region', { name: /Rows that cannot be imported/ });
    expect(within(problems).getByText('Line 53')).toBeTruthy();
    expect(within(problems).getByText('A quoted field is not closed.')).toBeTruthy();
    // The file's contents are never shown.
    expect(document.body.textContent).not.toMatch(/secret-user|secret-pw|Secret Name/);
  });

  it('imports after confirmation, with progress, then shows the report', async () => {
    const running = deferred<ImportRunResult>();
    const desk = renderPanel({ 'org.import.run': () => running.promise });
    await previewed(desk);
    await fireEvent.click(screen.getByRole('button', { name: 'Import 50 items' }));
    const dialog = await screen.findByRole('dialog', { name: 'Import 50 items?' });
    expect(dialog.textContent).toContain('New collections are created: Email.');
    await fireEvent.click(within(dialog).getByRole('button', { name: 'Import' }));

    await waitFor(() => expect(desk.calls.some((c) => c.channel === 'org.import.run')).toBe(true));
    const run = desk.calls.find((c) => c.channel === 'org.import.run')!.input as any;
    expect(run).toMatchObject({ ...input, format: 'lastpassCsv', text: CSV });
    expect(run.importId).toEqual(expect.any(String));

    const event = {
      accountId: input.accountId,
      organizationId: input.organizationId,
      total: 50,
      failed: 0,
      message: null,
      at: '',
    };
    desk.emit('org.import.progress', { ...event, importId: 'another', phase: 'batch', sent: 45, imported: 45 });
    desk.emit('org.import.progress', { ...event, importId: run.importId, phase: 'batch', sent: 20, imported: 20 });
    const bar = await screen.findByRole('progressbar', { name: /Importing into Contoso/ });
    await waitFor(() => expect(bar.getAttribute('aria-valuenow')).toBe('20'));
    expect(bar.getAttribute('aria-valuetext')).toBe('20 of 50 items sent');

    running.resolve({ ...done, importId: run.importId });
    await screen.findByRole('heading', { name: 'Import finished with problems' });
    expect(screen.getByTestId('imported-count').textContent).toBe('50');
    expect(screen.getByTestId('failed-count').textContent).toBe('2');
    expect(screen.getByTestId('import-headline').textContent).toBe('Imported 50 items; 2 rows could not be imported.');
    expect(screen.getByRole('region', { name: /Rows not imported/ })).toBeTruthy();
    expect(screen.queryByRole('progressbar')).toBeNull();
  });

  it('reports a clean import as complete', async () => {
    const desk = renderPanel({ 'org.import.run': () => ({ ...done, failed: 0, problems: [], problemCount: 0 }) });
    await previewed(desk);
    await fireEvent.click(screen.getByRole('button', { name: 'Import 50 items' }));
    await fireEvent.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Import' }));
    await screen.findByRole('heading', { name: 'Import complete' });
    expect(screen.queryByRole('button', { name: /Save the list of problems/ })).toBeNull();
  });

  it('keeps the preview and says why when the import fails', async () => {
    const desk = renderPanel({
      'org.import.run': () => {
        throw new Error('[offline] The server cannot be reached.');
      },
    });
    await previewed(desk);
    await fireEvent.click(screen.getByRole('button', { name: 'Import 50 items' }));
    await fireEvent.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Import' }));
    expect((await screen.findByRole('alert')).textContent).toContain(
      'The import into Contoso did not run: The server cannot be reached.',
    );
    expect(screen.getByRole('button', { name: 'Import 50 items' })).toBeTruthy();
  });

  it('refuses a file of the wrong kind without sending it', async () => {
    const desk = renderPanel();
    await choose('keeperCsv', new File(['{}'], 'vault.json'));
    await fireEvent.click(screen.getByRole('button', { name: 'Preview' }));
    expect((await screen.findByRole('alert')).textContent).toContain('vault.json looks like a JSON file');
    expect(desk.calls).toEqual([]);
  });

  it('asks for a file before previewing', async () => {
    const desk = renderPanel();
    await fireEvent.click(screen.getByRole('button', { name: 'Preview' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Choose the file to import first.');
    expect(desk.calls).toEqual([]);
  });

  it('shows main’s reason when the file cannot be read', async () => {
    renderPanel({
      'org.import.preview': () => {
        throw new Error('[validation] The file is not valid JSON.');
      },
    });
    await choose('bitwardenJson', new File(['nope'], 'export.json'));
    await fireEvent.click(screen.getByRole('button', { name: 'Preview' }));
    expect((await screen.findByRole('alert')).textContent).toContain('The file is not valid JSON.');
    expect(screen.queryByRole('heading', { name: 'Preview' })).toBeNull();
  });

  it('forgets the file and preview when the console switches to another client', async () => {
    const desk = renderPanel();
    await previewed(desk);
    await desk.rerender({
      input: { ...input, organizationId: 'b1c2a8e0-4b1d-4c55-9d7a-1f2e3d4c5b6a' },
      clientName: 'Fabrikam',
    });

    await waitFor(() => expect(screen.queryByRole('heading', { name: 'Preview' })).toBeNull());
    expect(screen.queryByRole('button', { name: /Import 50 items/ })).toBeNull();
    expect(screen.getByText(/Items go into Fabrikam’s vault/)).toBeTruthy();
    await fireEvent.click(screen.getByRole('button', { name: 'Preview' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Choose the file to import first.');
  });
});
