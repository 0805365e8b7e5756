/**
 * Sessions: several accounts side by side (server + user), one active. Owns each account's HTTP client, tokens
 * and key ring; tells the renderer about changes with push events; hands sync authorized calls and keys.
 */
import {
  DeskError,
  type AccountFingerprint,
  type AccountSummary,
  type LoginResult,
  type PushEventName,
  type PushEventPayload,
  type SessionChanged,
  type SessionState,
} from '../../src-shared/contract';
import { expiryOf, readAccessClaims } from '../bitwarden/accessToken';
import type { ClientIdentity } from '../bitwarden/clientInfo';
import { localCaFor, resolveEnvironment, serverKey, type ServiceUrls } from '../bitwarden/environments';
import { BitwardenHttp, type Transport } from '../bitwarden/http';
import { clientCredentialsGrant, refreshGrant } from '../bitwarden/identityApi';
import { fingerprintPhrase } from '../crypto';
import type { SecretStore } from '../platform/secretStore';
import { accountIdFor, type AccountRecord } from './accountRecord';
import { changeMasterPassword, logOutEverywhere } from './accountSecurity';
import { AccountStore } from './accountStore';
import { loginWithApiKey } from './apiKeyLogin';
import type { KeyRing } from './keyRing';
import { PasswordLogin, type CompletedLogin } from './passwordLogin';
import { registerAccount, type RegistrationInput } from './registration';
import { TokenKeeper, type TokenSet } from './tokenKeeper';
import { unlockAccount } from './unlock';

export type Emit = <E extends PushEventName>(event: E, payload: PushEventPayload<E>) => void;
export type AccountEvent = { type: 'login' | 'unlocked' | 'locked' | 'loggedOut'; accountId: string };
type Reason = SessionChanged['reason'];

export interface SessionDeps {
  secrets: SecretStore;
  identity: ClientIdentity;
  emit: Emit;
  /** Extra trusted certificate authorities (PEM) for every server. */
  extraCa?: string[];
  transport?: Transport;
  now?: () => number;
}

interface LiveAccount {
  record: AccountRecord;
  urls: ServiceUrls;
  http: BitwardenHttp;
  tokens: TokenKeeper;
  keys: KeyRing | null;
  online: boolean;
  needsLogin: boolean;
}

export interface Authorized {
  http: BitwardenHttp;
  token: string;
}

export type SessionService = ReturnType<typeof createSessionService>;

const EXPIRED = 'Your session has expired. Sign in again.';

