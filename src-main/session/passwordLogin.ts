/**
 * Master-password sign-in (crypto.md §8.1; bitwarden-api.md §3.3, §3.7; bitwarden-accounts.md §4–5): prelogin →
 * KDF → hashes → token, with the two-step and new-device steps in between. While the user types a code, the
 * master key waits here in memory (never the password) and is wiped when the sign-in ends, fails for good,
 * is cancelled or expires.
 */
import { randomUUID } from 'node:crypto';
import { DeskError, type LoginResult, type ServerEnvironment } from '../../src-shared/contract';
import type { DeviceInfo } from '../bitwarden/clientInfo';
import { resolveEnvironment, serverKey, type ServiceUrls } from '../bitwarden/environments';
import type { BitwardenHttp } from '../bitwarden/http';
import {
  passwordGrant,
  prelogin,
  resendNewDeviceOtp,
  sendEmailLogin,
  type PasswordGrant,
  type TokenOutcome,
  type TwoFactorChallenge,
} from '../bitwarden/identityApi';
import type { TokenSuccess } from '../bitwarden/identitySchemas';
import { deriveMasterKey, hashMasterPassword, wipe, type KdfConfig } from '../crypto';
import type { AccountStore } from './accountStore';
import { assertServerKdf } from './kdfLimits';
import { openKeys, wrappedKeysOf, type OpenedKeys } from './tokenKeys';
import { twoFactorOptions, TwoFactorType } from './twoFactorOptions';

/** Everything a finished sign-in hands to the session service. */
export interface CompletedLogin {
  server: ServerEnvironment;
  urls: ServiceUrls;
  token: TokenSuccess;
  email: string;
  kdf: KdfConfig;
  opened: OpenedKeys;
  localHash: string;
  signInMethod: 'password' | 'apiKey';
  apiKey: { clientId: string; clientSecret: string } | null;
}

export interface LoginDeps {
  httpFor(urls: ServiceUrls): BitwardenHttp;
  device: DeviceInfo;
  store: AccountStore;
  complete(login: CompletedLogin): LoginResult;
  now?: () => number;
}

interface Pending {
  id: string;
  kind: 'twoFactor' | 'newDevice';
  server: ServerEnvironment;
  urls: ServiceUrls;
  http: BitwardenHttp;
  email: string;
  kdf: KdfConfig;
  masterKey: Uint8Array;
  serverHash: string;
  localHash: string;
  challenge: TwoFactorChallenge | null;
  expiresAt: number;
}

/** How long a sign-in may wait for its code. */
export const PENDING_LOGIN_MS = 10 * 60_000;

export class PasswordLogin {
  private readonly pending = new Map<string, Pending>();
  private readonly now: () => number;

  constructor(private readonly deps: LoginDeps) {
    this.now = deps.now ?? Date.now;
  }

  async start(input: { server: ServerEnvironment; email: string; masterPassword: string }): Promise<LoginResult> {
    this.sweep();
    const urls = resolveEnvironment(input.server);
    const http = this.deps.httpFor(urls);
    const email = input.email.trim();
    const kdf = await prelogin(http, email);
    assertServerKdf(kdf);
    const masterKey = await deriveMasterKey(input.masterPassword, email, kdf);
    const attempt: Pending = {
      id: randomUUID(),
      kind: 'twoFactor',
      server: input.server,
      urls,
      http,
      email,
      kdf,
      masterKey,
      serverHash: await hashMasterPassword(masterKey, input.masterPassword, 1),
      localHash: await hashMasterPassword(masterKey, input.masterPassword, 2),
      challenge: null,
      expiresAt: this.now() + PENDING_LOGIN_MS,
    };
    const remembered = this.deps.store.rememberToken(serverKey(urls), email);
    const extra: Partial<PasswordGrant> = remembered
      ? { twoFactor: { provider: TwoFactorType.Remember, token: remembered, remember: false } }
      : {};
    return this.run(attempt, extra, !!remembered);
  }

  async submitTwoFactor(input: { pendingId: string; provider: number; code: string; remember: boolean }) {
    const attempt = this.get(input.pendingId, 'twoFactor');
    const token = input.code.replace(/\s+/g, '');
    return this.run(attempt, { twoFactor: { provider: input.provider, token, remember: input.remember } });
  }

