import { z } from 'zod';
import { orgInputShape } from './common';

/**
 * Import into a client org's vault (bitwarden-api.md §7.8). The file text goes to main, which parses, encrypts
 * every field with the org key and sends batches to `ciphers/import-organization`. Answers hold counts, collection
 * names and row numbers with reasons, never item contents (provider users may import but not view).
 */

export const importFormats = ['bitwardenJson', 'bitwardenCsv', 'lastpassCsv', 'keeperCsv'] as const;
export const importFormatSchema = z.enum(importFormats);
export type ImportFormat = z.infer<typeof importFormatSchema>;

/** 50 MB of text. */
export const MAX_IMPORT_TEXT = 50_000_000;

export const importInputSchema = z
  .object({
    ...orgInputShape,
    format: importFormatSchema,
    text: z.string().min(1, 'The file is empty.').max(MAX_IMPORT_TEXT, 'The file is larger than 50 MB.'),
  })
  .strict();

export const importRunInputSchema = importInputSchema.extend({
  /** Names this import in its `org.import.progress` events; main makes one when left out. */
  importId: z.string().trim().min(1).max(100).optional(),
});

/** Where a problem is: the CSV line the record starts on (header = line 1), the JSON item position, or 0 for the whole file. */
export const importProblemSchema = z.object({ row: z.number().int(), reason: z.string() });

const byTypeSchema = z.object({
  login: z.number().int(),
  secureNote: z.number().int(),
  card: z.number().int(),
  identity: z.number().int(),
  sshKey: z.number().int(),
});

export const importPreviewOutputSchema = z.object({
  format: importFormatSchema,
  /** Rows or items found in the file. */
  total: z.number().int(),
  importable: z.number().int(),
  byType: byTypeSchema,
  /** Target collections with their item counts; `exists`: a collection of that name is already there. */
  collections: z.array(z.object({ name: z.string(), items: z.number().int(), exists: z.boolean() })),
  /** Items that go into no collection. */
  withoutCollection: z.number().int(),
  /** At most 1,000 are listed; `problemCount` has them all. */
  problems: z.array(importProblemSchema),
  problemCount: z.number().int(),
});
export type ImportPreview = z.infer<typeof importPreviewOutputSchema>;

export const importRunOutputSchema = z.object({
  importId: z.string(),
  imported: z.number().int(),
  /** Rows that could not be imported: problems in the file plus items of batches the server refused. */
  failed: z.number().int(),
  collectionsCreated: z.number().int(),
  problems: z.array(importProblemSchema),
  problemCount: z.number().int(),
  /** The server's reasons for refused batches. */
  batchErrors: z.array(z.object({ firstRow: z.number().int(), lastRow: z.number().int(), reason: z.string() })),
});
export type ImportRunResult = z.infer<typeof importRunOutputSchema>;

/** Pushed while `org.import.run` works: after parsing, after each batch, and at the end. */
export const importProgressSchema = z.object({
  accountId: z.string(),
  organizationId: z.string(),
  importId: z.string(),
  phase: z.enum(['started', 'batch', 'done', 'failed']),
  /** Items sent so far (accepted or refused), of `total` importable items. */
  sent: z.number().int(),
  total: z.number().int(),
  imported: z.number().int(),
  failed: z.number().int(),
  message: z.string().nullable(),
  at: z.string(),
});
export type ImportProgress = z.infer<typeof importProgressSchema>;
