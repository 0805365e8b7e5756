import type { Snippet } from 'svelte';
import type { SortValue } from './sort';

/** One column of a `DataTable`. */
export interface Column<Row> {
  /** Stable id: sort state and widths are remembered under it. */
  key: string;
  header: string;
  /** The value to sort on, and to show when there is no `cell` snippet. */
  value?: (row: Row) => SortValue;
  /** Custom cell content; receives the row. */
  cell?: Snippet<[Row]>;
  sortable?: boolean;
  align?: 'start' | 'center' | 'end';
  /** A CSS grid track size before the user resizes the column: `8rem`, `minmax(12rem, 2fr)`. */
  width?: string;
  /** Lets the user drag or key the column's right edge; the width is remembered. */
  resizable?: boolean;
  /** Smallest width in pixels when resizing (default 48). */
  minWidth?: number;
}

/** How a plain value reads in a cell. */
export function displayValue(value: SortValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toLocaleString();
  if (typeof value === 'number') return value.toLocaleString();
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  return value;
}
