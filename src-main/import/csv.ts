/**
 * CSV through papaparse (a maintained parser): UTF-8 text with or without a byte-order mark, quoted fields with
 * commas, quotes and line breaks. Records come with the line they start on; a record with broken quoting is
 * reported and parsing goes on from the next line, so one bad row does not swallow the rest of the file.
 */
import Papa from 'papaparse';
import type { ImportProblem } from './types';

export interface CsvRecord {
  /** The line the record starts on (1-based). */
  line: number;
  values: string[];
}

export interface CsvTable {
  records: CsvRecord[];
  problems: ImportProblem[];
}

const QUOTE_PROBLEM =
  'A quoted field is not closed properly (check the quotes on this row); the row was skipped and reading went on ' +
  'with the next line.';

export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

export function readCsv(input: string): CsvTable {
  const text = stripBom(input);
  const records: CsvRecord[] = [];
  const problems: ImportProblem[] = [];
  const lines = lineCounter(text);
  let offset = 0;
  while (offset < text.length) {
    let resumeAt = -1;
    let rowStart = offset;
    const chunk = offset;
    Papa.parse<string[]>(text.slice(chunk), {
      header: false,
      delimiter: ',',
      skipEmptyLines: true,
      step: (result, parser) => {
        const start = skipBlankLines(text, rowStart);
        if (result.errors.length === 0 && result.data.every((value) => value.trim() === '')) {
          rowStart = chunk + result.meta.cursor; // a blank row (only spaces or commas) is not a record
          return;
        }
        if (result.errors.some((e) => e.type === 'Quotes')) {
          problems.push({ row: lines(start), reason: QUOTE_PROBLEM });
          const nextLine = text.indexOf('\n', start);
          resumeAt = nextLine === -1 ? text.length : nextLine + 1;
          parser.abort();
          return;
        }
        records.push({ line: lines(start), values: result.data });
        rowStart = chunk + result.meta.cursor;
      },
    });
    if (resumeAt === -1) break;
    offset = resumeAt;
  }
  return { records, problems };
}

/** Line number (1-based) of a position; positions must be asked for in increasing order. */
function lineCounter(text: string) {
  let line = 1;
  let countedTo = 0;
  return (position: number) => {
    for (; countedTo < position; countedTo++) if (text.charCodeAt(countedTo) === 10) line++;
    return line;
  };
}

/** Where the next record starts: past the empty lines papaparse skips. */
function skipBlankLines(text: string, from: number): number {
  let i = from;
  while (text[i] === '\n' || (text[i] === '\r' && text[i + 1] === '\n')) i += text[i] === '\n' ? 1 : 2;
  return i;
}

/** Records keyed by a header row (names trimmed and lower-cased); rows with another field count are problems. */
export function readCsvWithHeader(input: string): {
  header: string[];
  rows: { line: number; get: (name: string) => string | null }[];
  problems: ImportProblem[];
} {
  const { records, problems } = readCsv(input);
  const [head, ...body] = records;
  if (!head) return { header: [], rows: [], problems };
  const header = head.values.map((h) => h.trim().toLowerCase());
  const rows = [];
  for (const record of body) {
    if (record.values.length !== header.length) {
      problems.push({
        row: record.line,
        reason: `The row has ${record.values.length} fields where the header has ${header.length} (a comma, quote or line break may be out of place).`,
      });
      continue;
    }
    const values = record.values;
    rows.push({
      line: record.line,
      get: (name: string) => {
        const index = header.indexOf(name);
        return index === -1 ? null : (values[index] ?? null);
      },
    });
  }
  problems.sort((a, b) => a.row - b.row);
  return { header, rows, problems };
}
