// Creating an account through the desk against a real backend: the keys are made in main, the server answers the
// registration token directly (email verification off) and the new account then signs in as usual; with email
// verification on, the server mails a link and the desk says so; bad input and a taken address are refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../server/harness';
import { uniqueEmail } from '../server/users';
import { selfHosted, startDesk } from './deskHarness';

let t: TestServer;
let verifying: TestServer;
beforeAll(async () => {
  [t, verifying] = await Promise.all([
    startTestServer('sqlite'),
    startTestServer('sqlite', { emailVerification: true }),
  ]);
});
afterAll(async () => {
  await Promise.all([t?.close(), verifying?.close()]);
});

const password = 'a long master password';
const input = (server: TestServer, email: string) => ({
  server: selfHosted(server.url),
  email,
  name: 'Nina Newcomer',
  masterPassword: password,
  masterPasswordConfirmation: password,
  hint: 'the long one',
});

async function failure(promise: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await promise;
  } catch (error) {
    return error as { code: string; message: string };
  }
  throw new Error('expected a failure');
}

describe('session.register', () => {
  it('creates the account with PBKDF2 600,000, then the person signs in with it', async () => {
    const d = startDesk();
    const email = uniqueEmail('Nina');
    expect(await d.call('session.register', input(t, email))).toEqual({
      status: 'registered',
      email: email.toLowerCase(),
    });

    const user = await t.db
      .selectFrom('users')
      .selectAll()
      .where('email', '=', email.toLowerCase())
      .executeTakeFirstOrThrow();
    expect(user).toMatchObject({
      name: 'Nina Newcomer',
      kdf: 0,
      kdf_iterations: 600_000,
      master_password_hint: 'the long one',
    });

    const login = await d.call('session.login', { server: selfHosted(t.url), email, masterPassword: password });
    expect(login.status).toBe('ready');
    // Registration pushes nothing and nothing secret came back.
    expect(
      JSON.stringify(d.pushes.filter((p) => p.event !== 'session.changed' && p.event !== 'sync.requested')),
    ).not.toContain(password);
    d.dispose();
  });

  it('refuses a taken address with the server message, and bad input before any request', async () => {
    const d = startDesk();
    const email = uniqueEmail('taken');
    await d.call('session.register', input(t, email));
    const taken = await failure(d.call('session.register', input(t, email)));
    expect(taken.code).toBe('validation');
    expect(taken.message).toMatch(/already taken/i);

    const mismatch = await failure(
      d.call('session.register', { ...input(t, uniqueEmail()), masterPasswordConfirmation: 'other' }),
    );
    expect(mismatch).toMatchObject({ code: 'validation', message: expect.stringContaining('do not match') });
    const short = await failure(
      d.call('session.register', {
        ...input(t, uniqueEmail()),
        masterPassword: 'short',
        masterPasswordConfirmation: 'short',
      }),
    );
    expect(short).toMatchObject({ code: 'validation', message: expect.stringContaining('12 characters') });
    const hint = await failure(d.call('session.register', { ...input(t, uniqueEmail()), hint: password }));
    expect(hint.message).toContain('hint');
    d.dispose();
  });

  it('tells the person to follow the emailed link when the server verifies email first', async () => {
    const d = startDesk();
    const email = uniqueEmail('verify');
    expect(await d.call('session.register', input(verifying, email))).toEqual({
      status: 'checkEmail',
      email: email.toLowerCase(),
    });
    expect(verifying.outbox().some((mail) => mail.to.toLowerCase() === email.toLowerCase())).toBe(true);
    const none = await verifying.db.selectFrom('users').select('id').where('email', '=', email.toLowerCase()).execute();
    expect(none).toEqual([]);
    d.dispose();
  });
});