export function createSessionService(deps: SessionDeps) {
  const now = deps.now ?? Date.now;
  const store = new AccountStore(deps.secrets);
  const live = new Map<string, LiveAccount>();
  const listeners = new Set<(event: AccountEvent) => void>();
  let activeId: string | null = null;

  const httpFor = (urls: ServiceUrls, accountId?: string) => {
    // The local backend's generated CA, only for a host its certificate covers (whatever the server kind).
    const local = localCaFor(urls.identity);
    const extraCa = [...(deps.extraCa ?? []), ...(local ? [local] : [])];
    return new BitwardenHttp({
      urls,
      identity: deps.identity,
      extraCa,
      ...(deps.transport ? { transport: deps.transport } : {}),
      ...(accountId ? { onReachability: (ok, error) => setOnline(accountId, ok, error) } : {}),
    });
  };

  const notify = (event: AccountEvent) => {
    for (const listener of listeners) listener(event);
  };
  const changed = (reason: Reason) => deps.emit('session.changed', { ...state(), reason });

  function state(): SessionState {
    const accounts = [...live.values()].map(summary).sort((a, b) => a.email.localeCompare(b.email));
    return { accounts, activeAccountId: activeId, secretStorage: deps.secrets.status() };
  }

  function summary(account: LiveAccount): AccountSummary {
    const { record } = account;
    return {
      id: record.id,
      email: record.email,
      name: record.name,
      server: account.urls.summary,
      status: account.keys ? 'unlocked' : 'locked',
      needsLogin: account.needsLogin,
      online: account.online,
      signInMethod: record.signInMethod,
    };
  }

  function setOnline(accountId: string, online: boolean, error: DeskError | null) {
    const account = live.get(accountId);
    if (!account || account.online === online) return;
    account.online = online;
    deps.emit('connection.changed', {
      accountId,
      online,
      message: error?.message ?? null,
      code: error?.code ?? null,
      at: new Date(now()).toISOString(),
    });
    changed('connection');
  }

  function makeLive(record: AccountRecord, urls = resolveEnvironment(record.server)): LiveAccount {
    const account: LiveAccount = {
      record,
      urls,
      http: httpFor(urls, record.id),
      tokens: new TokenKeeper(() => refresh(account), now),
      keys: null,
      online: true,
      needsLogin: false,
    };
    return account;
  }

  async function refresh(account: LiveAccount): Promise<TokenSet> {
    const { record } = account;
    try {
      let accessToken: string;
      let expiresIn: number | null | undefined;
      if (record.signInMethod === 'apiKey' && record.apiKey) {
        const token = await clientCredentialsGrant(account.http, { ...record.apiKey, device: deps.identity.device });
        ({ access_token: accessToken, expires_in: expiresIn } = token);
      } else {
        if (!record.refreshToken) throw new DeskError('unauthorized', EXPIRED);
        const token = await refreshGrant(account.http, record.refreshToken);
        ({ access_token: accessToken, expires_in: expiresIn } = token);
        // Servers may rotate refresh tokens; keep the newest.
        if (token.refresh_token && token.refresh_token !== record.refreshToken) {
          record.refreshToken = token.refresh_token;
          if (live.get(record.id) === account) store.save(record);
        }
      }
      return { accessToken, expiresAt: expiryOf(accessToken, expiresIn, now()) };
    } catch (error) {
      if (error instanceof DeskError && error.code === 'unauthorized' && !account.needsLogin) {
        account.needsLogin = true;
        changed('expired');
      }
      throw error instanceof DeskError && error.code === 'unauthorized'
        ? new DeskError('unauthorized', EXPIRED)
        : error;
    }
  }

  function complete(login: CompletedLogin): LoginResult {
    const claims = readAccessClaims(login.token.access_token);
    if (!claims) throw new DeskError('server', 'The server sent an access token Provider Desk cannot read.');
    const id = accountIdFor(login.urls, claims.sub);
    const previous = live.get(id);
    if (previous?.keys) {
      previous.keys.wipe();
      notify({ type: 'locked', accountId: id });
    }
    const record: AccountRecord = {
      version: 1,
      id,
      server: login.server,
      userId: claims.sub,
      // The address the master key was derived with: unlocking derives it again from this.
      email: login.email.trim().toLowerCase(),
      name: claims.name ?? null,
      signInMethod: login.signInMethod,
      kdf: login.kdf,
      protectedUserKey: login.opened.protectedUserKey,
      encryptedPrivateKey: login.opened.encryptedPrivateKey,
      localHash: login.localHash,
      refreshToken: login.token.refresh_token ?? null,
      apiKey: login.apiKey,
      lastUsedAt: new Date(now()).toISOString(),
    };
    store.save(record);
    const account = makeLive(record, login.urls);
    account.keys = login.opened.keyRing;
    account.tokens.set({
      accessToken: login.token.access_token,
      expiresAt: expiryOf(login.token.access_token, login.token.expires_in, now()),
    });
    live.set(id, account);
    setActive(id);
    notify({ type: 'login', accountId: id });
    changed('login');
    return { status: 'ready', accountId: id, session: state() };
  }

  function setActive(id: string | null) {
    activeId = id;
    store.setActiveId(id);
    const account = id ? live.get(id) : undefined;
    if (account) {
      account.record.lastUsedAt = new Date(now()).toISOString();
      store.save(account.record);
    }
  }

  function get(accountId: string): LiveAccount {
    const account = live.get(accountId);
    if (!account) throw new DeskError('not_found', 'That account is not signed in on this computer.');
    return account;
  }

  /**
   * Lock is for everyone (DESIGN.md, "Security baseline"): every signed-in account's keys are zeroed, whoever is
   * active, and each one opens again only with its own master password. The first argument is not an account:
   * there is no way to lock one account and leave another open.
   */
  function lock(_everyAccount?: undefined, reason: Reason = 'lock'): SessionState {
    for (const account of live.values()) {
      if (!account.keys) continue;
      account.keys.wipe();
      account.keys = null;
      notify({ type: 'locked', accountId: account.record.id });
    }
    changed(reason);
    return state();
  }

  /** The unlocked account's own fingerprint phrase and who it is: display data for Settings → Account. */
  async function fingerprint(accountId = activeId ?? undefined): Promise<AccountFingerprint> {
    if (!accountId) throw new DeskError('unauthorized', 'Sign in first.');
    const account = get(accountId);
    if (!account.keys) throw new DeskError('unauthorized', 'This account is locked. Unlock it first.');
    const publicKey = account.keys.publicKey();
    return {
      accountId,
      phrase: publicKey ? await fingerprintPhrase(account.record.userId, publicKey) : null,
      email: account.record.email,
      name: account.record.name,
      server: account.urls.summary,
    };
  }

  /** The server ended every session of the account (a new password, log out everywhere): it signs in again. */
  function sessionsEnded(account: LiveAccount): SessionState {
    account.record.refreshToken = null;
    account.tokens.set(null);
    account.needsLogin = true;
    store.save(account.record);
    store.setRememberToken(serverKey(account.urls), account.record.email, null);
    changed('expired');
    return state();
  }

  async function changePassword(
    input: { accountId: string } & Parameters<typeof changeMasterPassword>[3],
  ): Promise<SessionState> {
    const account = get(input.accountId);
    const keys = account.keys;
    if (!keys) throw new DeskError('unauthorized', 'This account is locked. Unlock it first.');
    if (account.needsLogin) throw new DeskError('unauthorized', EXPIRED);
    const changedKeys = await account.tokens.withToken((token) =>
      changeMasterPassword({ http: account.http, token }, account.record, keys, input),
    );
    account.record.protectedUserKey = changedKeys.protectedUserKey;
    account.record.localHash = changedKeys.localHash;
    return sessionsEnded(account);
  }

  async function endEverySession(accountId: string, masterPassword: string): Promise<SessionState> {
    const account = get(accountId);
    if (account.needsLogin) throw new DeskError('unauthorized', EXPIRED);
    await account.tokens.withToken((token) =>
      logOutEverywhere({ http: account.http, token }, account.record, masterPassword),
    );
    return sessionsEnded(account);
  }

  function logout(accountId: string): SessionState {
    const account = get(accountId);
    account.keys?.wipe();
    account.keys = null;
    account.tokens.set(null);
    live.delete(accountId);
    store.remove(accountId);
    store.setRememberToken(serverKey(account.urls), account.record.email, null);
    if (activeId === accountId) {
      const next = [...live.values()].sort((a, b) => b.record.lastUsedAt.localeCompare(a.record.lastUsedAt))[0];
      setActive(next?.record.id ?? null);
    }
    notify({ type: 'loggedOut', accountId });
    deps.emit('session.loggedOut', { accountId });
    changed('logout');
    return state();
  }

  for (const record of store.load()) live.set(record.id, makeLive(record));
  const storedActive = store.activeId();
  activeId = storedActive && live.has(storedActive) ? storedActive : (live.keys().next().value ?? null);

  const passwordLogin = new PasswordLogin({
    httpFor: (urls) => httpFor(urls),
    device: deps.identity.device,
    store,
    complete,
    now,
  });

  return {
    state,
    activeAccountId: () => activeId,
    login: (input: Parameters<PasswordLogin['start']>[0]) => passwordLogin.start(input),
    submitTwoFactor: (input: Parameters<PasswordLogin['submitTwoFactor']>[0]) => passwordLogin.submitTwoFactor(input),
    submitNewDeviceCode: (input: Parameters<PasswordLogin['submitNewDeviceCode']>[0]) =>
      passwordLogin.submitNewDeviceCode(input),
    sendEmailCode: (pendingId: string) => passwordLogin.sendEmailCode(pendingId),
    cancelLogin: (pendingId: string) => passwordLogin.cancel(pendingId),
    loginWithApiKey: (input: Parameters<typeof loginWithApiKey>[1]) =>
      loginWithApiKey({ httpFor: (urls) => httpFor(urls), device: deps.identity.device, complete }, input),
    /** Creates an account on a server (registration.ts); signing in follows as usual. */
    register: (input: RegistrationInput) => registerAccount({ httpFor: (urls) => httpFor(urls) }, input),
    async unlock(accountId: string, masterPassword: string): Promise<SessionState> {
      const account = get(accountId);
      if (account.keys) return state();
      const { keyRing, localHash } = await unlockAccount(account.record, masterPassword);
      if (live.get(accountId) !== account || account.keys) {
        keyRing.wipe();
        return state();
      }
      if (account.record.localHash === null) {
        account.record.localHash = localHash;
        store.save(account.record);
      }
      account.keys = keyRing;
      notify({ type: 'unlocked', accountId });
      changed('unlock');
      return state();
    },
    lock,
    fingerprint,
    changePassword,
    logOutEverywhere: endEverySession,
    logout,
    switchTo(accountId: string): SessionState {
      get(accountId);
      setActive(accountId);
      changed('switch');
      return state();
    },
    hasUnlockedAccount: () => [...live.values()].some((account) => account.keys !== null),
    /** Runs `call` with a valid access token (refreshed before expiry, and once on a 401). */
    authorized<T>(accountId: string, call: (authorized: Authorized) => Promise<T>): Promise<T> {
      const account = get(accountId);
      if (account.needsLogin) throw new DeskError('unauthorized', EXPIRED);
      return account.tokens.withToken((token) => call({ http: account.http, token }));
    },
    /** The key ring of an unlocked account. */
    keyRing(accountId: string): KeyRing {
      const keys = get(accountId).keys;
      if (!keys) throw new DeskError('unauthorized', 'This account is locked. Unlock it first.');
      return keys;
    },
    onAccountEvent(listener: (event: AccountEvent) => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    dispose() {
      passwordLogin.dispose();
      for (const account of live.values()) account.keys?.wipe();
      listeners.clear();
    },
  };
}
