import { expect, it } from 'vitest';
import { describeServer, registerAndLogin } from './harness';
import { passwordForm } from './users';

describeServer(
  'new-device verification (enabled in the configuration)',
  (t) => {
    it('asks for an emailed code on an unknown device of an older account, then accepts it', async () => {
      const u = await registerAndLogin(t());
      const old = new Date(Date.now() - 48 * 3600 * 1000).toISOString();
      await t().db.updateTable('users').set({ creation_date: old }).where('id', '=', u.id).execute();
      expect(
        (await t().http.token(passwordForm(u.email, u.passwordHash, { deviceIdentifier: u.deviceIdentifier }))).status,
      ).toBe(200);
      const form = passwordForm(u.email, u.passwordHash);
      const challenge = await t().http.token(form);
      expect(challenge.body).toEqual({
        error: 'device_error',
        error_description: 'New device verification required',
        ErrorModel: { Message: 'new device verification required', Object: 'error' },
      });
      const code = t().outbox().at(-1)!.meta!.code!;
      const wrong = await t().http.token({ ...form, newDeviceOtp: '000000' === code ? '111111' : '000000' });
      expect(wrong.body.ErrorModel.Message).toBe('invalid new device otp');
      expect(
        (
          await t().http.post('/api/accounts/resend-new-device-otp', {
            json: { email: u.email, masterPasswordHash: u.passwordHash },
          })
        ).status,
      ).toBe(200);
      const resent = t().outbox().at(-1)!.meta!.code!;
      const ok = await t().http.token({ ...form, newDeviceOtp: resent });
      expect(ok.status).toBe(200);
      expect((await t().http.token(form)).status).toBe(200);
      expect(
        (
          await t().http.post('/api/accounts/resend-new-device-otp', {
            json: { email: 'ghost@example.com', masterPasswordHash: 'x' },
          })
        ).status,
      ).toBe(200);
    });
  },
  { newDeviceVerification: true },
);

describeServer('events collect', (t) => {
  it('stores client event types only, for orgs the caller belongs to', async () => {
    const u = await registerAndLogin(t());
    const date = new Date().toISOString();
    const res = await t().http.post('/events/collect', {
      token: u.accessToken,
      json: [
        { type: 1107, date },
        { type: 1000, date },
        { type: 1111, date, organizationId: crypto.randomUUID() },
      ],
    });
    expect(res.status).toBe(200);
    const rows = await t()
      .db.selectFrom('events')
      .select('type')
      .where('user_id', '=', u.id)
      .where('type', '>=', 1100)
      .execute();
    expect(rows.map((r) => r.type)).toEqual([1107]);
    expect((await t().http.post('/events/collect', { token: u.accessToken, json: [{ type: 'x' }] })).status).toBe(400);
    expect((await t().http.post('/events/collect', { json: [] })).status).toBe(401);
  });
});
