/**
 * A client org's event log for the cache (provider-portal.md §12): fetched on demand when its event log opens,
 * into scope `org:<organizationId>` with the same incremental runs as the provider log (newest first,
 * continuation tokens, resume, no duplicates). Provider users may read it (AccessEventLogs, bitwarden-api.md §7.10).
 */
import { createHash } from 'node:crypto';
import { orgEventScope, type EventScopeState, type SyncBatch } from '../../src-shared/contract';
import { eventSchema, listOf } from '../bitwarden/apiSchemas';
import type { Authorized } from '../bitwarden/providerApi';
import type { Emit } from '../session/sessionService';
import type { RunningScope } from './eventRuns';
import { syncEventScope, type EventPageResult } from './eventScopeSync';
import { toProviderEvent } from './providerEvents';

/**
 * The cache keeps one row per key, and SQL-backed servers return an org event in the provider's log too
 * (bitwarden-api.md §8.4): the org scope's keys are derived from the scope, so neither log takes the other's rows.
 */
export function orgEventKey(organizationId: string, key: string): string {
  return createHash('sha256')
    .update(`${orgEventScope(organizationId)}|${key}`)
    .digest('hex')
    .slice(0, 32);
}

/** One page (50 on Bitwarden's servers), newest first. */
export async function fetchOrgEvents(
  a: Authorized,
  organizationId: string,
  range: RunningScope['run'],
): Promise<EventPageResult> {
  const query = { start: range.start, end: range.end, continuationToken: range.continuationToken ?? undefined };
  const list = await a.http.json(
    {
      service: 'api',
      method: 'GET',
      path: `/organizations/${encodeURIComponent(organizationId)}/events`,
      token: a.token,
      query,
      ...(a.signal ? { signal: a.signal } : {}),
    },
    listOf(eventSchema),
  );
  return { events: list.data, continuationToken: list.continuationToken };
}

export interface OrgEventsRunContext {
  accountId: string;
  runId: string;
  organizationId: string;
  /** The provider that manages the org (the batch names it). */
  providerId: string;
  state: EventScopeState | undefined;
  call<T>(fn: (authorized: Authorized) => Promise<T>): Promise<T>;
  emit: Emit;
  signal: AbortSignal;
  now?: () => number;
  eventsPerBatch?: number;
}

/** Fetches the org's new events into the cache; returns how many were fetched. */
export function runOrgEvents(ctx: OrgEventsRunContext): Promise<number> {
  return syncEventScope({
    scope: orgEventScope(ctx.organizationId),
    providerId: ctx.providerId,
    state: ctx.state,
    now: ctx.now ?? Date.now,
    ...(ctx.eventsPerBatch ? { eventsPerBatch: ctx.eventsPerBatch } : {}),
    toEvent: (wire) => {
      const event = toProviderEvent(wire);
      return { ...event, key: orgEventKey(ctx.organizationId, event.key) };
    },
    fetchPage: (run) => {
      ctx.signal.throwIfAborted();
      return ctx.call((a) => fetchOrgEvents({ ...a, signal: ctx.signal }, ctx.organizationId, run));
    },
    batch: (data) =>
      ctx.emit('sync.batch', { accountId: ctx.accountId, runId: ctx.runId, ...data } satisfies SyncBatch),
  });
}
