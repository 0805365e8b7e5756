// The CSV reader under every CSV format: BOM, quoting, embedded line breaks, CRLF, UTF-8, and malformed rows
// reported by the line they start on while the rest of the file is still read.
import { describe, expect, it } from 'vitest';
import { readCsv, readCsvWithHeader, stripBom } from '../../../../src-main/import/csv';

describe('readCsv', () => {
  it('strips a byte-order mark', () => {
    expect(stripBom('\uFEFFa,b')).toBe('a,b');
    expect(readCsv('\uFEFFname,value\nx,1').records[0]?.values).toEqual(['name', 'value']);
  });

  it('reads quoted commas, doubled quotes and line breaks inside fields', () => {
    const { records, problems } = readCsv('a,b,c\r\n"x, y","say ""hi""","line 1\r\nline 2"\r\nlast,row,here\r\n');
    expect(problems).toEqual([]);
    expect(records).toEqual([
      { line: 1, values: ['a', 'b', 'c'] },
      { line: 2, values: ['x, y', 'say "hi"', 'line 1\r\nline 2'] },
      { line: 4, values: ['last', 'row', 'here'] },
    ]);
  });

  it('keeps UTF-8 text as it is', () => {
    const { records } = readCsv('name\nZürich\n日本語\n🔑 keys\n');
    expect(records.map((r) => r.values[0])).toEqual(['name', 'Zürich', '日本語', '🔑 keys']);
  });

  it('skips blank lines and counts them for line numbers', () => {
    const { records } = readCsv('a,b\n\n   \n,\n1,2\n');
    expect(records).toEqual([
      { line: 1, values: ['a', 'b'] },
      { line: 5, values: ['1', '2'] },
    ]);
  });

  it('reports a row with broken quoting and goes on with the next line', () => {
    const { records, problems } = readCsv('a,b\n1,"bad"x\n2,"unterminated\n3,ok\n4,"fine"\n');
    expect(problems.map((p) => p.row)).toEqual([2, 3]);
    expect(records.map((r) => [r.line, r.values[0]])).toEqual([
      [1, 'a'],
      [4, '3'],
      [5, '4'],
    ]);
  });

  it('reads an unterminated quote on the last line as a problem, not a record', () => {
    const { records, problems } = readCsv('a,b\n1,"open');
    expect(records).toHaveLength(1);
    expect(problems).toEqual([{ row: 2, reason: expect.stringMatching(/not closed properly/) }]);
  });
});

describe('readCsvWithHeader', () => {
  it('keys values by lower-cased trimmed header names and reports rows of another width', () => {
    const { header, rows, problems } = readCsvWithHeader(' Name ,URL\nx,https://x\ny\nz,https://z,extra\n');
    expect(header).toEqual(['name', 'url']);
    expect(rows.map((r) => [r.line, r.get('name'), r.get('url'), r.get('missing')])).toEqual([
      [2, 'x', 'https://x', null],
    ]);
    expect(problems.map((p) => p.row)).toEqual([3, 4]);
  });

  it('answers an empty file with nothing', () => {
    expect(readCsvWithHeader('')).toEqual({ header: [], rows: [], problems: [] });
  });
});