  async submitNewDeviceCode(input: { pendingId: string; code: string }) {
    const attempt = this.get(input.pendingId, 'newDevice');
    return this.run(attempt, { newDeviceOtp: input.code.replace(/\s+/g, '') });
  }

  /** Two-step email: asks the server to mail a code. New-device step: asks for a new code. */
  async sendEmailCode(pendingId: string): Promise<{ sentTo: string | null }> {
    const attempt = this.get(pendingId);
    const proof = { email: attempt.email, masterPasswordHash: attempt.serverHash };
    if (attempt.kind === 'newDevice') {
      await resendNewDeviceOtp(attempt.http, proof);
      return { sentTo: attempt.email };
    }
    if (!attempt.challenge?.providers.has(TwoFactorType.Email)) {
      throw new DeskError('validation', 'Email is not a two-step login method of this account.');
    }
    await sendEmailLogin(attempt.http, {
      ...proof,
      ssoEmail2FaSessionToken: attempt.challenge.ssoEmail2faSessionToken,
    });
    const option = twoFactorOptions(attempt.challenge).find((o) => o.type === TwoFactorType.Email);
    return { sentTo: option?.email ?? null };
  }

  cancel(pendingId: string): void {
    this.drop(pendingId);
  }

  dispose(): void {
    for (const id of [...this.pending.keys()]) this.drop(id);
  }

  private async run(attempt: Pending, extra: Partial<PasswordGrant>, usedRememberToken = false): Promise<LoginResult> {
    let outcome: TokenOutcome;
    try {
      outcome = await passwordGrant(attempt.http, {
        email: attempt.email,
        masterPasswordHash: attempt.serverHash,
        device: this.deps.device,
        ...extra,
      });
    } catch (error) {
      // A wrong code keeps the sign-in open for another try; anything else ends it.
      const retryable = this.pending.has(attempt.id) && error instanceof DeskError && error.code === 'validation';
      if (!retryable) this.drop(attempt.id, attempt);
      throw error;
    }
    if (outcome.kind === 'twoFactor') {
      if (usedRememberToken) this.deps.store.setRememberToken(serverKey(attempt.urls), attempt.email, null);
      attempt.kind = 'twoFactor';
      attempt.challenge = outcome.challenge;
      this.pending.set(attempt.id, attempt);
      return { status: 'twoFactor', pendingId: attempt.id, options: twoFactorOptions(outcome.challenge) };
    }
    if (outcome.kind === 'newDevice') {
      attempt.kind = 'newDevice';
      this.pending.set(attempt.id, attempt);
      return { status: 'newDeviceVerification', pendingId: attempt.id, email: attempt.email };
    }
    try {
      return this.finish(attempt, outcome.token, extra.twoFactor?.remember === true);
    } finally {
      this.drop(attempt.id, attempt);
    }
  }

  private finish(attempt: Pending, token: TokenSuccess, askedToRemember: boolean): LoginResult {
    const wrapped = wrappedKeysOf(token);
    const opened = openKeys(attempt.masterKey, wrapped.protectedUserKey, wrapped.encryptedPrivateKey);
    if (askedToRemember && token.twoFactorToken) {
      this.deps.store.setRememberToken(serverKey(attempt.urls), attempt.email, token.twoFactorToken);
    }
    try {
      return this.deps.complete({
        server: attempt.server,
        urls: attempt.urls,
        token,
        email: attempt.email,
        kdf: attempt.kdf,
        opened,
        localHash: attempt.localHash,
        signInMethod: 'password',
        apiKey: null,
      });
    } catch (error) {
      opened.keyRing.wipe();
      throw error;
    }
  }

  private get(pendingId: string, kind?: Pending['kind']): Pending {
    this.sweep();
    const attempt = this.pending.get(pendingId);
    if (!attempt || (kind && attempt.kind !== kind)) {
      throw new DeskError('not_found', 'This sign-in has expired or was cancelled. Start again.');
    }
    return attempt;
  }

  private drop(pendingId: string, attempt = this.pending.get(pendingId)): void {
    if (attempt) wipe(attempt.masterKey);
    this.pending.delete(pendingId);
  }

  private sweep(): void {
    const now = this.now();
    for (const [id, attempt] of this.pending) if (attempt.expiresAt <= now) this.drop(id, attempt);
  }
}
