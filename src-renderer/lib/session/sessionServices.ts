import { pruneAccountCaches } from '../cache/accountCache';
import { startSyncCoordinator, type SyncCoordinator } from '../cache/syncCoordinator';
import { invoke } from '../desk';
import { portal } from '../portal/providerContext.svelte';
import { startActivityReporter } from './activity';
import { session } from './sessionStore.svelte';
import { syncStatus } from './syncStatus.svelte';

let coordinator: SyncCoordinator | null = null;

/**
 * Starts the renderer's half of sessions and sync, once, from the root layout: mirror main's session state, store
 * sync batches, report activity for auto-lock. Then paint from cache and refresh: the active account syncs as
 * soon as it is known to be unlocked. Returns the function that stops it all.
 */
export function startSessionServices(report: (message: string) => void = (m) => console.error(m)): () => void {
  const stops = [session.listen(), syncStatus.start(), portal.start()];
  coordinator = startSyncCoordinator({ report, onStored: (batch) => syncStatus.stored(batch) });
  stops.push(
    coordinator.stop,
    startActivityReporter({
      report: () => invoke('session.activity'),
      shouldReport: () => session.state?.accounts.some((account) => account.status === 'unlocked') ?? false,
    }),
  );
  void session.load().then(() => afterLoad(report));
  return () => {
    stops.forEach((stop) => stop());
    coordinator = null;
  };
}

async function afterLoad(report: (message: string) => void) {
  const state = session.state;
  if (!state) return;
  await pruneAccountCaches((accountId) => session.account(accountId) !== undefined).catch((error: Error) =>
    report(`Could not tidy the cache: ${error.message}`),
  );
  for (const { id } of state.accounts) void syncStatus.refresh(id);
  const active = session.active;
  if (active?.status === 'unlocked' && !active.needsLogin) void coordinator?.syncNow(active.id);
}

/** "Sync now": refetch the active account's data, snapshots included. */
export async function syncActiveAccount(): Promise<string | undefined> {
  const active = session.active;
  if (!active || !coordinator) return undefined;
  return coordinator.syncNow(active.id, { force: true });
}
