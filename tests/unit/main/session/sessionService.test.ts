import { describe, expect, it } from 'vitest';
import type { PushEventName } from '../../../../src-shared/contract';
import { createMemorySecretStore } from '../../../../src-main/platform/secretStoreMemory';
import { createSessionService } from '../../../../src-main/session/sessionService';
import { fingerprintPhrase } from '../../../../src-main/crypto';
import type { SecretStore } from '../../../../src-main/platform/secretStore';
import { fakeAccount, fakeServer, type FakeAccount } from './fakeServer';

const env = { kind: 'selfHosted' as const, baseUrl: 'https://vault.example.com' };

function setup(account: FakeAccount, secrets: SecretStore = createMemorySecretStore()) {
  let clock = Date.parse('2026-05-01T09:00:00Z');
  const server = fakeServer(account, () => clock);
  const pushes: { event: PushEventName; payload: any }[] = [];
  const session = createSessionService({
    secrets,
    identity: {
      appVersion: '1.0.0',
      device: { identifier: '6f1c1b55-8a9e-4f3e-9d38-3cc1c3c1f2aa', type: 8, name: 'linux' },
    },
    emit: (event, payload) => pushes.push({ event, payload }),
    transport: server.transport,
    now: () => clock,
  });
  const login = async () => {
    const result = await session.login({ server: env, email: account.email, masterPassword: account.password });
    if (result.status !== 'ready') throw new Error(`expected ready, got ${result.status}`);
    return result.accountId;
  };
  return { session, server, secrets, pushes, login, advance: (ms: number) => (clock += ms) };
}

const allZero = (buffer: Uint8Array) => buffer.every((byte) => byte === 0);

describe('lock and unlock', () => {
  it('lock zeroes every key buffer; unlock works offline with the local hash', async () => {
    const account = await fakeAccount();
    const s = setup(account);
    const id = await s.login();
    const buffers = s.session.keyRing(id).buffers();
    expect(buffers.length).toBe(2); // user key and private key
    expect(buffers.some(allZero)).toBe(false);

    const state = s.session.lock(undefined);
    expect(state.accounts[0]?.status).toBe('locked');
    expect(buffers.every(allZero)).toBe(true);
    expect(() => s.session.keyRing(id)).toThrow(/locked/);

    s.server.failWith = 'ECONNREFUSED';
    await expect(s.session.unlock(id, 'wrong password')).rejects.toMatchObject({
      code: 'unauthorized',
      message: 'Invalid master password.',
    });
    const unlocked = await s.session.unlock(id, account.password);
    expect(unlocked.accounts[0]?.status).toBe('unlocked');
    expect(s.session.keyRing(id).buffers().some(allZero)).toBe(false);
    const requestsWhileOffline = s.server.requests.filter(
      (r) => !r.url.includes('prelogin') && !r.url.includes('token'),
    );
    expect(requestsWhileOffline).toEqual([]);
  });

  it('keeps accounts across restarts: locked, unlockable, and without the password anywhere', async () => {
    const account = await fakeAccount();
    const secrets = createMemorySecretStore();
    const first = setup(account, secrets);
    const id = await first.login();
    first.session.dispose();

    const stored = secrets
      .list()
      .map((name) => secrets.get(name) ?? '')
      .join('\n');
    expect(stored).not.toContain(account.password);
    expect(stored).toContain('"localHash":"');
    expect(stored).toContain('"refreshToken":"refresh-0"');

    const second = setup(account, secrets);
    expect(second.session.state()).toMatchObject({
      activeAccountId: id,
      accounts: [expect.objectContaining({ id, status: 'locked' })],
    });
    second.server.failWith = 'ECONNREFUSED';
    expect((await second.session.unlock(id, account.password)).accounts[0]?.status).toBe('unlocked');
  });

  it('log out wipes the keys and everything stored, and tells the renderer to drop the cache', async () => {
    const account = await fakeAccount();
    const s = setup(account);
    const id = await s.login();
    const buffers = s.session.keyRing(id).buffers();
    const state = s.session.logout(id);
    expect(state).toMatchObject({ accounts: [], activeAccountId: null });
    expect(buffers.every(allZero)).toBe(true);
    expect(s.secrets.list()).toEqual([]);
    expect(s.pushes.filter((p) => p.event === 'session.loggedOut').map((p) => p.payload)).toEqual([{ accountId: id }]);
  });
});

describe('several accounts', () => {
  it('keeps accounts side by side with one active, and switches', async () => {
    const a = await fakeAccount('a@example.com');
    const b = await fakeAccount('b@example.com');
    const secrets = createMemorySecretStore();
    const sa = setup(a, secrets);
    const idA = await sa.login();
    sa.session.dispose();
    const sb = setup(b, secrets);
    const idB = await sb.login();
    expect(sb.session.state()).toMatchObject({
      activeAccountId: idB,
      accounts: [
        expect.objectContaining({ id: idA, status: 'locked' }),
        expect.objectContaining({ id: idB, status: 'unlocked' }),
      ],
    });
    expect(sb.session.switchTo(idA).activeAccountId).toBe(idA);
    expect(sb.pushes.at(-1)).toMatchObject({
      event: 'session.changed',
      payload: { reason: 'switch', activeAccountId: idA },
    });
    expect(sb.session.logout(idA).activeAccountId).toBe(idB);
  });
});

