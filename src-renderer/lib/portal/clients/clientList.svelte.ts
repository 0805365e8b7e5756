import type { ClientRow } from './clientRows';

/**
 * The provider's clients as last read from the cache, kept in memory for the whole session: the frame's
 * `ClientCommands` follows the cache (for the palette, on every page), and the Clients page paints from here at once
 * instead of reading thousands of clients from IndexedDB again on each visit. Rows belong to one account and
 * provider (`scopeKey`); a page for another scope waits for its own.
 */
export class ClientList {
  rows = $state.raw<readonly ClientRow[]>([]);
  /** `accountId:providerId` the rows were read for; null before the first answer. */
  scopeKey = $state<string | null>(null);
  loading = $state(true);

  update(scopeKey: string | null, rows: readonly ClientRow[], loading: boolean): void {
    if (this.scopeKey !== scopeKey || this.rows !== rows) {
      this.scopeKey = scopeKey;
      this.rows = rows;
    }
    this.loading = loading;
  }

  /** The rows for `scope`, or none while they are someone else's. */
  rowsFor(scope: { accountId: string; providerId: string } | null): readonly ClientRow[] {
    return scope && this.scopeKey === scopeKeyOf(scope) ? this.rows : [];
  }

  isLoading(scope: { accountId: string; providerId: string } | null): boolean {
    return scope !== null && (this.loading || this.scopeKey !== scopeKeyOf(scope));
  }
}

export function scopeKeyOf(scope: { accountId: string; providerId: string } | null): string | null {
  return scope ? `${scope.accountId}:${scope.providerId}` : null;
}

export const clientList = new ClientList();
