// Provider members (issue 5): invite ≤ 20, reinvite, accept (registering first), public keys, confirm, change type,
// remove, the last-admin guard, 5-day expiry, events 1800–1803.
import { expect, it } from 'vitest';
import { makeProviderMemberConfirm, makeRegistration, unwrapProviderKey } from '../../src-main/crypto/index';
import { signProviderInviteToken } from '../../src-server/domain/providers/invites';
import { signToken, TokenPurpose } from '../../src-server/domain/signedTokens';
import { describeServer } from './harness';
import { addMember, createProvider, FAST_KDF, inviteMail, newUser, tableCounts } from './providers/fixtures';
import { loginUser } from './users';

describeServer('providers: members', (t) => {
  it('invites up to 20 addresses, skips those already invited or members, and logs 1800 each', async () => {
    const p = await createProvider(t());
    const emails = Array.from({ length: 3 }, (_, i) => `Invitee${i}.${Date.now()}@Example.com`);
    const res = await t().http.post(`/api/providers/${p.id}/users/invite`, {
      token: p.admin.accessToken,
      json: { emails: [...emails, emails[0], p.admin.email], type: 1 },
    });
    expect(res.status).toBe(200);
    expect(res.text).toBe('');
    const again = await t().http.post(`/api/providers/${p.id}/users/invite`, {
      token: p.admin.accessToken,
      json: { emails: [emails[1]], type: 0 },
    });
    expect(again.status).toBe(200);
    const list = await t().http.get(`/api/providers/${p.id}/users`, { token: p.admin.accessToken });
    expect(list.body.data).toHaveLength(4);
    const invited = list.body.data.filter((u: { status: number }) => u.status === 0);
    expect(invited.map((u: { email: string }) => u.email).sort()).toEqual(emails.map((e) => e.toLowerCase()).sort());
    expect(invited[0]).toMatchObject({ object: 'providerUserUserDetails', userId: null, type: 1, name: null });
    const events = await t()
      .db.selectFrom('events')
      .selectAll()
      .where('provider_id', '=', p.id)
      .where('type', '=', 1800)
      .execute();
    expect(events).toHaveLength(3);
    expect(events[0]).toMatchObject({ acting_user_id: p.admin.id });
    const mail = inviteMail(t(), emails[0]!);
    expect(
      t()
        .outbox()
        .find((m) => m.meta?.token === mail.token)!.link,
    ).toContain(`/providers/accept-provider?providerId=${p.id}&providerUserId=${mail.providerUserId}&email=`);

    const tooMany = await t().http.post(`/api/providers/${p.id}/users/invite`, {
      token: p.admin.accessToken,
      json: { emails: Array.from({ length: 21 }, (_, i) => `x${i}@example.com`), type: 1 },
    });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.validationErrors.Emails).toEqual(['You can only submit up to 20 emails at a time.']);
  });

  it('accept checks status, token and email; an invitee without an account registers first', async () => {
    const p = await createProvider(t());
    const email = `newcomer.${Date.now()}@example.com`;
    await t().http.post(`/api/providers/${p.id}/users/invite`, {
      token: p.admin.accessToken,
      json: { emails: [email], type: 1 },
    });
    const { token, providerUserId } = inviteMail(t(), email);

    // register/finish with the provider invitation (bitwarden-accounts.md §1.3 row 6).
    const { payload } = await makeRegistration(email, 'a long master password', FAST_KDF);
    const badReg = await t().http.post('/identity/accounts/register/finish', {
      json: { ...payload, providerInviteToken: `${token}x`, providerUserId },
    });
    expect(badReg.body.message).toBe('Invalid provider invite token.');
    const reg = await t().http.post('/identity/accounts/register/finish', {
      json: { ...payload, providerInviteToken: token, providerUserId },
    });
    expect(reg.status).toBe(200);
    const login = await loginUser(t(), email, 'a long master password', FAST_KDF);
    const accessToken = login.body.access_token as string;

    const stranger = await newUser(t(), 'Stranger');
    const wrongUser = await t().http.post(`/api/providers/${p.id}/users/${providerUserId}/accept`, {
      token: stranger.accessToken,
      json: { token },
    });
    expect(wrongUser.body.message).toBe('Invalid token.');
    const otherEmailToken = signProviderInviteToken(t().server.ctx.keys.hmac, {
      providerUserId,
      email: stranger.email,
    });
    const mismatch = await t().http.post(`/api/providers/${p.id}/users/${providerUserId}/accept`, {
      token: stranger.accessToken,
      json: { token: otherEmailToken },
    });
    expect(mismatch.body.message).toBe('User email does not match invite.');
    const unknown = await t().http.post(`/api/providers/${p.id}/users/${crypto.randomUUID()}/accept`, {
      token: accessToken,
      json: { token },
    });
    expect(unknown.body.message).toBe('User invalid.');
    const expired = signToken(t().server.ctx.keys.hmac, TokenPurpose.ProviderInvite, { providerUserId, email }, -1000);
    expect(
      (
        await t().http.post(`/api/providers/${p.id}/users/${providerUserId}/accept`, {
          token: accessToken,
          json: { token: expired },
        })
      ).body.message,
    ).toBe('Invalid token.');
    expect(
      (
        await t().http.post(`/api/providers/${p.id}/users/${providerUserId}/accept`, {
          token: undefined,
          json: { token },
        })
      ).status,
    ).toBe(401);

    const ok = await t().http.post(`/api/providers/${p.id}/users/${providerUserId}/accept`, {
      token: accessToken,
      json: { token },
    });
    expect(ok.status).toBe(200);
    const row = await t()
      .db.selectFrom('provider_users')
      .selectAll()
      .where('id', '=', providerUserId)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 1, email: null, key: null });
    expect(
      (
        await t().http.post(`/api/providers/${p.id}/users/${providerUserId}/accept`, {
          token: accessToken,
          json: { token },
        })
      ).body.message,
    ).toBe('Already accepted.');
    // Accepted is not a membership yet: no provider in the profile.
    expect((await t().http.get('/api/accounts/profile', { token: accessToken })).body.providers).toEqual([]);
  });

  it('invitations expire after 5 days and can be resent singly or in bulk', async () => {
    const p = await createProvider(t());
    const email = `slow.${Date.now()}@example.com`;
    await t().http.post(`/api/providers/${p.id}/users/invite`, {
      token: p.admin.accessToken,
      json: { emails: [email], type: 1 },
    });
    const first = inviteMail(t(), email);
    const payload = JSON.parse(
      Buffer.from(first.token.slice('BwProviderUserInviteToken_'.length).split('.')[0]!, 'base64url').toString(),
    ) as { exp: number };
    expect(payload.exp - Date.now()).toBeGreaterThan(5 * 24 * 3600 * 1000 - 60_000);
    expect(payload.exp - Date.now()).toBeLessThanOrEqual(5 * 24 * 3600 * 1000);
    await new Promise((r) => setTimeout(r, 5));
    expect(
      (
        await t().http.post(`/api/providers/${p.id}/users/${first.providerUserId}/reinvite`, {
          token: p.admin.accessToken,
        })
      ).status,
    ).toBe(200);
    expect(inviteMail(t(), email).token).not.toBe(first.token);
    const bulk = await t().http.post(`/api/providers/${p.id}/users/reinvite`, {
      token: p.admin.accessToken,
      json: { ids: [first.providerUserId, p.adminProviderUserId] },
    });
    expect(bulk.body.data).toEqual([
      { object: 'providerBulkConfirmResponseModel', id: first.providerUserId, error: '' },
      { object: 'providerBulkConfirmResponseModel', id: p.adminProviderUserId, error: 'User invalid.' },
    ]);
    const single = await t().http.post(`/api/providers/${p.id}/users/${p.adminProviderUserId}/reinvite`, {
      token: p.admin.accessToken,
    });
    expect(single.body.message).toBe('User invalid.');
  });

  it('public keys of Accepted users only; confirm single and bulk wraps the provider key; logs 1801', async () => {
    const p = await createProvider(t());
    const [a, b, c] = [await newUser(t(), 'A'), await newUser(t(), 'B'), await newUser(t(), 'C')];
    const ida = await addMember(t(), p, a, 1, { confirm: false });
    const idb = await addMember(t(), p, b, 0, { confirm: false });
    const idc = await addMember(t(), p, c, 1);
    const keys = await t().http.post(`/api/providers/${p.id}/users/public-keys`, {
      token: p.admin.accessToken,
      json: { ids: [ida, idb, idc] },
    });
    expect(keys.body.data.sort((x: { id: string }, y: { id: string }) => x.id.localeCompare(y.id))).toEqual(
      [
        { object: 'providerUserPublicKeyResponseModel', id: ida, userId: a.id, key: a.publicKey },
        { object: 'providerUserPublicKeyResponseModel', id: idb, userId: b.id, key: b.publicKey },
      ].sort((x, y) => x.id.localeCompare(y.id)),
    );
    const bulk = await t().http.post(`/api/providers/${p.id}/users/confirm`, {
      token: p.admin.accessToken,
      json: {
        keys: [
          { id: ida, ...makeProviderMemberConfirm(p.providerKey, a.publicKey) },
          { id: idb, ...makeProviderMemberConfirm(p.providerKey, b.publicKey) },
          { id: idc, ...makeProviderMemberConfirm(p.providerKey, c.publicKey) },
        ],
      },
    });
    expect(bulk.body.data.map((r: { error: string }) => r.error)).toEqual(['', '', 'Invalid user.']);
    const profile = await t().http.get('/api/accounts/profile', { token: b.accessToken });
    expect(profile.body.providers[0]).toMatchObject({ id: p.id, type: 0, status: 2 });
    expect(Buffer.from(unwrapProviderKey(profile.body.providers[0].key, b.privateKey))).toEqual(
      Buffer.from(p.providerKey),
    );
    const confirmedEvents = await t()
      .db.selectFrom('events')
      .select(['user_id', 'provider_user_id'])
      .where('provider_id', '=', p.id)
      .where('type', '=', 1801)
      .execute();
    expect(confirmedEvents).toEqual(
      expect.arrayContaining([
        { user_id: a.id, provider_user_id: ida },
        { user_id: b.id, provider_user_id: idb },
      ]),
    );
    expect(
      t()
        .outbox()
        .some((m) => m.to === a.email && /can now access/.test(m.subject)),
    ).toBe(true);
    const again = await t().http.post(`/api/providers/${p.id}/users/${ida}/confirm`, {
      token: p.admin.accessToken,
      json: makeProviderMemberConfirm(p.providerKey, a.publicKey),
    });
    expect(again.body.message).toBe('Invalid user.');
  });

  it('changes types with the last-admin guard; removes with self and last-admin guards; logs 1802 and 1803', async () => {
    const p = await createProvider(t());
    const svc = await newUser(t(), 'Svc');
    const other = await newUser(t(), 'Other');
    const idSvc = await addMember(t(), p, svc, 1);
    const idOther = await addMember(t(), p, other, 1);

    const before = await tableCounts(t());
    const demote = await t().http.put(`/api/providers/${p.id}/users/${p.adminProviderUserId}`, {
      token: p.admin.accessToken,
      json: { type: 1 },
    });
    expect(demote.body.message).toBe('Provider must have at least one confirmed ProviderAdmin.');
    const self = await t().http.delete(`/api/providers/${p.id}/users/${p.adminProviderUserId}`, {
      token: p.admin.accessToken,
    });
    expect(self.body.message).toBe('Provider must have at least one confirmed ProviderAdmin.');
    expect(await tableCounts(t())).toEqual(before);

    expect(
      (await t().http.put(`/api/providers/${p.id}/users/${idSvc}`, { token: p.admin.accessToken, json: { type: 0 } }))
        .status,
    ).toBe(200);
    expect((await t().http.get(`/api/providers/${p.id}/users/${idSvc}`, { token: p.admin.accessToken })).body).toEqual({
      object: 'providerUser',
      id: idSvc,
      userId: svc.id,
      type: 0,
      status: 2,
      permissions: expect.objectContaining({ manageUsers: false }),
    });
    const selfRemove = await t().http.delete(`/api/providers/${p.id}/users/${p.adminProviderUserId}`, {
      token: p.admin.accessToken,
    });
    expect(selfRemove.body.message).toBe('You cannot remove yourself.');
    const bulk = await t().http.delete(`/api/providers/${p.id}/users`, {
      token: p.admin.accessToken,
      json: { ids: [idOther, p.adminProviderUserId, crypto.randomUUID()] },
    });
    expect(bulk.body.data.map((r: { error: string }) => r.error)).toEqual([
      '',
      'You cannot remove yourself.',
      'Invalid user.',
    ]);
    expect(
      (await t().http.post(`/api/providers/${p.id}/users/${idSvc}/delete`, { token: p.admin.accessToken })).status,
    ).toBe(200);
    const types = await t()
      .db.selectFrom('events')
      .select(['type', 'provider_user_id'])
      .where('provider_id', '=', p.id)
      .where('type', 'in', [1802, 1803])
      .execute();
    expect(types).toEqual(
      expect.arrayContaining([
        { type: 1802, provider_user_id: idSvc },
        { type: 1803, provider_user_id: idOther },
        { type: 1803, provider_user_id: idSvc },
      ]),
    );
    expect(
      t()
        .outbox()
        .some((m) => m.to === other.email && /removed/.test(m.subject)),
    ).toBe(true);
    expect((await t().http.get('/api/accounts/profile', { token: other.accessToken })).body.providers).toEqual([]);
    expect((await t().http.get(`/api/providers/${p.id}/users/${idOther}`, { token: p.admin.accessToken })).status).toBe(
      404,
    );
  });
});
