import type { OrgCollection, OrgGroup, OrgMember } from '$shared/contract/clientOrg';
import { orgSnapshotKey, readSnapshot, writeSnapshot } from '../cache/snapshots';
import { DeskError, invoke } from '../desk';

/**
 * What the console pages last loaded per client org (members, groups, collections), kept in memory for the whole
 * session: switching back to a client paints its lists at once, then refreshes. A resource with a `persistAs` name
 * (members, groups) is also saved in the account's cache as last read, so an opened client stays browsable offline
 * and after a restart. Collection names are not written to disk: the server keeps them encrypted.
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

  // Orgs whose saved copy was asked for already; never shown, so a plain Set.
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  #restored = new Set<string>();

  constructor(
    readonly fetch: (scope: OrgScope) => Promise<T>,
    readonly persistAs?: string,
  ) {}

  /** The remembered state for an org (reactive); the first ask also brings back the saved copy, if any. */
  get(scope: OrgScope | null): Remembered<T> {
    if (!scope) return nothing;
    const key = keyOf(scope);
    if (this.persistAs && !this.#restored.has(key)) {
      this.#restored.add(key);
      void this.#restore(scope, key);
    }
    return this.#entries[key] ?? nothing;
  }

  /** Loads the list again; concurrent calls for one org share a request. Failures land in `error`. */
  refresh(scope: OrgScope): Promise<T | null> {
    const key = keyOf(scope);
    const running = this.#inFlight.get(key);
    if (running) return running;
    this.#patch(key, { loading: true });
    const request = this.fetch(scope)
      .then((value) => {
        const loadedAt = Date.now();
        this.#patch(key, { value, loadedAt, loading: false, error: null });
        this.#save(scope, value, loadedAt);
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
    const value = update(this.#entries[key]?.value ?? null);
    this.#patch(key, { value });
    this.#save(scope, value, this.#entries[key]?.loadedAt ?? Date.now());
  }

  /** Forgets what is in memory (tests, sign-out); saved copies go with the account's cache. */
  clear(): void {
    this.#entries = {};
    this.#inFlight.clear();
    this.#restored.clear();
  }

  async #restore(scope: OrgScope, key: string): Promise<void> {
    const saved = await readSnapshot<T>(scope.accountId, this.#snapshotKey(scope));
    // A read that finished first wins: the saved copy only fills a gap.
    if (saved && (this.#entries[key]?.value ?? null) === null) {
      this.#patch(key, { value: saved.value, loadedAt: saved.loadedAt });
    }
  }

  #save(scope: OrgScope, value: T, loadedAt: number): void {
    if (this.persistAs) void writeSnapshot(scope.accountId, this.#snapshotKey(scope), value, loadedAt);
  }

  #snapshotKey(scope: OrgScope): string {
    return orgSnapshotKey(scope.organizationId, this.persistAs ?? '');
  }

  #patch(key: string, patch: Partial<Remembered<T>>): void {
    this.#entries = { ...this.#entries, [key]: { ...(this.#entries[key] ?? nothing), ...patch } };
  }
}

export const orgMembers = new OrgResource<OrgMember[]>(
  async (scope) => (await invoke('org.members.list', scope)).members,
  'members',
);

export const orgGroups = new OrgResource<OrgGroup[]>(
  async (scope) => (await invoke('org.groups.list', scope)).groups,
  'groups',
);

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
