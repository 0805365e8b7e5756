// Members (bitwarden-api.md §7.3, bitwarden-accounts.md §6): invite → mail → accept → confirm, edit, revoke,
// restore, remove, reinvite, the last-owner guard, role guards and registration from an invitation.
import { beforeAll, expect, it } from 'vitest';
import { makeOrgMemberConfirm, makeRegistration, rsaDecapsulate } from '../../src-main/crypto/index';
import { INVITE_TTL_MS } from '../../src-server/domain/invites';
import { signToken, TokenPurpose } from '../../src-server/domain/signedTokens';
import { describeServer, type TestServer } from './harness';
import { addMember, buildWorld, type World } from './orgWorld';
import { loginUser, registerAndLogin, uniqueEmail, type TestUser } from './users';

const eventsOf = (t: TestServer, orgId: string, type: number) =>
  t.db.selectFrom('events').selectAll().where('organization_id', '=', orgId).where('type', '=', type).execute();
const member = (t: TestServer, id: string) =>
  t.db.selectFrom('organization_users').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const lastMailTo = (t: TestServer, email: string) => [...t.outbox()].reverse().find((m) => m.to === email);

describeServer('org members', (t) => {
  let w: World;
  let owner: TestUser;
  const base = () => `/api/organizations/${w.org.id}/users`;
  beforeAll(async () => {
    w = await buildWorld(t(), ['manageUsers']);
    owner = w.users.owner;
  });

  it('invites by email with collections and groups, mails a signed 5-day link, and lists the invitee', async () => {
    const group = await t().http.post(`/api/organizations/${w.org.id}/groups`, {
      token: owner.accessToken,
      json: { name: 'Support' },
    });
    const collection = await t()
      .db.selectFrom('collections')
      .select('id')
      .where('organization_id', '=', w.org.id)
      .executeTakeFirstOrThrow();
    const emails = [uniqueEmail('inv'), uniqueEmail('inv')];
    const res = await t().http.post(`${base()}/invite`, {
      token: owner.accessToken,
      json: {
        emails: [...emails, emails[0]!.toUpperCase()],
        type: 2,
        collections: [{ id: collection.id, readOnly: true, hidePasswords: false, manage: false }],
        groups: [group.body.id],
      },
    });
    expect(res.status).toBe(200);
    const list = await t().http.get(`${base()}?includeGroups=true&includeCollections=true`, {
      token: owner.accessToken,
    });
    const invited = list.body.data.filter((m: any) => emails.includes(m.email));
    expect(invited).toHaveLength(2);
    expect(invited[0]).toMatchObject({
      object: 'organizationUserUserDetails',
      status: 0,
      type: 2,
      userId: null,
      groups: [group.body.id],
      collections: [{ id: collection.id, readOnly: true, hidePasswords: false, manage: false }],
    });
    const mail = lastMailTo(t(), emails[0]!);
    expect(mail?.subject).toBe('Join Acme Corp');
    expect(mail?.link).toMatch(
      /\/accept-organization\?organizationId=.+&organizationUserId=.+&email=.+&organizationName=Acme\+Corp&token=BwOrgUserInviteToken_/,
    );
    const payload = JSON.parse(
      Buffer.from(mail!.meta!.token!.slice('BwOrgUserInviteToken_'.length).split('.')[0]!, 'base64url').toString(),
    );
    expect(payload).toMatchObject({ orgUserId: mail!.meta!.organizationUserId, email: emails[0] });
    expect(payload.exp - Date.now()).toBeGreaterThan(INVITE_TTL_MS - 60_000);
    expect(
      (await eventsOf(t(), w.org.id, 1500)).some((e) => e.organization_user_id === mail!.meta!.organizationUserId),
    ).toBe(true);
    // Inviting the same address again adds nobody.
    await t().http.post(`${base()}/invite`, { token: owner.accessToken, json: { emails: [emails[1]], type: 2 } });
    const again = await t().http.get(base(), { token: owner.accessToken });
    expect(again.body.data.filter((m: any) => m.email === emails[1])).toHaveLength(1);
  });

  it('accepts only with a valid single-use token for the invited account, then confirms with the wrapped org key', async () => {
    const invitee = await registerAndLogin(t());
    await t().http.post(`${base()}/invite`, { token: owner.accessToken, json: { emails: [invitee.email], type: 2 } });
    const mail = lastMailTo(t(), invitee.email)!;
    const id = mail.meta!.organizationUserId!;
    const accept = (user: TestUser, token: string) =>
      t().http.post(`${base()}/${id}/accept`, { token: user.accessToken, json: { token } });
    expect((await accept(invitee, mail.meta!.token!.slice(0, -2) + 'xx')).body.message).toBe('Invalid token.');
    const expired = signToken(
      t().server.ctx.keys.hmac,
      TokenPurpose.OrgInvite,
      { orgUserId: id, email: invitee.email },
      -1000,
    );
    expect((await accept(invitee, expired)).body.message).toBe('Expired token.');
    expect((await accept(w.users.outsider, mail.meta!.token!)).body.message).toBe('User email does not match invite.');
    expect((await t().http.post(`${base()}/${id}/accept`, { json: { token: mail.meta!.token } })).status).toBe(401);
    const ok = await accept(invitee, mail.meta!.token!);
    expect(ok.status).toBe(200);
    expect(await member(t(), id)).toMatchObject({ status: 1, user_id: invitee.id, email: null });
    expect((await accept(invitee, mail.meta!.token!)).status).toBe(400);
    expect(
      t()
        .outbox()
        .some((m) => m.to === owner.email && m.subject.includes(invitee.email)),
    ).toBe(true);

    const keys = await t().http.post(`${base()}/public-keys`, {
      token: owner.accessToken,
      json: { ids: [id, w.orgUserIds.user] },
    });
    expect(keys.body.data).toEqual([
      { object: 'organizationUserPublicKeyResponseModel', id, userId: invitee.id, key: invitee.publicKey },
    ]);
    const confirm = await t().http.post(`${base()}/${id}/confirm`, {
      token: owner.accessToken,
      json: makeOrgMemberConfirm(w.org.orgKey, invitee.publicKey),
    });
    expect(confirm.status).toBe(200);
    const row = await member(t(), id);
    expect(row.status).toBe(2);
    expect(Buffer.from(rsaDecapsulate(row.key!, invitee.privateKey))).toEqual(Buffer.from(w.org.orgKey));
    expect(
      (await eventsOf(t(), w.org.id, 1501)).some((e) => e.organization_user_id === id && e.acting_user_id === owner.id),
    ).toBe(true);
    const sync = await t().http.get('/api/sync', { token: invitee.accessToken });
    expect(sync.body.profile.organizations).toEqual([
      expect.objectContaining({ id: w.org.id, status: 2, type: 2, key: row.key }),
    ]);
    expect(
      (
        await t().http.post(`${base()}/${id}/confirm`, {
          token: owner.accessToken,
          json: makeOrgMemberConfirm(w.org.orgKey, invitee.publicKey),
        })
      ).body.message,
    ).toBe('User not valid.');
  });

  it('confirms in bulk and reports each id', async () => {
    const a = await registerAndLogin(t());
    const b = await registerAndLogin(t());
    const ids: string[] = [];
    for (const u of [a, b]) {
      await t().http.post(`${base()}/invite`, { token: owner.accessToken, json: { emails: [u.email], type: 2 } });
      const mail = lastMailTo(t(), u.email)!;
      ids.push(mail.meta!.organizationUserId!);
      await t().http.post(`${base()}/${ids.at(-1)}/accept`, {
        token: u.accessToken,
        json: { token: mail.meta!.token },
      });
    }
    const res = await t().http.post(`${base()}/confirm`, {
      token: owner.accessToken,
      json: {
        keys: [
          { id: ids[0], key: makeOrgMemberConfirm(w.org.orgKey, a.publicKey).key },
          { id: ids[1], key: makeOrgMemberConfirm(w.org.orgKey, b.publicKey).key },
          { id: w.orgUserIds.user, key: '4.AAAA' },
        ],
      },
    });
    expect(res.body.data).toEqual([
      { object: 'OrganizationBulkConfirmResponseModel', id: ids[0], error: '' },
      { object: 'OrganizationBulkConfirmResponseModel', id: ids[1], error: '' },
      { object: 'OrganizationBulkConfirmResponseModel', id: w.orgUserIds.user, error: 'User not valid.' },
    ]);
  });

  it('edits role, permissions, collections and groups, and enforces who may change whom', async () => {
    const target = await registerAndLogin(t());
    const id = await addMember(t(), w.org, owner, target, 2);
    const collection = await t()
      .db.selectFrom('collections')
      .select('id')
      .where('organization_id', '=', w.org.id)
      .executeTakeFirstOrThrow();
    const put = (token: string, json: unknown) => t().http.put(`${base()}/${id}`, { token, json });
    const res = await put(owner.accessToken, {
      type: 4,
      permissions: { manageGroups: true },
      collections: [{ id: collection.id, readOnly: false, hidePasswords: true, manage: false }],
      groups: [],
    });
    expect(res.status).toBe(200);
    const details = await t().http.get(`${base()}/${id}?includeGroups=true`, { token: owner.accessToken });
    expect(details.body).toMatchObject({
      object: 'organizationUserDetails',
      type: 4,
      permissions: expect.objectContaining({ manageGroups: true, manageUsers: false }),
      collections: [{ id: collection.id, readOnly: false, hidePasswords: true, manage: false }],
      groups: [],
    });
    expect((await eventsOf(t(), w.org.id, 1502)).some((e) => e.organization_user_id === id)).toBe(true);
    expect((await eventsOf(t(), w.org.id, 1504)).some((e) => e.organization_user_id === id)).toBe(true);
    const custom = w.users.customWith.accessToken;
    expect((await put(custom, { type: 1 })).body.message).toBe('Custom users can not manage Admins or Owners.');
    expect((await put(custom, { type: 4, permissions: { managePolicies: true } })).body.message).toBe(
      'Custom users can only grant the same custom permissions that they have.',
    );
    expect((await put(w.users.admin.accessToken, { type: 0 })).body.message).toBe(
      "Only an Owner can configure another Owner's account.",
    );
    expect((await put(custom, { type: 2 })).status).toBe(200);
  });

  it('keeps a confirmed owner: the last owner cannot be demoted', async () => {
    const put = (type: number) =>
      t().http.put(`${base()}/${w.orgUserIds.owner}`, { token: owner.accessToken, json: { type } });
    const before = await member(t(), w.orgUserIds.owner);
    const res = await put(1);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({
      object: 'error',
      message: 'Organization must have at least one confirmed owner.',
    });
    expect(await member(t(), w.orgUserIds.owner)).toEqual(before);
    const second = await registerAndLogin(t());
    const secondId = await addMember(t(), w.org, owner, second, 0);
    expect((await put(1)).status).toBe(200);
    expect(
      (await t().http.put(`${base()}/${w.orgUserIds.owner}`, { token: second.accessToken, json: { type: 0 } })).status,
    ).toBe(200);
    expect((await t().http.delete(`${base()}/${secondId}`, { token: owner.accessToken })).status).toBe(200);
  });

  it('revokes and restores (single and bulk), hides the org from a revoked member, and refuses self-service', async () => {
    const target = await registerAndLogin(t());
    const id = await addMember(t(), w.org, owner, target, 2);
    expect((await t().http.put(`${base()}/${id}/revoke`, { token: owner.accessToken })).status).toBe(200);
    expect(await member(t(), id)).toMatchObject({ status: -1, revocation_reason: 1 });
    expect((await t().http.get('/api/sync', { token: target.accessToken })).body.profile.organizations).toEqual([]);
    expect((await t().http.put(`${base()}/${id}/revoke`, { token: owner.accessToken })).body.message).toBe(
      'Already revoked.',
    );
    expect((await t().http.put(`${base()}/${id}/restore/vnext`, { token: owner.accessToken })).status).toBe(200);
    expect(await member(t(), id)).toMatchObject({ status: 2, revocation_reason: null });
    expect((await t().http.put(`${base()}/${id}/restore`, { token: owner.accessToken })).body.message).toBe(
      'Already active.',
    );
    const bulk = await t().http.put(`${base()}/revoke`, {
      token: owner.accessToken,
      json: { ids: [id, w.orgUserIds.owner] },
    });
    expect(bulk.body.data).toEqual([
      { object: 'OrganizationBulkConfirmResponseModel', id, error: '' },
      { object: 'OrganizationBulkConfirmResponseModel', id: w.orgUserIds.owner, error: 'You cannot revoke yourself.' },
    ]);
    const restored = await t().http.put(`${base()}/restore`, { token: owner.accessToken, json: { ids: [id] } });
    expect(restored.body.data).toEqual([{ object: 'OrganizationBulkConfirmResponseModel', id, error: '' }]);
    expect((await eventsOf(t(), w.org.id, 1511)).filter((e) => e.organization_user_id === id)).toHaveLength(2);
    expect((await eventsOf(t(), w.org.id, 1512)).filter((e) => e.organization_user_id === id)).toHaveLength(2);
    expect(
      (await t().http.put(`${base()}/${w.orgUserIds.admin}/revoke`, { token: w.users.admin.accessToken })).body.message,
    ).toBe('You cannot revoke yourself.');
    expect(
      (await t().http.put(`${base()}/${w.orgUserIds.owner}/revoke`, { token: w.users.admin.accessToken })).body.message,
    ).toBe('Only owners can revoke other owners.');
  });

  it('removes members (single and bulk) and re-sends invitations', async () => {
    const a = await registerAndLogin(t());
    const aId = await addMember(t(), w.org, owner, a, 2);
    expect((await t().http.delete(`${base()}/${aId}`, { token: owner.accessToken })).status).toBe(200);
    expect(
      await t().db.selectFrom('organization_users').select('id').where('id', '=', aId).executeTakeFirst(),
    ).toBeUndefined();
    expect(
      (await eventsOf(t(), w.org.id, 1503)).some((e) => e.organization_user_id === aId && e.user_id === a.id),
    ).toBe(true);
    const email = uniqueEmail('reinv');
    await t().http.post(`${base()}/invite`, { token: owner.accessToken, json: { emails: [email], type: 2 } });
    const id = lastMailTo(t(), email)!.meta!.organizationUserId!;
    const mails = () =>
      t()
        .outbox()
        .filter((m) => m.to === email).length;
    expect((await t().http.post(`${base()}/${id}/reinvite`, { token: owner.accessToken })).status).toBe(200);
    expect(mails()).toBe(2);
    const bulk = await t().http.post(`${base()}/reinvite`, {
      token: owner.accessToken,
      json: { ids: [id, w.orgUserIds.user] },
    });
    expect(bulk.body.data).toEqual(
      expect.arrayContaining([
        { object: 'OrganizationBulkConfirmResponseModel', id, error: '' },
        { object: 'OrganizationBulkConfirmResponseModel', id: w.orgUserIds.user, error: 'User invalid.' },
      ]),
    );
    expect(mails()).toBe(3);
    expect(
      (await t().http.post(`${base()}/${w.orgUserIds.user}/reinvite`, { token: owner.accessToken })).body.message,
    ).toBe('User invalid.');
    const removed = await t().http.post(`${base()}/remove`, {
      token: owner.accessToken,
      json: { ids: [id, w.orgUserIds.owner] },
    });
    expect(removed.body.data).toEqual([
      { object: 'OrganizationBulkConfirmResponseModel', id, error: '' },
      { object: 'OrganizationBulkConfirmResponseModel', id: w.orgUserIds.owner, error: 'You cannot remove yourself.' },
    ]);
  });

  it('registers a new account from the invitation (register/finish) and then accepts', async () => {
    const email = uniqueEmail('newbie');
    await t().http.post(`${base()}/invite`, { token: owner.accessToken, json: { emails: [email], type: 2 } });
    const mail = lastMailTo(t(), email)!;
    expect(mail.link).toContain('orgUserHasExistingUser=false');
    const { payload } = await makeRegistration(email, 'correct horse battery staple', { kdf: 0, iterations: 600_000 });
    const finish = await t().http.post('/identity/accounts/register/finish', {
      json: { ...payload, orgInviteToken: mail.meta!.token, organizationUserId: mail.meta!.organizationUserId },
    });
    expect(finish.status).toBe(200);
    const login = await loginUser(t(), email, 'correct horse battery staple');
    const accept = await t().http.post(`${base()}/${mail.meta!.organizationUserId}/accept`, {
      token: login.body.access_token,
      json: { token: mail.meta!.token },
    });
    expect(accept.status).toBe(200);
    expect((await member(t(), mail.meta!.organizationUserId!)).status).toBe(1);
  });

  it('serves mini-details to every member', async () => {
    const res = await t().http.get(`${base()}/mini-details`, { token: w.users.user.accessToken });
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          object: 'organizationUserUserMiniDetails',
          id: w.orgUserIds.owner,
          email: owner.email,
          type: 0,
          status: 2,
        }),
      ]),
    );
  });
});
