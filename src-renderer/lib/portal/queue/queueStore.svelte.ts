import type { ChannelOutput } from '$shared/contract';
import { readSnapshot, writeSnapshot } from '../../cache/snapshots';
import { invoke } from '../../desk';

type Pending = ChannelOutput<'queue.pending'>;

/**
 * The last queue read per provider, kept while the app runs so coming back to the page paints at once (marked with
 * its time) while a fresh read runs. The queue is read live from the server: it spans every client org. The last
 * read is also saved in the account's cache, so the queue stays browsable offline and after a restart.
 */
export class QueueStore {
  result = $state.raw<Pending | null>(null);
  loading = $state(false);
  error = $state('');
  #key = '';
  #generation = 0;
  // Read results by provider; not shown directly, so a plain Map.
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  #kept = new Map<string, Pending>();

  /** Shows what was kept for this provider and reads it again (unless `offline`). */
  async load(scope: { accountId: string; providerId: string }, days: number, offline = false): Promise<void> {
    const key = `${scope.accountId}:${scope.providerId}:${days}`;
    const mine = ++this.#generation;
    const saved = `queue:${scope.providerId}:${days}`;
    if (key !== this.#key) {
      this.#key = key;
      // Not `this.result` read back: load runs inside the page's effect, which must not depend on the result.
      const kept = this.#kept.get(key) ?? null;
      this.result = kept;
      if (!kept) void this.#restore(scope.accountId, saved, key);
    }
    this.error = '';
    if (offline) return;
    this.loading = true;
    try {
      const result = await invoke('queue.pending', { ...scope, invitedOlderThanDays: days });
      if (mine !== this.#generation) return;
      this.#kept.set(key, result);
      this.result = result;
      void writeSnapshot(scope.accountId, saved, result, Date.parse(result.generatedAt) || Date.now());
    } catch (cause) {
      if (mine === this.#generation) this.error = cause instanceof Error ? cause.message : String(cause);
    } finally {
      if (mine === this.#generation) this.loading = false;
    }
  }

  /** The saved read, while nothing newer is on screen for the same key. */
  async #restore(accountId: string, saved: string, key: string): Promise<void> {
    const snapshot = await readSnapshot<Pending>(accountId, saved);
    if (snapshot && key === this.#key && !this.result) {
      this.#kept.set(key, snapshot.value);
      this.result = snapshot.value;
    }
  }
}
