/**
 * Reconnecting with backoff (DESIGN.md, "Offline and sync"): while an account is offline, its server is probed
 * after 1 s, 2 s, 4 s … up to 30 s between probes; the first answer marks it online (the HTTP client reports every
 * answer) and asks for a sync. When the OS reports the network back (`sync.connectivity`), every offline account is
 * probed at once instead of waiting out its step. Timers are injectable so tests run on a fake clock.
 */

export const FIRST_PROBE_MS = 1000;
export const MAX_PROBE_MS = 30_000;
/** How often the accounts are checked for one that went offline (an in-memory read, no request). */
export const WATCH_MS = 1000;

/** The wait before probe number `attempt` (0 first): 1 s, 2 s, 4 s … capped. */
export function probeDelay(attempt: number): number {
  return Math.min(MAX_PROBE_MS, FIRST_PROBE_MS * 2 ** Math.min(attempt, 30));
}

export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  setInterval(fn: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
}

export const realTimers: Timers = {
  setTimeout: (fn, ms) => {
    const handle = setTimeout(fn, ms);
    handle.unref?.();
    return handle;
  },
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
  setInterval: (fn, ms) => {
    const handle = setInterval(fn, ms);
    handle.unref?.();
    return handle;
  },
  clearInterval: (handle) => clearInterval(handle as ReturnType<typeof setInterval>),
};

export interface ReconnectDeps {
  /** The signed-in accounts; `online: false` is one whose server did not answer the last request. */
  accounts(): { id: string; online?: boolean; needsLogin?: boolean }[];
  /** One cheap request to the account's server: true if it answered at all (which also marks it online). */
  probe(accountId: string): Promise<boolean>;
  /** The account's server answers again: sync it. */
  reconnected(accountId: string): void;
  timers?: Timers;
  watchMs?: number;
}

interface Pending {
  /** Probes that failed so far. */
  attempt: number;
  handle: unknown;
  probing: boolean;
  /** When the next probe is due (the timers' clock is not readable, so only its delay is kept). */
  delayMs: number | null;
}

export type Reconnector = ReturnType<typeof createReconnector>;

export function createReconnector(deps: ReconnectDeps) {
  const timers = deps.timers ?? realTimers;
  const pending = new Map<string, Pending>();
  let disposed = false;

  function schedule(accountId: string, entry: Pending) {
    entry.delayMs = probeDelay(entry.attempt);
    entry.handle = timers.setTimeout(() => void probeNow(accountId, entry), entry.delayMs);
  }

  function drop(accountId: string) {
    const entry = pending.get(accountId);
    if (!entry) return;
    if (entry.handle !== null) timers.clearTimeout(entry.handle);
    pending.delete(accountId);
  }

  async function probeNow(accountId: string, entry: Pending) {
    if (entry.handle !== null) timers.clearTimeout(entry.handle);
    entry.handle = null;
    entry.delayMs = null;
    entry.probing = true;
    const answered = await deps.probe(accountId).catch(() => false);
    entry.probing = false;
    if (disposed || pending.get(accountId) !== entry) return;
    if (answered) {
      pending.delete(accountId);
      deps.reconnected(accountId);
      return;
    }
    entry.attempt++;
    schedule(accountId, entry);
  }

  /** Starts backoff for accounts that went offline; ends it for accounts back online some other way. */
  function check() {
    if (disposed) return;
    const accounts = deps.accounts();
    const present = new Set(accounts.map((a) => a.id));
    const offline = new Set(accounts.filter((a) => a.online === false && !a.needsLogin).map((a) => a.id));
    for (const [accountId, entry] of pending) {
      if (!present.has(accountId)) {
        drop(accountId); // signed out
        continue;
      }
      if (offline.has(accountId) || entry.probing) continue;
      // Online again without our probe (a "Sync now", a portal call): it still missed syncs meanwhile.
      drop(accountId);
      deps.reconnected(accountId);
    }
    for (const accountId of offline) {
      if (pending.has(accountId)) continue;
      const entry: Pending = { attempt: 0, handle: null, probing: false, delayMs: null };
      pending.set(accountId, entry);
      schedule(accountId, entry);
    }
  }

  /** The OS reports the network back (or gone): probe every offline account now. Returns how many. */
  function networkChanged(online: boolean): number {
    if (disposed || !online) return 0;
    check();
    let probing = 0;
    for (const [accountId, entry] of pending) {
      probing++;
      if (entry.probing) continue;
      entry.attempt = 0;
      void probeNow(accountId, entry);
    }
    return probing;
  }

  const watch = timers.setInterval(check, deps.watchMs ?? WATCH_MS);

  return {
    check,
    networkChanged,
    /** For tests and status: the account's backoff, if it is offline. */
    pending(accountId: string): { attempt: number; nextDelayMs: number | null; probing: boolean } | null {
      const entry = pending.get(accountId);
      return entry ? { attempt: entry.attempt, nextDelayMs: entry.delayMs, probing: entry.probing } : null;
    },
    /** The account was signed out: stop probing for it. */
    forget: drop,
    dispose() {
      disposed = true;
      timers.clearInterval(watch);
      for (const accountId of [...pending.keys()]) drop(accountId);
    },
  };
}
