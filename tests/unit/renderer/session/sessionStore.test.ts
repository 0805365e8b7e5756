import { describe, expect, it } from 'vitest';
import { SessionStore } from '$lib/session/sessionStore.svelte';
import { deferred, installFakeDesk } from '../fakes/desk';
import { account, ben, sessionState } from './sessionFixtures';

describe('session store', () => {
  it('is loading until session.accounts answers, then asks for a sign-in when nobody is signed in', async () => {
    const answer = deferred<ReturnType<typeof sessionState>>();
    installFakeDesk({ 'session.accounts': () => answer.promise });
    const store = new SessionStore();
    const loading = store.load();
    expect(store.screen).toBe('loading');
    answer.resolve(sessionState([]));
    await loading;
    expect(store.screen).toBe('signIn');
    expect(store.active).toBeNull();
  });

  it('picks the screen from the active account: app, locked, or sign in again', () => {
    installFakeDesk({});
    const store = new SessionStore();
    store.apply(sessionState([account(), ben({ status: 'locked' })]));
    expect(store.screen).toBe('app');
    store.apply(sessionState([account(), ben({ status: 'locked' })], 'acct-ben'));
    expect(store.screen).toBe('locked');
    store.apply(sessionState([account({ needsLogin: true })]));
    expect(store.screen).toBe('signIn');
    store.apply(sessionState([account()]));
    store.beginAddAccount();
    expect(store.screen).toBe('signIn');
    store.cancelAddAccount();
    expect(store.screen).toBe('app');
  });

  it('reports a failure to read the accounts, and recovers on a second try', async () => {
    let fail = true;
    installFakeDesk({
      'session.accounts': () => {
        if (fail) throw new Error('[offline] Lost the connection to Provider Desk.');
        return sessionState([account()]);
      },
    });
    const store = new SessionStore();
    await store.load();
    expect(store.screen).toBe('error');
    expect(store.loadError).toMatchObject({ code: 'offline', message: 'Lost the connection to Provider Desk.' });
    fail = false;
    await store.load();
    expect(store.screen).toBe('app');
  });

  it("follows main's pushes: session.changed, connection.changed, session.loggedOut", async () => {
    const fake = installFakeDesk({ 'session.accounts': () => sessionState([account()]) });
    const store = new SessionStore();
    const stop = store.listen();
    await store.load();
    fake.emit('session.changed', { ...sessionState([account({ status: 'locked' })]), reason: 'idleLock' });
    expect(store.screen).toBe('locked');
    expect(store.lastReason).toBe('idleLock');

    expect(store.serverUnavailableReason).toBeNull();
    fake.emit('connection.changed', {
      accountId: 'acct-ava',
      online: false,
      message: 'Cannot reach vault.example.com.',
      code: 'offline',
      at: '2026-11-26T10:00:00.000Z',
    });
    fake.emit('session.changed', { ...sessionState([account({ online: false })]), reason: 'connection' });
    expect(store.online).toBe(false);
    expect(store.connections['acct-ava']?.message).toBe('Cannot reach vault.example.com.');
    expect(store.serverUnavailableReason).toMatch(/^Offline: vault\.example\.com cannot be reached/);

    fake.emit('session.loggedOut', { accountId: 'acct-ava' });
    expect(store.connections['acct-ava']).toBeUndefined();
    stop();
    expect(fake.listenerCount('session.changed')).toBe(0);
  });

  it('locks, unlocks, switches and logs out through main, adopting the state it answers', async () => {
    let current = sessionState([account(), ben()]);
    const fake = installFakeDesk({
      'session.lock': () => (current = sessionState([account({ status: 'locked' }), ben()])),
      'session.unlock': () => (current = sessionState([account(), ben()])),
      'session.switch': ({ accountId }) => (current = { ...current, activeAccountId: accountId }),
      'session.logout': () => (current = sessionState([ben()])),
    });
    const store = new SessionStore();
    store.apply(current);
    await store.lock();
    expect(store.screen).toBe('locked');
    await store.unlock('correct horse');
    expect(store.screen).toBe('app');
    store.beginAddAccount();
    await store.switchTo('acct-ben');
    expect(store.addingAccount).toBe(false);
    expect(store.active?.email).toBe('ben@example.com');
    await store.logout('acct-ava');
    expect(store.state?.accounts.map((a) => a.id)).toEqual(['acct-ben']);
    expect(fake.calls.map((c) => [c.channel, c.input])).toEqual([
      ['session.lock', undefined],
      ['session.unlock', { accountId: 'acct-ava', masterPassword: 'correct horse' }],
      ['session.switch', { accountId: 'acct-ben' }],
      ['session.logout', { accountId: 'acct-ava' }],
    ]);
  });
});
