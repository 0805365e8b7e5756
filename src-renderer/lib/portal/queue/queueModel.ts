import type { QueueItem } from '$shared/contract/portal/queue';
import { parseTime, timeAgo } from '../../relativeTime';

/**
 * The cross-client queue (provider-portal.md §14 item 11) as the Waiting page shows it: one key per person across
 * the provider and every client, the words for where they are and their role, how long they have waited, filters.
 */

export type ScopeFilter = 'all' | 'provider' | 'client';
export type WaitFilter = 'all' | 'accepted' | 'invited';

export function itemKey(item: QueueItem): string {
  return `${item.scope}:${item.organizationId ?? ''}:${item.id}`;
}

export function personName(item: QueueItem): string {
  return item.name?.trim() || item.email || item.id;
}

export function whereLabel(item: QueueItem): string {
  return item.scope === 'provider' ? 'Provider' : (item.clientName ?? 'A client');
}

const clientRoles: Record<number, string> = { 0: 'Owner', 1: 'Admin', 2: 'User', 3: 'Manager', 4: 'Custom' };

export function roleWord(item: QueueItem): string {
  if (item.scope === 'provider') return item.type === 0 ? 'Provider admin' : 'Service user';
  return clientRoles[item.type] ?? 'Member';
}

/** "3 days ago", or why it is unknown (an invitation older than the event history Provider Desk read). */
export function waitingFor(item: QueueItem, now: number, olderThanDays: number): string {
  const at = parseTime(item.invitedAt);
  if (at !== undefined) return timeAgo(at, now);
  return item.status === 'invited' ? `over ${olderThanDays} days` : 'unknown';
}

export function filterQueue(
  items: readonly QueueItem[],
  scope: ScopeFilter,
  wait: WaitFilter,
  text: string,
): QueueItem[] {
  const needle = text.trim().toLowerCase();
  return items.filter(
    (item) =>
      (scope === 'all' || item.scope === scope) &&
      (wait === 'all' || item.status === wait) &&
      (!needle || [item.name, item.email, item.clientName].some((f) => f?.toLowerCase().includes(needle))),
  );
}

export const allAccepted = (rows: readonly QueueItem[]) =>
  rows.length > 0 && rows.every((r) => r.status === 'accepted');
export const allInvited = (rows: readonly QueueItem[]) => rows.length > 0 && rows.every((r) => r.status === 'invited');

/** What `queue.confirm` / `queue.reinvite` take for an item. */
export function itemRef(item: QueueItem) {
  return {
    scope: item.scope,
    id: item.id,
    ...(item.scope === 'client' && item.organizationId ? { organizationId: item.organizationId } : {}),
  };
}
