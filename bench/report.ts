/**
 * The result rows every benchmark part returns, the performance budgets of DESIGN.md they are read against, and the
 * one table `npm run bench` prints (budget, median, p95, min, max, pass/miss). Figures only: nothing is asserted.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname } from 'node:path';
import { stats } from './server/scaleServer';

export type Unit = 'ms' | 's' | 'MB';

export interface Budget {
  id: BudgetId;
  what: string;
  limit: number;
  unit: Unit;
  /** The statistic held against the limit. */
  stat: 'p95' | 'max';
}

export type BudgetId = 'grid-paint' | 'filter' | 'console' | 'event-log' | 'sync' | 'backend-list' | 'memory';

/** DESIGN.md "Performance budgets", in its order. */
export const BUDGETS: readonly Budget[] = [
  { id: 'grid-paint', what: 'client grid, 5,000 clients: first paint from cache', limit: 100, unit: 'ms', stat: 'p95' },
  { id: 'filter', what: 'filter-as-you-type over 5,000 clients, per keystroke', limit: 16, unit: 'ms', stat: 'p95' },
  {
    id: 'console',
    what: "switch to another client's admin console (palette → page)",
    limit: 150,
    unit: 'ms',
    stat: 'p95',
  },
  {
    id: 'event-log',
    what: 'event log, 1,000,000 cached events: first page, filtered',
    limit: 50,
    unit: 'ms',
    stat: 'p95',
  },
  { id: 'sync', what: 'sync 100,000 events from the backend into the cache', limit: 10, unit: 's', stat: 'max' },
  { id: 'backend-list', what: 'backend: list 5,000 client orgs (SQLite)', limit: 50, unit: 'ms', stat: 'p95' },
  {
    id: 'memory',
    what: 'renderer memory, 5,000 clients, 1,000,000 cached events',
    limit: 200,
    unit: 'MB',
    stat: 'max',
  },
];

export interface Row {
  /** Set on the row a budget is read against. */
  budget?: BudgetId;
  name: string;
  unit: Unit;
  samples: number[];
  note?: string;
  /** Why there is no figure (a page that does not exist yet, a failed part): printed instead of numbers. */
  notMeasured?: string;
  /** The one command that reproduces the row. */
  command: string;
}

const fmt = (v: number, unit: Unit) => {
  if (!Number.isFinite(v)) return '—';
  const digits = unit === 's' ? 1 : v >= 100 ? 0 : 1;
  return `${v.toFixed(digits)} ${unit}`;
};

export function verdict(budget: Budget, row: Row | undefined): string {
  if (!row || row.notMeasured || row.samples.length === 0) return 'not measured';
  const s = stats(row.samples);
  return (budget.stat === 'max' ? s.max : s.p95) <= budget.limit ? 'pass' : 'MISS';
}

function table(head: string[], rows: string[][], numeric: Set<number>): string {
  const width = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) =>
    `| ${r.map((c, i) => (numeric.has(i) ? c.padStart(width[i]!) : c.padEnd(width[i]!))).join(' | ')} |`;
  const rule = `|${width.map((w, i) => (numeric.has(i) ? `${'-'.repeat(w + 1)}:` : '-'.repeat(w + 2))).join('|')}|`;
  return [line(head), rule, ...rows.map(line)].join('\n');
}

function figures(row: Row): string[] {
  if (row.notMeasured || row.samples.length === 0) return ['', '', '', '', ''];
  const s = stats(row.samples);
  return [String(s.n), fmt(s.median, row.unit), fmt(s.p95, row.unit), fmt(s.min, row.unit), fmt(s.max, row.unit)];
}

/** Rows as measured, one line each (what a part prints when it is done). */
export function formatRows(rows: Row[]): string {
  return table(
    ['measure', 'n', 'median', 'p95', 'min', 'max', 'note'],
    rows.map((r) => [r.name, ...figures(r), r.notMeasured ? `not measured: ${r.notMeasured}` : (r.note ?? '')]),
    new Set([1, 2, 3, 4, 5]),
  );
}

/** The budgets table (every budget, measured or not) and the other figures. */
export function formatReport(rows: Row[]): string {
  const budgetRows = BUDGETS.map((b) => {
    const row = rows.find((r) => r.budget === b.id);
    const note = row?.notMeasured ? `not measured: ${row.notMeasured}` : (row?.note ?? 'not measured: no part ran');
    return [
      b.what,
      `${b.stat} ≤ ${b.limit} ${b.unit}`,
      ...(row ? figures(row) : ['', '', '', '', '']),
      verdict(b, row),
      note,
    ];
  });
  const commands = [...new Set(rows.map((r) => r.command))];
  return [
    'Budgets (DESIGN.md)',
    table(
      ['budget', 'limit', 'n', 'median', 'p95', 'min', 'max', 'result', 'note'],
      budgetRows,
      new Set([2, 3, 4, 5, 6]),
    ),
    '',
    'Other figures',
    formatRows(rows.filter((r) => !r.budget)),
    '',
    'Reproduce a part:',
    ...commands.map((c) => `  ${c}`),
  ].join('\n');
}

/** The machine and how busy it is: figures from a loaded machine are not comparable with a quiet one's. */
export function machineLine(): string {
  const load = loadavg()
    .map((l) => l.toFixed(1))
    .join(' / ');
  return `Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model.trim() ?? 'unknown CPU'}; load average (1/5/15 min) ${load}`;
}

export function writeJson(file: string, data: unknown): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(data, null, 2)}\n`);
}
