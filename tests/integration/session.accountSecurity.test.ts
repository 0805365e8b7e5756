// Settings → Account against a real backend (issue 13): changing the master password re-wraps the user key in main
// and ends every session, this one included; the new password signs in and opens the same keys, the old one does
// not. "Log out everywhere" ends a session held by another client too. A wrong current password changes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeskError } from '../../src-shared/contract';
import { startTestServer, type TestServer } from '../server/harness';
import { loginUser, registerUser } from '../server/users';
import { FAST_KDF } from '../server/providers/fixtures';
import { selfHosted, startDesk, type DeskUnderTest } from './deskHarness';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer('sqlite');
});
afterAll(async () => {
  await t?.close();
});

const OLD = 'correct horse battery staple';
const NEW = 'a new and longer master password';

async function signedIn(d: DeskUnderTest, email: string, password: string) {
  const result = await d.call('session.login', { server: selfHosted(t.url), email, masterPassword: password });
  if (result.status !== 'ready') throw new Error(`expected a ready login, got ${result.status}`);
  return result.accountId;
}

/** A session of another client (the web vault, say) on the same account. */
async function otherClientToken(email: string, password: string) {
  return (await loginUser(t, email, password, FAST_KDF, { client_id: 'web', deviceType: '9' })).body
    .access_token as string;
}

async function profileStatus(token: string) {
  return (await t.http.get('/api/accounts/profile', { token })).status;
}

describe('account security from Settings → Account', () => {
  it('changes the master password: every session ends, the new password opens the same keys', async () => {
    const user = await registerUser(t, { password: OLD, kdf: FAST_KDF });
    const d = startDesk();
    const accountId = await signedIn(d, user.email, OLD);
    const phrase = (await d.call('account.fingerprint', { accountId })).phrase;
    const web = await otherClientToken(user.email, OLD);
    expect(await profileStatus(web)).toBe(200);

    const state = await d.call('account.changePassword', {
      accountId,
      currentPassword: OLD,
      newPassword: NEW,
      hint: 'the long one',
    });
    expect(state.accounts.find((a) => a.id === accountId)).toMatchObject({ needsLogin: true });
    expect(d.pushed('session.changed').at(-1)?.reason).toBe('expired');
    expect(await profileStatus(web)).toBe(401);

    await expect(
      d.call('session.login', { server: selfHosted(t.url), email: user.email, masterPassword: OLD }),
    ).rejects.toThrow(/password/i);
    const again = await signedIn(d, user.email, NEW);
    expect(again).toBe(accountId);
    // The same key pair: the user key was re-wrapped, not replaced.
    expect((await d.call('account.fingerprint', { accountId })).phrase).toBe(phrase);
    // Lock and unlock offline with the new password (the record's local hash and wrapped key were updated).
    await d.call('session.lock', null);
    await expect(d.call('session.unlock', { accountId, masterPassword: OLD })).rejects.toThrow();
    await d.call('session.unlock', { accountId, masterPassword: NEW });
    d.dispose();
  });

  it('refuses a wrong current password, a short new one and the same one, changing nothing', async () => {
    const user = await registerUser(t, { password: OLD, kdf: FAST_KDF });
    const d = startDesk();
    const accountId = await signedIn(d, user.email, OLD);
    const wrong = await d
      .call('account.changePassword', { accountId, currentPassword: 'not it', newPassword: NEW })
      .catch((error: unknown) => error);
    expect(wrong).toBeInstanceOf(DeskError);
    expect((wrong as DeskError).message).toBe('That is not the current master password of this account.');
    await expect(
      d.call('account.changePassword', { accountId, currentPassword: OLD, newPassword: 'short' }),
    ).rejects.toThrow(/at least 12 characters/);
    await expect(
      d.call('account.changePassword', { accountId, currentPassword: OLD, newPassword: OLD }),
    ).rejects.toThrow(/same as the current one/);
    expect((await d.call('session.accounts', null)).accounts[0]).toMatchObject({ needsLogin: false });
    // The old password still signs in elsewhere: nothing changed on the server.
    expect(await profileStatus(await otherClientToken(user.email, OLD))).toBe(200);
    d.dispose();
  });

  it('logs out everywhere: another client’s session and this one end; signing in again works', async () => {
    const user = await registerUser(t, { password: OLD, kdf: FAST_KDF });
    const d = startDesk();
    const accountId = await signedIn(d, user.email, OLD);
    const web = await otherClientToken(user.email, OLD);
    await expect(d.call('account.logOutEverywhere', { accountId, masterPassword: 'nope' })).rejects.toThrow(
      'That is not the current master password of this account.',
    );
    expect(await profileStatus(web)).toBe(200);

    const state = await d.call('account.logOutEverywhere', { accountId, masterPassword: OLD });
    expect(state.accounts.find((a) => a.id === accountId)).toMatchObject({ needsLogin: true });
    expect(await profileStatus(web)).toBe(401);
    expect(await signedIn(d, user.email, OLD)).toBe(accountId);
    d.dispose();
  });
});
