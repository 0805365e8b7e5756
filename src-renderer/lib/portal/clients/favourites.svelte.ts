/**
 * Pinned and recently opened clients, per account, for the palette and the grid (provider-portal.md §14.16). Only
 * organization ids are kept, in the renderer's `localStorage`: display preferences, nothing secret. Anything
 * unreadable is ignored rather than trusted.
 */

export const maxRecent = 8;
const prefix = 'provider-desk.clients.';

export interface ClientFavouriteIds {
  pinned: string[];
  recent: string[];
}

function storage(): Storage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined;
  }
}

function ids(value: unknown, max: number): string[] {
  if (!Array.isArray(value)) return [];
  const unique = [...new Set(value.filter((v): v is string => typeof v === 'string' && v.length <= 100))];
  return unique.slice(0, max);
}

export function favouritesKey(accountId: string): string {
  return `${prefix}${accountId}`;
}

function read(accountId: string): ClientFavouriteIds {
  try {
    const raw = storage()?.getItem(favouritesKey(accountId));
    const parsed = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
    return { pinned: ids(parsed?.pinned, 500), recent: ids(parsed?.recent, maxRecent) };
  } catch {
    return { pinned: [], recent: [] };
  }
}

export class ClientFavourites {
  #byAccount = $state<Record<string, ClientFavouriteIds>>({});

  /** Pinned and recent org ids of an account, most recent first; read from storage on first use. */
  of(accountId: string): ClientFavouriteIds {
    return this.#byAccount[accountId] ?? read(accountId);
  }

  isPinned(accountId: string, organizationId: string): boolean {
    return this.of(accountId).pinned.includes(organizationId);
  }

  togglePin(accountId: string, organizationId: string): boolean {
    const { pinned, recent } = this.of(accountId);
    const next = pinned.includes(organizationId)
      ? pinned.filter((id) => id !== organizationId)
      : [...pinned, organizationId];
    this.#write(accountId, { pinned: next, recent });
    return next.includes(organizationId);
  }

  /** The client was opened: it moves to the front of the recent list. */
  touch(accountId: string, organizationId: string): void {
    const { pinned, recent } = this.of(accountId);
    if (recent[0] === organizationId) return;
    const next = [organizationId, ...recent.filter((id) => id !== organizationId)].slice(0, maxRecent);
    this.#write(accountId, { pinned, recent: next });
  }

  /** Forgets clients that are no longer linked (unlinked): they leave both lists. */
  forget(accountId: string, organizationId: string): void {
    const { pinned, recent } = this.of(accountId);
    if (!pinned.includes(organizationId) && !recent.includes(organizationId)) return;
    const keep = (id: string) => id !== organizationId;
    this.#write(accountId, { pinned: pinned.filter(keep), recent: recent.filter(keep) });
  }

  /** Forgets what was read into memory (tests; storage is the source of truth). */
  reset(): void {
    this.#byAccount = {};
  }

  #write(accountId: string, value: ClientFavouriteIds) {
    this.#byAccount = { ...this.#byAccount, [accountId]: value };
    try {
      storage()?.setItem(favouritesKey(accountId), JSON.stringify(value));
    } catch {
      // Full or refused storage: the lists last for this session only.
    }
  }
}

export const clientFavourites = new ClientFavourites();
