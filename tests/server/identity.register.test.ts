import { expect, it } from 'vitest';
import { makeRegistration } from '../../src-main/crypto/index';
import { describeServer, registerUser, startTestServer } from './harness';
import { snapshot } from './snapshot';
import { uniqueEmail } from './users';

const KDF = { kdf: 0 as const, iterations: 600_000 };

describeServer('identity registration (token in the body)', (t) => {
  it('returns the token as text, or as a JSON string with Accept: application/json', async () => {
    const text = await t().http.post('/identity/accounts/register/send-verification-email', {
      json: { email: uniqueEmail() },
    });
    expect(text.status).toBe(200);
    expect(text.headers.get('content-type')).toContain('text/plain');
    expect(text.text.startsWith('BwRegistrationEmailVerificationToken_')).toBe(true);
    const json = await t().http.post('/identity/accounts/register/send-verification-email', {
      json: { email: uniqueEmail() },
      headers: { accept: 'application/json' },
    });
    expect(typeof json.body).toBe('string');
  });

  it('refuses a taken email, bad fromMarketing, and open org invites', async () => {
    const { email } = await registerUser(t());
    const taken = await t().http.post('/identity/accounts/register/send-verification-email', { json: { email } });
    expect(taken.status).toBe(400);
    expect(taken.body.message).toBe(`Email ${email} is already taken`);
    const marketing = await t().http.post('/identity/accounts/register/send-verification-email', {
      json: { email: uniqueEmail(), fromMarketing: 'spam' },
    });
    expect(marketing.body.message).toBe('Marketing initiative type must be one of: premium');
    const invite = await t().http.post('/identity/accounts/register/send-verification-email', {
      json: { email: uniqueEmail(), openOrgInvite: { organizationId: crypto.randomUUID() } },
    });
    expect(invite.status).toBe(404);
  });

  it('verification-email-clicked: 200 for a valid token, 400 otherwise', async () => {
    const email = uniqueEmail();
    const sent = await t().http.post('/identity/accounts/register/send-verification-email', { json: { email } });
    const ok = await t().http.post('/identity/accounts/register/verification-email-clicked', {
      json: { email, emailVerificationToken: sent.text },
    });
    expect(ok.status).toBe(200);
    const other = await t().http.post('/identity/accounts/register/verification-email-clicked', {
      json: { email: uniqueEmail(), emailVerificationToken: sent.text },
    });
    expect(other.status).toBe(400);
    expect(other.body.message).toBe(
      'Expired link. Please restart registration or try logging in. You may already have an account',
    );
    const forged = await t().http.post('/identity/accounts/register/verification-email-clicked', {
      json: { email, emailVerificationToken: `${sent.text}x` },
    });
    expect(forged.status).toBe(400);
  });

  it('finish accepts the nested V1 form and stores the salt', async () => {
    const email = uniqueEmail();
    const sent = await t().http.post('/identity/accounts/register/send-verification-email', {
      json: { email, name: 'Nested' },
    });
    const { payload } = await makeRegistration(email, 'another long password', KDF);
    const kdf = { kdfType: 0, iterations: 600000, memory: null, parallelism: null };
    const res = await t().http.post('/identity/accounts/register/finish', {
      json: {
        email,
        emailVerificationToken: sent.text,
        masterPasswordAuthentication: {
          kdf,
          masterPasswordAuthenticationHash: payload.masterPasswordHash,
          salt: email,
        },
        masterPasswordUnlock: { kdf, masterKeyWrappedUserKey: payload.userSymmetricKey, salt: email },
        accountKeys: {
          userKeyEncryptedAccountPrivateKey: payload.userAsymmetricKeys.encryptedPrivateKey,
          accountPublicKey: payload.userAsymmetricKeys.publicKey,
        },
      },
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ object: 'registerFinish' });
    const row = await t().db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirstOrThrow();
    expect(row.name).toBe('Nested');
    expect(row.master_password_salt).toBe(email);
    expect(row.master_password_hash).not.toContain(payload.masterPasswordHash);
    expect(row.email_verified).toBe(1);
  });

  it('finish refuses duplicates, bad tokens, weak KDFs and mismatched material, changing nothing', async () => {
    const email = uniqueEmail();
    const sent = await t().http.post('/identity/accounts/register/send-verification-email', { json: { email } });
    const { payload } = await makeRegistration(email, 'password for the bad cases', KDF);
    const good = { ...payload, emailVerificationToken: sent.text };
    const before = await snapshot(t().db);
    const cases: [unknown, number, string | RegExp][] = [
      [
        { ...good, emailVerificationToken: 'BwRegistrationEmailVerificationToken_x.y' },
        400,
        'Invalid email verification token.',
      ],
      [{ ...good, email: uniqueEmail() }, 400, 'Invalid email verification token.'],
      [{ ...good, emailVerificationToken: undefined }, 400, 'The model state is invalid.'],
      [{ ...good, kdfIterations: 5000 }, 400, 'The model state is invalid.'],
      [{ ...good, kdf: 1, kdfIterations: 1, kdfMemory: 1, kdfParallelism: 1 }, 400, 'The model state is invalid.'],
      [{ ...good, userSymmetricKey: 'not-an-encstring' }, 400, 'The model state is invalid.'],
      [{ ...good, userAsymmetricKeys: null }, 400, 'The model state is invalid.'],
      [{ ...good, masterPasswordHash: 'short' }, 400, 'The model state is invalid.'],
      [{ ...good, masterPasswordHint: 'h'.repeat(51) }, 400, 'The model state is invalid.'],
      [{ ...good, email: 12 }, 400, 'The model state is invalid.'],
      [{ ...good, kdf: undefined }, 400, 'The model state is invalid.'],
    ];
    for (const [json, status, message] of cases) {
      const res = await t().http.post('/identity/accounts/register/finish', { json });
      expect(res.status, JSON.stringify(json).slice(0, 80)).toBe(status);
      expect(res.body.message).toMatch(message);
    }
    expect(await snapshot(t().db)).toBe(before);
    expect((await t().http.post('/identity/accounts/register/finish', { json: good })).status).toBe(200);
    const dup = await t().http.post('/identity/accounts/register/finish', { json: good });
    expect(dup.status).toBe(400);
    expect(dup.body.validationErrors).toEqual({ '': [`Email '${email}' is already taken.`] });
  });
});

