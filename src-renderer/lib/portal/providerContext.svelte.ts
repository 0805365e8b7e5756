import { liveQuery } from 'dexie';
import type { ProviderSummary } from '$shared/contract/sync';
import { accountCache } from '../cache/accountCache';
import { session } from '../session/sessionStore.svelte';

/**
 * Which provider the portal pages work on, and as whom: the active account's providers come from the cached
 * profile (the sync's first batch). The first confirmed provider is chosen unless the person picked another
 * (remembered per account). Role gating (reference: provider-portal.md) reads `isAdmin`.
 */
export class ProviderContext {
  /** The active account's providers, from the cache; null until read. */
  providers = $state.raw<readonly ProviderSummary[] | null>(null);
  #chosen = $state<Record<string, string>>({});

  readonly accountId: string | null = $derived(session.active?.id ?? null);

  readonly provider: ProviderSummary | null = $derived.by(() => {
    const list = this.providers ?? [];
    const accountId = this.accountId;
    const chosen = accountId ? this.#chosen[accountId] : undefined;
    return list.find((p) => p.id === chosen) ?? list.find((p) => p.userStatus === 2) ?? list[0] ?? null;
  });

  /** `{accountId, providerId}` of the pages' queries and calls, or null (no provider, or not loaded). */
  readonly scope: { accountId: string; providerId: string } | null = $derived(
    this.accountId && this.provider ? { accountId: this.accountId, providerId: this.provider.id } : null,
  );

  /** ProviderAdmin (0), confirmed. Service users (1) see Clients, and manage inside clients only. */
  readonly isAdmin: boolean = $derived(this.provider?.userType === 0 && this.provider.userStatus === 2);
  /** Confirmed in the provider: until then the portal shows the "waiting for confirmation" explanation. */
  readonly isConfirmed: boolean = $derived(this.provider?.userStatus === 2);

  /** Invitations this account accepted (profiles list only confirmed providers), remembered per account. */
  #accepted = $state<Record<string, { providerId: string; providerName: string | null }>>({});

  /**
   * Accepted but not confirmed (status 1): every page shows the same "waiting for confirmation" state. From the
   * profile when it lists the membership, otherwise from the invitation this account accepted here, until a
   * confirmed provider arrives.
   */
  readonly waiting: { providerId: string; providerName: string | null } | null = $derived.by(() => {
    const provider = this.provider;
    if (provider) return provider.userStatus === 2 ? null : { providerId: provider.id, providerName: provider.name };
    if (!this.accountId || this.providers === null) return null;
    return this.#accepted[this.accountId] ?? readAccepted(this.accountId);
  });

  /** The account accepted an invitation to a provider: it waits for a provider admin to confirm it. */
  noteAccepted(accountId: string, providerId: string, providerName: string | null): void {
    const value = { providerId, providerName };
    this.#accepted = { ...this.#accepted, [accountId]: value };
    try {
      globalThis.localStorage?.setItem(acceptedKey(accountId), JSON.stringify(value));
    } catch {
      // Storage refused: remembered for this session only.
    }
  }

  choose(providerId: string): void {
    if (this.accountId) this.#chosen = { ...this.#chosen, [this.accountId]: providerId };
  }

  /**
   * Follows the active account's cached profile (re-read whenever a profile batch lands). Called once by the
   * session services; returns the function that stops following.
   */
  start(): () => void {
    return $effect.root(() => {
      $effect(() => {
        const accountId = this.accountId;
        this.providers = null;
        if (!accountId) return;
        const subscription = liveQuery(() => accountCache(accountId).profile.get('profile')).subscribe({
          next: (profile) => {
            if (this.accountId === accountId) this.providers = profile?.data.providers ?? [];
          },
          error: () => {
            // The cache was dropped (logged out): the next active account starts over.
          },
        });
        return () => subscription.unsubscribe();
      });
    });
  }
}

const acceptedKey = (accountId: string) => `provider-desk.accepted.${accountId}`;

/** Display data only (a provider's id and name); anything unreadable is ignored. */
function readAccepted(accountId: string): { providerId: string; providerName: string | null } | null {
  try {
    const raw = globalThis.localStorage?.getItem(acceptedKey(accountId));
    const value = raw ? (JSON.parse(raw) as { providerId?: unknown; providerName?: unknown }) : null;
    if (!value || typeof value.providerId !== 'string') return null;
    return {
      providerId: value.providerId,
      providerName: typeof value.providerName === 'string' ? value.providerName : null,
    };
  } catch {
    return null;
  }
}

export const portal = new ProviderContext();
