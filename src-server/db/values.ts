// Small value conventions shared by every table (see schema.ts).
import { randomUUID } from 'node:crypto';

export const newId = (): string => randomUUID();
export const nowIso = (): string => new Date().toISOString();
export const isoIn = (ms: number): string => new Date(Date.now() + ms).toISOString();

/** Booleans are stored as 0/1 integers on both databases. */
export const flag = (value: boolean | null | undefined): number => (value ? 1 : 0);
export const isSet = (value: number | null | undefined): boolean => value === 1;

export function parseJson<T>(text: string | null | undefined, fallback: T): T {
  if (text == null) return fallback;
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}

/** Case-insensitive lookups use lower-cased, trimmed emails everywhere. */
export const normalizeEmail = (email: string): string => email.trim().toLowerCase();
