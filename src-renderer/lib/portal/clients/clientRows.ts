import type { CachedClient } from '../../cache/accountCache';
import type { BadgeTone } from '../../components/StatusBadge.svelte';
import { fold } from '../../palette/match';

/**
 * How the Clients grid reads a cached client (provider-portal.md §5): its name, plan without " (Monthly)", seat
 * numbers, a status, and the case- and accent-insensitive name filter that runs on every keystroke.
 */

export type ClientRow = CachedClient;

/** The name to show; a client the server sent without one still gets a readable line. */
export function clientName(client: Pick<ClientRow, 'name'>): string {
  return client.name?.trim() || 'Unnamed client';
}

/** The billing plan as the portal shows it: "Teams (Monthly)" reads "Teams". */
export function planLabel(plan: string | null): string {
  return (plan ?? '').replace(' (Monthly)', '').trim();
}

export interface ClientStatus {
  label: string;
  tone: BadgeTone;
  /** Why, for a tooltip and screen readers. */
  description: string;
}

export function clientStatus(client: ClientRow): ClientStatus {
  if (client.enabled === false) {
    return { label: 'Disabled', tone: 'neutral', description: 'The organization is disabled.' };
  }
  if (!client.keyAvailable) {
    return {
      label: 'No key access',
      tone: 'warning',
      description: "This account cannot read the client's key, so actions inside it will fail.",
    };
  }
  const used = client.occupiedSeats ?? 0;
  if (client.seats !== null && used > client.seats) {
    return { label: 'Over seats', tone: 'danger', description: `${used} seats used of ${client.seats} assigned.` };
  }
  return { label: 'Active', tone: 'success', description: 'Enabled, and its key is available.' };
}

/** Remaining seats: the server's number, or assigned minus used when it did not send one. */
export function remainingSeats(client: ClientRow): number | null {
  if (client.remainingSeats !== null) return client.remainingSeats;
  if (client.seats === null) return null;
  return client.seats - (client.occupiedSeats ?? 0);
}

/**
 * Filters clients by a substring of their name, ignoring case and accents. The folded names (search keys) are kept
 * per row object and, for the list last filtered, in an array beside it, so a keystroke over thousands of clients
 * costs one `includes` each; rows keep their order.
 */
export class ClientFilter {
  #folded = new WeakMap<ClientRow, string>();
  #list: readonly ClientRow[] | null = null;
  #keys: string[] = [];

  filter(rows: readonly ClientRow[], query: string): readonly ClientRow[] {
    const q = fold(query.trim());
    if (q === '') return rows;
    const keys = this.searchKeys(rows);
    const shown: ClientRow[] = [];
    for (let i = 0; i < rows.length; i++) if (keys[i]!.includes(q)) shown.push(rows[i]!);
    return shown;
  }

  /** Each row's folded name, in the rows' order; computed again only for a new list (and only for new rows). */
  searchKeys(rows: readonly ClientRow[]): readonly string[] {
    if (this.#list !== rows) {
      this.#keys = rows.map((row) => this.#name(row));
      this.#list = rows;
    }
    return this.#keys;
  }

  #name(row: ClientRow): string {
    let name = this.#folded.get(row);
    if (name === undefined) {
      name = fold(row.name ?? '');
      this.#folded.set(row, name);
    }
    return name;
  }
}

/** "40 clients", or "3 of 40 clients" while a filter narrows them. */
export function countText(shown: number, total: number, noun = 'client'): string {
  const plural = (n: number) => `${n.toLocaleString()} ${noun}${n === 1 ? '' : 's'}`;
  return shown === total ? plural(total) : `${shown.toLocaleString()} of ${plural(total)}`;
}
