/** The `sync.*` channels (src-shared/contract/sync.ts). */
import type { Handler } from '../desk';
import type { SyncService } from './syncService';

export function syncHandlers(sync: SyncService): {
  'sync.start': Handler<'sync.start'>;
  'sync.status': Handler<'sync.status'>;
  'sync.connectivity': Handler<'sync.connectivity'>;
} {
  return {
    'sync.start': async (input) => {
      if (input.orgEvents) {
        const run = sync.orgEvents({
          accountId: input.accountId,
          organizationId: input.orgEvents.organizationId,
          providerId: input.orgEvents.providerId,
          state: { datasets: {}, eventScopes: input.state.eventScopes ?? {} },
        });
        return { runId: run.runId, alreadyRunning: run.alreadyRunning, fetched: await run.done };
      }
      const { runId, alreadyRunning } = sync.start({
        accountId: input.accountId,
        state: { datasets: input.state.datasets ?? {}, eventScopes: input.state.eventScopes ?? {} },
        force: input.force ?? false,
      });
      return { runId, alreadyRunning };
    },
    'sync.status': (input) => sync.status(input?.accountId ?? undefined),
    'sync.connectivity': (input) => sync.connectivity(input.online),
  };
}
