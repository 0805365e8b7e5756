import type { PortalBulkResult } from '$shared/contract/portal/common';
import { isSelfSkipped } from '$shared/contract/selfSkip';

/**
 * One sentence for a bulk answer ("3 invitations sent", "2 of 3 members confirmed"), and the failures by name with
 * the server's reason, so a partly failed bulk action never reads as a success. Your own row, which main skips
 * when removing, is said apart: skipping it is not a failure.
 */
export interface BulkSummary {
  tone: 'success' | 'error';
  message: string;
  failures: { name: string; error: string }[];
}

export function summarizeBulk(
  result: PortalBulkResult,
  words: { one: string; many: string; done: string },
  nameOf: (id: string) => string,
): BulkSummary {
  const skipped = result.results.filter((r) => !r.ok && isSelfSkipped(r.error)).length;
  const skipNote = skipped ? ' You were skipped: you cannot remove yourself.' : '';
  const total = result.succeeded + result.failed - skipped;
  const noun = (n: number) => (n === 1 ? words.one : words.many);
  const failures = result.results
    .filter((r) => !r.ok && !isSelfSkipped(r.error))
    .map((r) => ({ name: nameOf(r.id), error: r.error ?? 'The server refused it.' }));
  if (failures.length === 0) {
    const message = `${result.succeeded} ${noun(result.succeeded)} ${words.done}`;
    return { tone: 'success', message: skipped ? `${message}.${skipNote}` : message, failures };
  }
  const detail = failures
    .slice(0, 3)
    .map((f) => `${f.name}: ${f.error}`)
    .join(' ');
  const more = failures.length > 3 ? ` And ${failures.length - 3} more.` : '';
  return {
    tone: 'error',
    message: `${result.succeeded} of ${total} ${noun(total)} ${words.done}. ${detail}${more}${skipNote}`,
    failures,
  };
}
