import type { OrgCollection, OrgGroup, OrgMember } from '$shared/contract/clientOrg';
import { DeskError, invoke } from '../desk';

/**
 * What the console pages last loaded per client org (members, groups, collections), kept in memory for the whole
 * session: switching back to a client paints its lists at once, then refreshes. Nothing here is written to disk;
 * the provider-level cache (Dexie) does not hold client members.
 */
export interface OrgScope {
  accountId: string;
  organizationId: string;
}

export interface Remembered<T> {
  /** The last list loaded; null while nothing is known. */
  value: T | null;
  /** When `value` was loaded (ms since epoch). */
  loadedAt: number | null;
  loading: boolean;
  error: DeskError | null;
}

const nothing: Remembered<never> = { value: null, loadedAt: null, loading: false, error: null };

function keyOf(scope: OrgScope): string {
  return `${scope.accountId}:${scope.organizationId.toLowerCase()}`;
}

export class OrgResource<T> {
  #entries = $state.raw<Record<string, Remembered<T>>>({});
  // Requests under way, never shown: a plain Map on purpose.
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  #inFlight = new Map<string, Promise<T | null>>();

  constructor(readonly fetch: (scope: OrgScope) => Promise<T>) {}

  /** The remembered state for an org (reactive). */
  get(scope: OrgScope | null): Remembered<T> {
    return scope ? (this.#entries[keyOf(scope)] ?? nothing) : nothing;
  }

  /** Loads the list again; concurrent calls for one org share a request. Failures land in `error`. */
  refresh(scope: OrgScope): Promise<T | null> {
    const key = keyOf(scope);
    const running = this.#inFlight.get(key);
    if (running) return running;
    this.#patch(key, { loading: true });
    const request = this.fetch(scope)
      .then((value) => {
        this.#patch(key, { value, loadedAt: Date.now(), loading: false, error: null });
        return value;
      })
      .catch((error: unknown) => {
        const deskError = error instanceof DeskError ? error : new DeskError('internal', String(error));
        this.#patch(key, { loading: false, error: deskError });
        return null;
      })
      .finally(() => this.#inFlight.delete(key));
    this.#inFlight.set(key, request);
    return request;
  }

  /** Replaces the remembered list (after an action whose answer carries the new state). */
  set(scope: OrgScope, update: (current: T | null) => T): void {
    const key = keyOf(scope);
    this.#patch(key, { value: update(this.#entries[key]?.value ?? null) });
  }

  /** Forgets everything (tests, sign-out). */
  clear(): void {
    this.#entries = {};
    this.#inFlight.clear();
  }

  #patch(key: string, patch: Partial<Remembered<T>>): void {
    this.#entries = { ...this.#entries, [key]: { ...(this.#entries[key] ?? nothing), ...patch } };
  }
}

export const orgMembers = new OrgResource<OrgMember[]>(
  async (scope) => (await invoke('org.members.list', scope)).members,
);

export const orgGroups = new OrgResource<OrgGroup[]>(async (scope) => (await invoke('org.groups.list', scope)).groups);

/** With group and member access: the Collections page (opening it is logged as vault access, §12). */
export const orgCollections = new OrgResource<OrgCollection[]>(
  async (scope) => (await invoke('org.collections.list', { ...scope, includeAccess: true })).collections,
);

/** Names only, for pickers on the Members and Groups pages: not logged as vault access. */
export const orgCollectionNames = new OrgResource<OrgCollection[]>(
  async (scope) => (await invoke('org.collections.list', { ...scope, includeAccess: false })).collections,
);

/** The collections a picker can offer: the full list when the Collections page loaded it, else names only. */
export function collectionChoices(scope: OrgScope | null): OrgCollection[] {
  return orgCollections.get(scope).value ?? orgCollectionNames.get(scope).value ?? [];
}

export function forgetOrgData(): void {
  orgMembers.clear();
  orgGroups.clear();
  orgCollections.clear();
  orgCollectionNames.clear();
}
