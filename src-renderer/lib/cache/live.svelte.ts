import { liveQuery } from 'dexie';

/**
 * A Dexie query as Svelte state: re-runs when the tables it read change (a sync batch lands) and when its inputs
 * change (the active account, a filter). `inputs` is read synchronously, so Svelte tracks exactly what it reads;
 * `query` gets its result and runs inside Dexie's `liveQuery`. `loading` is true until the first answer after
 * each change of inputs; `error` holds the last failure. Create it during component initialisation.
 *
 *     const clients = live(
 *       () => portal.scope,
 *       (scope) => (scope ? accountCache(scope.accountId).clients.where({ providerId: scope.providerId }).toArray() : []),
 *       [],
 *     );
 */
export class Live<T, I = unknown> {
  value = $state.raw<T>() as T;
  loading = $state(true);
  error = $state.raw<Error | null>(null);

  constructor(inputs: () => I, query: (inputs: I) => Promise<T> | T, initial: T) {
    this.value = initial;
    $effect(() => {
      const current = inputs();
      this.loading = true;
      const subscription = liveQuery(() => query(current)).subscribe({
        next: (value) => {
          this.value = value;
          this.loading = false;
          this.error = null;
        },
        error: (error: unknown) => {
          this.error = error instanceof Error ? error : new Error(String(error));
          this.loading = false;
        },
      });
      return () => subscription.unsubscribe();
    });
  }
}

export function live<T, I>(inputs: () => I, query: (inputs: I) => Promise<T> | T, initial: T): Live<T, I> {
  return new Live(inputs, query, initial);
}
