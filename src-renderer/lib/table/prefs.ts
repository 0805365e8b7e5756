import type { SortState } from './sort';

/**
 * A table's remembered layout: sort and column widths, per table id, in the renderer's `localStorage`. Only view
 * preferences live here; nothing about the data. Anything unreadable is ignored rather than trusted.
 */
export interface TablePrefs {
  sort?: SortState;
  /** Column key → width in CSS pixels, for columns the user resized. */
  widths: Record<string, number>;
}

const prefix = 'provider-desk.table.';
export const minColumnWidth = 48;
const maxColumnWidth = 2000;

export function prefsKey(tableId: string): string {
  return `${prefix}${tableId}`;
}

function defaultStorage(): Storage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    // Storage can be refused outright (opaque origins); the table then simply forgets.
    return undefined;
  }
}

function parseSort(value: unknown): SortState | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { key, direction } = value as Record<string, unknown>;
  if (typeof key !== 'string' || (direction !== 'ascending' && direction !== 'descending')) return undefined;
  return { key, direction };
}

function parseWidths(value: unknown): Record<string, number> {
  const widths: Record<string, number> = {};
  if (typeof value !== 'object' || value === null) return widths;
  for (const [key, width] of Object.entries(value)) {
    if (typeof width === 'number' && Number.isFinite(width)) widths[key] = clampWidth(width);
  }
  return widths;
}

export function clampWidth(width: number, min = minColumnWidth): number {
  return Math.round(Math.min(maxColumnWidth, Math.max(min, width)));
}

export function readTablePrefs(tableId: string, storage = defaultStorage()): TablePrefs {
  let raw: string | null | undefined;
  try {
    raw = storage?.getItem(prefsKey(tableId));
  } catch {
    raw = undefined;
  }
  if (!raw) return { widths: {} };
  try {
    const parsed = JSON.parse(raw) as Record<string, unknown>;
    const sort = parseSort(parsed?.sort);
    return { ...(sort ? { sort } : {}), widths: parseWidths(parsed?.widths) };
  } catch {
    return { widths: {} };
  }
}

export function writeTablePrefs(tableId: string, prefs: TablePrefs, storage = defaultStorage()): void {
  try {
    storage?.setItem(prefsKey(tableId), JSON.stringify({ sort: prefs.sort, widths: prefs.widths }));
  } catch {
    // Full or refused storage: the preference lasts for this session only.
  }
}
