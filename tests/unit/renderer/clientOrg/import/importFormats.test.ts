import { describe, expect, it } from 'vitest';
import { MAX_IMPORT_TEXT, type ImportRunResult } from '$shared/contract/clientOrg';
import {
  fileProblem,
  MAX_IMPORT_CHARS,
  problemsCsv,
  readImportFile,
  reportHeadline,
  rowLabel,
} from '../../../../../src-renderer/lib/clientOrg/import/importFormats';

const result = (changes: Partial<ImportRunResult> = {}): ImportRunResult => ({
  importId: 'imp-1',
  imported: 48,
  failed: 2,
  collectionsCreated: 1,
  problems: [{ row: 7, reason: 'The row has 2 fields where the header has 8.' }],
  problemCount: 1,
  batchErrors: [],
  ...changes,
});

describe('import formats', () => {
  it('keeps the size limit of the contract', () => {
    expect(MAX_IMPORT_CHARS).toBe(MAX_IMPORT_TEXT);
  });

  it('refuses empty, oversized and mismatched files before reading them', () => {
    expect(fileProblem({ name: 'a.csv', size: 0 }, 'lastpassCsv')).toBe('a.csv is empty.');
    expect(fileProblem({ name: 'a.csv', size: MAX_IMPORT_CHARS + 1 }, 'lastpassCsv')).toMatch(/larger than 50 MB/);
    expect(fileProblem({ name: 'vault.json', size: 10 }, 'keeperCsv')).toBe(
      'vault.json looks like a JSON file, but Keeper (csv) expects CSV.',
    );
    expect(fileProblem({ name: 'export.csv', size: 10 }, 'bitwardenJson')).toMatch(/expects JSON/);
    expect(fileProblem({ name: 'export.txt', size: 10 }, 'lastpassCsv')).toBeNull();
    expect(fileProblem({ name: 'export.csv', size: 10 }, 'bitwardenCsv')).toBeNull();
  });

  it('reads the text of a file, and refuses one with only whitespace', async () => {
    await expect(readImportFile(new File(['url,name\n'], 'lp.csv'), 'lastpassCsv')).resolves.toBe('url,name\n');
    await expect(readImportFile(new File(['  \n'], 'lp.csv'), 'lastpassCsv')).rejects.toThrow('lp.csv is empty.');
  });

  it('names rows by line for CSV and by item for JSON', () => {
    expect(rowLabel(7, 'lastpassCsv')).toBe('Line 7');
    expect(rowLabel(3, 'bitwardenJson')).toBe('Item 3');
    expect(rowLabel(0, 'keeperCsv')).toBe('File');
  });

  it('sums up the outcome', () => {
    expect(reportHeadline(result())).toBe('Imported 48 items; 2 rows could not be imported.');
    expect(reportHeadline(result({ failed: 0 }))).toBe('Imported 48 items.');
    expect(reportHeadline(result({ imported: 0, failed: 1 }))).toBe(
      'Nothing was imported; 1 row could not be imported.',
    );
  });

  it('writes the problems as CSV with quoting', () => {
    const csv = problemsCsv(
      result({ batchErrors: [{ firstRow: 2, lastRow: 21, reason: 'You cannot import this much data at once.' }] }),
      'lastpassCsv',
    );
    expect(csv).toBe(
      'where,reason\r\n"Line 7","The row has 2 fields where the header has 8."\r\n' +
        '"Line 2 to Line 21","You cannot import this much data at once."\r\n',
    );
  });
});
