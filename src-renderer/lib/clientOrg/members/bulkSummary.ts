import type { OrgBulkResult } from '$shared/contract/clientOrg';
import { countMembers } from './memberDisplay';

/**
 * One sentence for a bulk answer: "Revoked 2 members in Alder Dental Group." or, when some failed,
 * "Revoked 1 of 2 members in Alder Dental Group. Not done for Ann Lee: <reason>."
 */
export function bulkSummary(
  verb: string,
  result: OrgBulkResult,
  clientName: string,
  nameOf: (id: string) => string,
  preposition = 'in',
): { tone: 'success' | 'error'; message: string } {
  const total = result.results.length;
  const where = `${preposition} ${clientName}`;
  if (result.failed === 0) return { tone: 'success', message: `${verb} ${countMembers(result.succeeded)} ${where}.` };
  const failures = result.results
    .filter((row) => !row.ok)
    .map((row) => `${nameOf(row.id)}: ${(row.error ?? 'refused by the server').replace(/\.+$/, '')}`)
    .join('; ');
  const done =
    result.succeeded === 0 ? `Nothing ${verb.toLowerCase()}` : `${verb} ${result.succeeded} of ${countMembers(total)}`;
  return { tone: 'error', message: `${done} ${where}. Not done for ${failures}.` };
}