describeServer(
  'identity registration (email verification on)',
  (t) => {
    it('answers 204 and mails a link only for unregistered emails', async () => {
      const email = uniqueEmail();
      const res = await t().http.post('/identity/accounts/register/send-verification-email', { json: { email } });
      expect(res.status).toBe(204);
      const mail = t().outbox().at(-1)!;
      expect(mail.to).toBe(email);
      expect(mail.link).toContain('/redirect-connector.html#finish-signup?token=');
      const { payload } = await makeRegistration(email, 'mailed registration pw', KDF);
      const fin = await t().http.post('/identity/accounts/register/finish', {
        json: { ...payload, emailVerificationToken: mail.meta!.token },
      });
      expect(fin.status).toBe(200);
      const count = t().outbox().length;
      expect(
        (await t().http.post('/identity/accounts/register/send-verification-email', { json: { email } })).status,
      ).toBe(204);
      expect(t().outbox().length).toBe(count);
    });
  },
  { emailVerification: true },
);

it('refuses registration when disabled', async () => {
  const t = await startTestServer('sqlite', { disableUserRegistration: true });
  try {
    const res = await t.http.post('/identity/accounts/register/send-verification-email', {
      json: { email: uniqueEmail() },
    });
    expect(res.status).toBe(400);
    expect(res.body.message).toBe('Open registration has been disabled by the system administrator.');
  } finally {
    await t.close();
  }
});
