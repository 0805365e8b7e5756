/** Bulk answers of the `org.*` channels: one row per id asked for, in that order, plus counts. */
import type { OrgBulkResult } from '../../../src-shared/contract/clientOrg';
import { SELF_SKIPPED } from '../../../src-shared/contract/selfSkip';
import { LAST_OWNER_MESSAGE, LAST_OWNER_SERVER_MESSAGE } from './orgContext';

type Row = OrgBulkResult['results'][number];

export const okRow = (id: string): Row => ({ id, ok: true, error: null, lastOwner: false });
export const failedRow = (id: string, error: string): Row => ({
  id,
  ok: false,
  error,
  lastOwner: error === LAST_OWNER_MESSAGE,
});

/** The caller's own rows among `ids` (matched by `userId`), skipped rather than sent (see selfSkip.ts). */
export function ownRows(ids: string[], members: { id: string; userId: string | null }[], ownUserId: string) {
  const own = new Set(
    members.filter((m) => m.userId?.toLowerCase() === ownUserId.toLowerCase()).map((m) => m.id.toLowerCase()),
  );
  return ids.filter((id) => own.has(id.toLowerCase()));
}

export const selfSkippedRow = (id: string): Row => failedRow(id, SELF_SKIPPED);

export function bulkResult(results: Row[]): OrgBulkResult {
  const succeeded = results.filter((r) => r.ok).length;
  return { results, succeeded, failed: results.length - succeeded };
}

/** Rows of a server bulk answer (`error` empty on success) for `ids`; ids the server left out get `missing`. */
export function fromServer(ids: string[], answer: { id: string; error: string | null }[], missing: string): Row[] {
  const byId = new Map(answer.map((row) => [row.id.toLowerCase(), row.error]));
  return ids.map((id) => {
    const error = byId.get(id);
    if (error === undefined) return failedRow(id, missing);
    if (!error) return okRow(id);
    return failedRow(id, error === LAST_OWNER_SERVER_MESSAGE ? LAST_OWNER_MESSAGE : error);
  });
}

/** Results for `ids` in the order asked, from rows made in any order. */
export function inOrder(ids: string[], rows: Row[]): Row[] {
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => byId.get(id) ?? failedRow(id, 'Not processed.'));
}