describe('lock is for everyone', () => {
  async function twoUnlocked() {
    const a = await fakeAccount('a@example.com');
    const b = await fakeAccount('b@example.com');
    const secrets = createMemorySecretStore();
    const sa = setup(a, secrets);
    const idA = await sa.login();
    sa.session.dispose();
    const sb = setup(b, secrets);
    const idB = await sb.login();
    await sb.session.unlock(idA, a.password);
    return { a, b, s: sb, idA, idB };
  }

  it('locks every signed-in account and zeroes both key rings, whoever is active', async () => {
    const { s, idA, idB } = await twoUnlocked();
    const buffersA = s.session.keyRing(idA).buffers();
    const buffersB = s.session.keyRing(idB).buffers();
    expect([...buffersA, ...buffersB].some(allZero)).toBe(false);

    const state = s.session.lock();
    expect(state.accounts.map((account) => account.status)).toEqual(['locked', 'locked']);
    expect(buffersA.every(allZero)).toBe(true);
    expect(buffersB.every(allZero)).toBe(true);
    expect(s.session.hasUnlockedAccount()).toBe(false);
    expect(s.pushes.at(-1)).toMatchObject({ event: 'session.changed', payload: { reason: 'lock' } });
  });

  it('unlocking one leaves the other locked: its keys and data calls are refused', async () => {
    const { a, s, idA, idB } = await twoUnlocked();
    s.session.lock(undefined, 'idleLock');
    await expect(s.session.unlock(idA, 'not the password')).rejects.toMatchObject({ code: 'unauthorized' });
    const state = await s.session.unlock(idA, a.password);
    expect(state.accounts.find((account) => account.id === idA)?.status).toBe('unlocked');
    expect(state.accounts.find((account) => account.id === idB)?.status).toBe('locked');
    expect(() => s.session.keyRing(idB)).toThrow(/locked/);
    await expect(s.session.fingerprint(idB)).rejects.toMatchObject({ code: 'unauthorized' });
    // Switching to the locked one makes it active, still locked.
    expect(s.session.switchTo(idB).accounts.find((account) => account.id === idB)?.status).toBe('locked');
    expect(() => s.session.keyRing(idB)).toThrow(/locked/);
  });
});

describe('own fingerprint', () => {
  it('derives the phrase from the account’s own key pair, with who and where it is', async () => {
    const account = await fakeAccount();
    const s = setup(account);
    const id = await s.login();
    const result = await s.session.fingerprint();
    expect(result).toMatchObject({
      accountId: id,
      email: account.email,
      server: { label: 'vault.example.com', url: 'https://vault.example.com' },
    });
    const record = JSON.parse(s.secrets.get(`account:${id}`) ?? '{}') as { userId: string };
    expect(result.phrase).toBe(await fingerprintPhrase(record.userId, account.publicKey));
    expect(result.phrase).toMatch(/^[a-z]+(-[a-z]+){4}$/);
  });
});

describe('sign-in steps', () => {
  it('a two-step sign-in waiting for its code expires after ten minutes, and can be cancelled', async () => {
    const account = await fakeAccount();
    const s = setup(account);
    s.server.twoFactorCode = '111111';
    const step = await s.session.login({ server: env, email: account.email, masterPassword: account.password });
    if (step.status !== 'twoFactor') throw new Error('expected a challenge');
    s.advance(11 * 60_000);
    await expect(
      s.session.submitTwoFactor({ pendingId: step.pendingId, provider: 0, code: '111111', remember: false }),
    ).rejects.toMatchObject({ code: 'not_found' });

    const again = await s.session.login({ server: env, email: account.email, masterPassword: account.password });
    if (again.status !== 'twoFactor') throw new Error('expected a challenge');
    s.session.cancelLogin(again.pendingId);
    await expect(
      s.session.submitTwoFactor({ pendingId: again.pendingId, provider: 0, code: '111111', remember: false }),
    ).rejects.toMatchObject({ code: 'not_found' });
  });

  it('refuses a server asking for more Argon2 memory than allowed, before deriving anything', async () => {
    const account = await fakeAccount();
    const s = setup(account);
    s.server.prelogin = { kdf: 1, kdfIterations: 3, kdfMemory: 65536, kdfParallelism: 4 };
    await expect(
      s.session.login({ server: env, email: account.email, masterPassword: account.password }),
    ).rejects.toMatchObject({ code: 'server', message: expect.stringContaining('Argon2 memory') });
    expect(s.server.requests.some((r) => r.url.endsWith('/connect/token'))).toBe(false);
  });
});

describe('tokens and connection state', () => {
  it('refreshes an expiring token, stores the rotated refresh token, and reports offline and back online', async () => {
    const account = await fakeAccount();
    const s = setup(account);
    const id = await s.login();
    s.advance(58 * 60_000);
    await s.session.authorized(id, async () => null);
    expect(s.server.refreshes).toBe(1);
    expect(s.secrets.get(`account:${id}`)).toContain('"refreshToken":"refresh-1"');

    s.advance(2 * 3600_000);
    s.server.failWith = 'ECONNREFUSED';
    await expect(s.session.authorized(id, async () => null)).rejects.toMatchObject({ code: 'offline' });
    expect(s.session.state().accounts[0]?.online).toBe(false);
    s.server.failWith = null;
    await s.session.authorized(id, async () => null);
    const changes = s.pushes.filter((p) => p.event === 'connection.changed').map((p) => p.payload);
    expect(changes).toMatchObject([
      { accountId: id, online: false, code: 'offline' },
      { accountId: id, online: true, message: null },
    ]);
  });
});
