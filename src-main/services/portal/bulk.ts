/** Bulk answers in the contract's shape: one row per id asked for, plus counts. */
import type { PortalBulkItem, PortalBulkResult } from '../../../src-shared/contract';
import { SELF_SKIPPED } from '../../../src-shared/contract/selfSkip';

export function bulkResult(results: PortalBulkItem[]): PortalBulkResult {
  const succeeded = results.filter((r) => r.ok).length;
  return { results, succeeded, failed: results.length - succeeded };
}

export const ok = (id: string): PortalBulkItem => ({ id, ok: true, error: null });
export const failed = (id: string, error: string): PortalBulkItem => ({ id, ok: false, error });

/**
 * The ids to send once the caller's own row is taken out (matched by `userId`), and a skipped row for it: asking
 * the server to remove you fails, and can fail the whole request (see selfSkip.ts).
 */
export function withoutSelf(
  ids: string[],
  members: { id: string; userId: string | null }[],
  ownUserId: string,
): { ids: string[]; skipped: PortalBulkItem[] } {
  const own = new Set(
    members.filter((m) => m.userId?.toLowerCase() === ownUserId.toLowerCase()).map((m) => m.id.toLowerCase()),
  );
  return {
    ids: ids.filter((id) => !own.has(id.toLowerCase())),
    skipped: ids.filter((id) => own.has(id.toLowerCase())).map((id) => failed(id, SELF_SKIPPED)),
  };
}

/** Rows of a server bulk answer (`error` empty on success) for the ids asked for, in that order. */
export function fromServer(ids: string[], answer: { id: string; error: string | null }[], missing: string) {
  const byId = new Map(answer.map((row) => [row.id.toLowerCase(), row.error]));
  return ids.map((id) => {
    const error = byId.get(id);
    if (error === undefined) return failed(id, missing);
    return error ? failed(id, error) : ok(id);
  });
}

/** Runs `work` over `items` with at most `limit` in flight, keeping the order of results. */
export async function mapLimited<T, R>(items: T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  return results;
}
