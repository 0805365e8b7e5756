import type { AccountSummary, ConnectionChanged, SessionChanged, SessionState } from '$shared/contract/session';
import { DeskError, invoke, on } from '../desk';

/**
 * The renderer's view of main's sessions: which accounts are signed in, which one is active, locked or not, and
 * whether its server answers. Main owns all of it and sends the whole state on every change (`session.changed`);
 * this store only mirrors it, plus what the screens need to decide (sign in, unlock, or show the app).
 */
export type SessionScreen = 'loading' | 'error' | 'signIn' | 'locked' | 'app';

export class SessionStore {
  /** Main's last word; null until `session.accounts` answered. */
  state = $state.raw<SessionState | null>(null);
  /** Why the accounts could not be read (the screen offers to try again). */
  loadError = $state.raw<DeskError | null>(null);
  /** The last `connection.changed` per account: why its server cannot be reached, and since when. */
  connections = $state.raw<Readonly<Record<string, ConnectionChanged>>>({});
  /** Signing in another account while one is already signed in. */
  addingAccount = $state(false);
  /** Why the state last changed (the lock screen says whether it locked by itself). */
  lastReason = $state<SessionChanged['reason'] | null>(null);

  readonly active: AccountSummary | null = $derived(
    this.state?.accounts.find((account) => account.id === this.state?.activeAccountId) ?? null,
  );

  readonly screen: SessionScreen = $derived.by(() => {
    if (!this.state) return this.loadError ? 'error' : 'loading';
    const active = this.active;
    if (this.addingAccount || !active || active.needsLogin) return 'signIn';
    return active.status === 'locked' ? 'locked' : 'app';
  });

  readonly online: boolean = $derived(this.active?.online ?? true);

  /**
   * Why an action that needs the server cannot run now, to show next to the disabled control; null when it can.
   * Offline, nothing is queued: the person is told and decides later (DESIGN.md, "Offline and sync").
   */
  readonly serverUnavailableReason: string | null = $derived.by(() => {
    const active = this.active;
    if (!active || active.online) return null;
    return `Offline: ${active.server.label} cannot be reached, so changes are not possible until it is back.`;
  });

  /** Subscribes to main's pushes (then `load` reads the state). Returns the function that stops listening. */
  listen(): () => void {
    const stops = [
      on('session.changed', ({ reason, ...state }) => {
        this.lastReason = reason;
        this.apply(state);
      }),
      on('connection.changed', (change) => {
        this.connections = { ...this.connections, [change.accountId]: change };
      }),
      on('session.loggedOut', ({ accountId }) => {
        const { [accountId]: _dropped, ...rest } = this.connections;
        this.connections = rest;
      }),
    ];
    return () => stops.forEach((stop) => stop());
  }

  async load(): Promise<void> {
    this.loadError = null;
    try {
      this.apply(await invoke('session.accounts'));
    } catch (error) {
      this.loadError = error instanceof DeskError ? error : new DeskError('internal', String(error));
    }
  }

  /** Every answer carries the whole state; messages arrive in order, so the latest one wins. */
  apply(state: SessionState): void {
    this.state = state;
    this.loadError = null;
  }

  account(accountId: string): AccountSummary | undefined {
    return this.state?.accounts.find((account) => account.id === accountId);
  }

  async unlock(masterPassword: string): Promise<void> {
    const active = this.active;
    if (!active) return;
    this.apply(await invoke('session.unlock', { accountId: active.id, masterPassword }));
  }

  /** Locks every signed-in account (lock is for everyone); each opens again with its own master password. */
  async lock(): Promise<void> {
    this.apply(await invoke('session.lock'));
  }

  async logout(accountId: string): Promise<void> {
    this.apply(await invoke('session.logout', { accountId }));
  }

  async switchTo(accountId: string): Promise<void> {
    this.addingAccount = false;
    this.apply(await invoke('session.switch', { accountId }));
  }

  beginAddAccount(): void {
    this.addingAccount = true;
  }

  /** Back from "Add account" to the account that was active. */
  cancelAddAccount(): void {
    this.addingAccount = false;
  }

  /** Back to "nothing known yet" (tests, and a window that starts over). */
  reset(): void {
    this.state = null;
    this.loadError = null;
    this.connections = {};
    this.addingAccount = false;
    this.lastReason = null;
  }

  /** A sign-in finished: its answer holds the new state, with the new account active. */
  signedIn(state: SessionState): void {
    this.addingAccount = false;
    this.apply(state);
  }
}

/** The app's one session store. */
export const session = new SessionStore();
