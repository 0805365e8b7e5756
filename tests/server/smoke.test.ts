// Smoke: the server starts on a fresh database, registers and logs a user in with real client crypto.
import { expect, it } from 'vitest';
import { createOrganization, describeServer, registerAndLogin } from './harness';

describeServer('smoke', (t) => {
  it('serves config, registers and logs in', async () => {
    const config = await t().http.get('/api/config');
    expect(config.status).toBe(200);
    expect(config.body.object).toBe('config');
    const user = await registerAndLogin(t());
    expect(user.accessToken.split('.')).toHaveLength(3);
    expect(user.refreshToken).toBeTruthy();
    const org = await createOrganization(t(), user);
    expect(org.body).toMatchObject({ object: 'organization', name: 'Acme', planType: 0 });
  });

  it('answers unknown routes with the error body', async () => {
    const res = await t().http.get('/api/nope');
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ object: 'error', message: 'Resource not found.' });
  });
});
