// The session and sync contract at the trust boundary: inputs are checked, and outputs can only carry display
// fields, so a service that slipped a token or an EncString into its answer would have it stripped.
import { describe, expect, it } from 'vitest';
import { channels, pushEvents } from '../../../../src-shared/contract';
import { dispatch } from '../../../../src-main/ipc/dispatch';
import type { Desk } from '../../../../src-main/desk';

const summary = {
  id: 'a1',
  email: 'pat@example.com',
  name: null,
  server: { kind: 'bitwardenUs', label: 'bitwarden.com', url: 'https://vault.bitwarden.com' },
  status: 'unlocked',
  needsLogin: false,
  online: true,
  signInMethod: 'password',
};
const state = {
  accounts: [summary],
  activeAccountId: 'a1',
  secretStorage: { persistent: true, backend: 'keychain', message: null },
};

describe('session contract', () => {
  it('strips anything secret a service might add to an answer', async () => {
    const leaky = {
      ...state,
      accounts: [{ ...summary, refreshToken: 'r', protectedUserKey: '2.a|b|c', localHash: 'h' }],
      accessToken: 'eyJ',
    };
    const desk = { handlers: { 'session.accounts': () => leaky } } as unknown as Desk;
    const envelope = await dispatch(desk, 'session.accounts', undefined);
    expect(envelope).toEqual({ ok: true, result: state });
  });

  it('push payloads drop keys too', () => {
    const client = {
      id: 'po',
      organizationId: 'o',
      name: 'Contoso',
      seats: 1,
      occupiedSeats: 1,
      remainingSeats: 0,
      userCount: 1,
      plan: 'Teams',
      creationDate: null,
      enabled: true,
      productTierType: 2,
      keyAvailable: true,
    };
    const batch = pushEvents['sync.batch'].parse({
      accountId: 'a1',
      runId: 'r',
      kind: 'clients',
      dataset: 'clients:p',
      providerId: 'p',
      syncedAt: 'now',
      clients: [{ ...client, key: '2.a|b|c' }],
    });
    expect(JSON.stringify(batch)).not.toContain('2.a|b|c');
  });

  it.each([
    ['session.login', { server: { kind: 'bitwardenUs' }, email: 'not-an-email', masterPassword: 'x' }],
    ['session.login', { server: { kind: 'selfHosted', baseUrl: 'ftp://x' }, email: 'a@b.c', masterPassword: 'x' }],
    ['session.login', { server: { kind: 'bitwardenUs' }, email: 'a@b.c', masterPassword: '' }],
    ['session.login', { server: { kind: 'bitwardenUs' }, email: 'a@b.c', masterPassword: 'x', extra: 1 }],
    [
      'session.loginWithApiKey',
      { server: { kind: 'bitwardenUs' }, clientId: 'organization.x', clientSecret: 's', masterPassword: 'x' },
    ],
    ['session.submitTwoFactor', { pendingId: 'p', provider: 9, code: '1' }],
    [
      'sync.start',
      {
        state: {
          eventScopes: { 'provider:p': { completeThrough: null, boundaryKeys: Array(1001).fill('k'), run: null } },
        },
      },
    ],
  ] as const)('%s refuses %j', (channel, input) => {
    expect(channels[channel].input.safeParse(input).success).toBe(false);
  });

  it('lock names no account: it locks every one (lock is for everyone)', () => {
    expect(channels['session.lock'].input.safeParse({ accountId: 'a1' }).success).toBe(false);
  });

  it('account.fingerprint answers display data only, never the keys it came from', async () => {
    const answer = {
      accountId: 'a1',
      phrase: 'alpha-bravo-charlie-delta-echo',
      email: 'pat@example.com',
      name: null,
      server: summary.server,
    };
    const leaky = { ...answer, publicKey: 'MIIB', privateKey: '2.a|b|c', userKey: 'k' };
    const desk = { handlers: { 'account.fingerprint': () => leaky } } as unknown as Desk;
    expect(await dispatch(desk, 'account.fingerprint', { accountId: 'a1' })).toEqual({ ok: true, result: answer });
    expect(channels['account.fingerprint'].input.safeParse({ accountId: 'a1', extra: 1 }).success).toBe(false);
  });

  it('takes the light inputs the renderer sends', () => {
    expect(channels['session.lock'].input.safeParse(undefined).success).toBe(true);
    expect(channels['session.lock'].input.safeParse(null).success).toBe(true);
    expect(channels['account.fingerprint'].input.safeParse(undefined).success).toBe(true);
    expect(channels['account.fingerprint'].input.safeParse({ accountId: 'a1' }).success).toBe(true);
    expect(channels['sync.status'].input.safeParse(undefined).success).toBe(true);
    expect(channels['sync.start'].input.parse({ state: {} })).toEqual({
      state: { datasets: {}, eventScopes: {} },
      force: false,
    });
    expect(channels['session.submitTwoFactor'].input.parse({ pendingId: 'p', provider: 0, code: ' 123 456 ' })).toEqual(
      { pendingId: 'p', provider: 0, code: '123 456', remember: false },
    );
  });
});
