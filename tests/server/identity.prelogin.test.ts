import { expect, it } from 'vitest';
import { describeServer, registerUser } from './harness';

describeServer('identity prelogin', (t) => {
  it('returns both shapes for a registered user on both paths', async () => {
    const { email } = await registerUser(t(), { email: 'Pre.Login@Example.com' });
    for (const path of ['/identity/accounts/prelogin/password', '/identity/accounts/prelogin']) {
      const res = await t().http.post(path, { json: { email } });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        kdf: 0,
        kdfIterations: 600000,
        kdfMemory: null,
        kdfParallelism: null,
        kdfSettings: { kdfType: 0, iterations: 600000, memory: null, parallelism: null },
        salt: 'pre.login@example.com',
      });
    }
  });

  it('returns Argon2id settings when registered with them', async () => {
    const { email } = await registerUser(t(), { kdf: { kdf: 1, iterations: 3, memory: 16, parallelism: 1 } });
    const res = await t().http.post('/identity/accounts/prelogin/password', { json: { email } });
    expect(res.body.kdfSettings).toEqual({ kdfType: 1, iterations: 3, memory: 16, parallelism: 1 });
    expect(res.body.kdf).toBe(1);
  });

  it('answers a stable fake KDF for unknown emails', async () => {
    const a = await t().http.post('/identity/accounts/prelogin/password', { json: { email: 'nobody@example.com' } });
    const b = await t().http.post('/identity/accounts/prelogin/password', { json: { email: 'NOBODY@example.com' } });
    expect(a.status).toBe(200);
    expect(a.body).toEqual(b.body);
    expect(typeof a.body.kdfSettings.iterations).toBe('number');
  });

  it('rejects bad bodies with the validation error body', async () => {
    for (const json of [{}, { email: 42 }, { email: 'not-an-email' }, { email: `${'a'.repeat(250)}@example.com` }]) {
      const res = await t().http.post('/identity/accounts/prelogin/password', { json });
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ object: 'error', message: 'The model state is invalid.' });
      expect(Object.keys(res.body.validationErrors)).toContain('Email');
    }
    const empty = await t().http.post('/identity/accounts/prelogin/password', { raw: '' });
    expect(empty.status).toBe(400);
    expect(empty.body.validationErrors).toEqual({ '': ['Body is empty.'] });
  });
});
