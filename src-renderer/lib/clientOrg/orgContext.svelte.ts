import { liveQuery } from 'dexie';
import { SvelteMap } from 'svelte/reactivity';
import type { OrgOverview } from '$shared/contract/clientOrg';
import { accountCache } from '../cache/accountCache';
import { DeskError, invoke } from '../desk';
import { portal } from '../portal/providerContext.svelte';
import { session } from '../session/sessionStore.svelte';
import { clientColour, type ClientColour } from './clientColour';

/**
 * The client organization the admin console works in (provider-portal.md §12): its id from the route, its name
 * from the cached client list (so the acting-client banner paints at once, offline too), its colour, and its
 * overview from the server when online. The console frame (`routes/clients/[orgId]/+layout.svelte`) calls
 * `open(orgId)`; every console page reads it:
 *
 *     const input = $derived(orgContext.input); // { accountId, organizationId } for `org.*` channels, or null
 *     orgContext.name; orgContext.colour.css; orgContext.overview?.pages.sso
 *
 * Names and overviews are remembered in memory per org, so switching back to a client shows it instantly.
 */
export class OrgContext {
  /** The org id from the route; null outside the console. */
  orgId = $state<string | null>(null);
  /** The server's overview of the org; null until loaded (or offline with nothing remembered). */
  overview = $state.raw<OrgOverview | null>(null);
  overviewLoading = $state(false);
  /** Why the overview could not be read (the pages still work from what they know). */
  overviewError = $state.raw<DeskError | null>(null);
  /** The name in the cached client list; undefined until the cache answered. */
  #cachedName = $state<string | null | undefined>(undefined);
  #names = new SvelteMap<string, string>();
  // Read only when entering an org, never tracked: a plain Map on purpose.
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  #overviews = new Map<string, OrgOverview>();
  #stop: (() => void) | null = null;

  readonly accountId: string | null = $derived(portal.accountId);

  /** `{accountId, organizationId}` for `org.*` channels; null outside the console or without an account. */
  readonly input: { accountId: string; organizationId: string } | null = $derived(
    this.accountId && this.orgId ? { accountId: this.accountId, organizationId: this.orgId } : null,
  );

  /** The client's name: cache first, then what was remembered or the overview; null while unknown. */
  readonly name: string | null = $derived.by(() => {
    const orgId = this.orgId;
    if (!orgId) return null;
    return this.#cachedName || this.#names.get(this.#key(orgId)) || this.overview?.name || null;
  });

  /** What to write when the name is not known (yet): never an empty banner. */
  readonly displayName: string = $derived(this.name ?? 'Client organization');

  readonly colour: ClientColour = $derived(clientColour(this.orgId ?? ''));

  /** Whether the client list in the cache has answered for this org (false: the banner may still fill in). */
  readonly nameKnown: boolean = $derived(this.#cachedName !== undefined || this.name !== null);

  /** Enters (or switches) the console's org. Idempotent; the frame calls it whenever the route changes. */
  open(orgId: string): void {
    this.#start();
    if (this.orgId === orgId) return;
    this.orgId = orgId;
    this.#cachedName = undefined;
    this.overviewError = null;
    this.overview = this.#overviews.get(this.#key(orgId)) ?? null;
  }

  /** Leaves the console (the frame unmounts). Remembered names and overviews stay. */
  close(): void {
    this.orgId = null;
    this.overview = null;
    this.overviewError = null;
    this.#cachedName = undefined;
  }

  /** Reads the overview again (after a change the pages made, or when the server is back). */
  async refreshOverview(): Promise<void> {
    const input = this.input;
    if (!input) return;
    this.overviewLoading = true;
    try {
      const overview = await invoke('org.overview', input);
      this.#overviews.set(this.#key(input.organizationId, input.accountId), overview);
      if (overview.name) this.#names.set(this.#key(input.organizationId, input.accountId), overview.name);
      if (this.orgId === input.organizationId) {
        this.overview = overview;
        this.overviewError = null;
      }
    } catch (error) {
      if (this.orgId === input.organizationId) {
        this.overviewError = error instanceof DeskError ? error : new DeskError('internal', String(error));
      }
    } finally {
      if (this.orgId === input.organizationId) this.overviewLoading = false;
    }
  }

  /** Stops following the cache (tests). */
  reset(): void {
    this.#stop?.();
    this.#stop = null;
    this.close();
    this.#names.clear();
    this.#overviews.clear();
  }

  #key(orgId: string, accountId = this.accountId ?? ''): string {
    return `${accountId}:${orgId.toLowerCase()}`;
  }

  #start(): void {
    if (this.#stop) return;
    this.#stop = $effect.root(() => {
      // The name from the cached client list, re-read when a clients batch lands.
      $effect(() => {
        const accountId = this.accountId;
        const orgId = this.orgId;
        const providerId = portal.scope?.providerId ?? null;
        if (!accountId || !orgId) return;
        const subscription = liveQuery(async () => {
          const rows = await accountCache(accountId)
            .clients.where('organizationId')
            .anyOf(orgId === orgId.toLowerCase() ? [orgId] : [orgId, orgId.toLowerCase()])
            .toArray();
          const row = rows.find((client) => client.providerId === providerId) ?? rows[0];
          return row?.name ?? null;
        }).subscribe({
          next: (name) => {
            if (this.orgId !== orgId) return;
            this.#cachedName = name;
            if (name) this.#names.set(this.#key(orgId, accountId), name);
          },
          error: () => {
            // The cache was dropped (logged out); the banner keeps what it knew.
          },
        });
        return () => subscription.unsubscribe();
      });
      // The overview, whenever the org, the account or the connection changes and the server can be reached.
      $effect(() => {
        const input = this.input;
        const online = session.online;
        if (!input || !online) return;
        void this.refreshOverview();
      });
    });
  }
}

export const orgContext = new OrgContext();
