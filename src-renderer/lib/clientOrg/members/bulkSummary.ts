import type { OrgBulkResult } from '$shared/contract/clientOrg';
import { isSelfSkipped } from '$shared/contract/selfSkip';
import { countMembers } from './memberDisplay';

/**
 * One sentence for a bulk answer: "Revoked 2 members in Alder Dental Group." or, when some failed,
 * "Revoked 1 of 2 members in Alder Dental Group. Not done for Ann Lee: <reason>." Your own row, which main skips
 * when removing, is said apart ("You were skipped…"): skipping it is not a failure.
 */
export function bulkSummary(
  verb: string,
  result: OrgBulkResult,
  clientName: string,
  nameOf: (id: string) => string,
  preposition = 'in',
): { tone: 'success' | 'error'; message: string } {
  const skipped = result.results.filter((row) => !row.ok && isSelfSkipped(row.error)).length;
  const skipNote = skipped ? ' You were skipped: you cannot remove yourself.' : '';
  const total = result.results.length - skipped;
  const where = `${preposition} ${clientName}`;
  if (result.failed === skipped) {
    return { tone: 'success', message: `${verb} ${countMembers(result.succeeded)} ${where}.${skipNote}` };
  }
  const failures = result.results
    .filter((row) => !row.ok && !isSelfSkipped(row.error))
    .map((row) => `${nameOf(row.id)}: ${(row.error ?? 'refused by the server').replace(/\.+$/, '')}`)
    .join('; ');
  const done =
    result.succeeded === 0 ? `Nothing ${verb.toLowerCase()}` : `${verb} ${result.succeeded} of ${countMembers(total)}`;
  return { tone: 'error', message: `${done} ${where}. Not done for ${failures}.${skipNote}` };
}
