// Members: the authorization matrix over every member route, and bad input for every member body.
import { beforeAll, expect, it } from 'vitest';
import { makeOrgMemberConfirm } from '../../src-main/crypto/index';
import { describeServer } from './harness';
import { badBodies, expectMatrix, expectRejected, type Call } from './orgAssertions';
import { buildWorld, type Actor, type World } from './orgWorld';
import { registerAndLogin, uniqueEmail, type TestUser } from './users';

const MANAGERS: Actor[] = ['owner', 'admin', 'customWith'];
const MEMBERS: Actor[] = ['owner', 'admin', 'user', 'customWith', 'customWithout'];
const BAD = { not: 'valid' };

describeServer('org members: authorization and bad input', (t) => {
  let w: World;
  let accepted: { user: TestUser; id: string };
  let invitedId: string;
  let revokedId: string;
  const base = () => `/api/organizations/${w.org.id}/users`;
  const own = (actor: Actor) => w.orgUserIds[actor as 'owner'];

  beforeAll(async () => {
    w = await buildWorld(t(), ['manageUsers']);
    const owner = w.users.owner.accessToken;
    const user = await registerAndLogin(t());
    await t().http.post(`${base()}/invite`, { token: owner, json: { emails: [user.email], type: 2 } });
    const mail = [...t().outbox()].reverse().find((m) => m.to === user.email)!;
    await t().http.post(`${base()}/${mail.meta!.organizationUserId}/accept`, {
      token: user.accessToken,
      json: { token: mail.meta!.token },
    });
    accepted = { user, id: mail.meta!.organizationUserId! };
    const email = uniqueEmail('pending');
    await t().http.post(`${base()}/invite`, { token: owner, json: { emails: [email], type: 2 } });
    invitedId = [...t().outbox()].reverse().find((m) => m.to === email)!.meta!.organizationUserId!;
    const revoked = await registerAndLogin(t());
    await t().http.post(`${base()}/invite`, { token: owner, json: { emails: [revoked.email], type: 2 } });
    revokedId = [...t().outbox()].reverse().find((m) => m.to === revoked.email)!.meta!.organizationUserId!;
    await t().http.put(`${base()}/${revokedId}/revoke`, { token: owner });
  });

  const routes: { name: string; allowed: Actor[]; call: () => Call; probe?: () => Call; allowedStatus?: number }[] = [
    {
      name: 'GET users',
      allowed: MANAGERS,
      call: () => (token) => t().http.get(`${base()}?includeGroups=true`, { token }),
    },
    {
      name: 'GET users/mini-details',
      allowed: MEMBERS,
      call: () => (token) => t().http.get(`${base()}/mini-details`, { token }),
    },
    {
      name: 'GET users/{id}',
      allowed: MANAGERS,
      call: () => (token) => t().http.get(`${base()}/${w.orgUserIds.user}`, { token }),
    },
    {
      name: 'POST users/invite',
      allowed: MANAGERS,
      call: () => (token) =>
        t().http.post(`${base()}/invite`, { token, json: { emails: [uniqueEmail('m')], type: 2 } }),
      probe: () => (token) => t().http.post(`${base()}/invite`, { token, json: BAD }),
      allowedStatus: 400,
    },
    {
      name: 'POST users/{id}/reinvite',
      allowed: MANAGERS,
      call: () => (token) => t().http.post(`${base()}/${invitedId}/reinvite`, { token }),
      probe: () => (token) => t().http.post(`${base()}/${w.orgUserIds.user}/reinvite`, { token }),
      allowedStatus: 400,
    },
    {
      name: 'POST users/reinvite',
      allowed: MANAGERS,
      call: () => (token) => t().http.post(`${base()}/reinvite`, { token, json: { ids: [invitedId] } }),
      probe: () => (token) => t().http.post(`${base()}/reinvite`, { token, json: BAD }),
      allowedStatus: 400,
    },
    {
      name: 'POST users/public-keys',
      allowed: MANAGERS,
      call: () => (token) => t().http.post(`${base()}/public-keys`, { token, json: { ids: [accepted.id] } }),
    },
    {
      name: 'POST users/{id}/confirm',
      allowed: MANAGERS,
      call: () => (token) =>
        t().http.post(`${base()}/${accepted.id}/confirm`, {
          token,
          json: makeOrgMemberConfirm(w.org.orgKey, accepted.user.publicKey),
        }),
      probe: () => (token) => t().http.post(`${base()}/${accepted.id}/confirm`, { token, json: BAD }),
      allowedStatus: 400,
    },
    {
      name: 'POST users/confirm',
      allowed: MANAGERS,
      call: () => (token) =>
        t().http.post(`${base()}/confirm`, {
          token,
          json: { keys: [{ id: accepted.id, key: makeOrgMemberConfirm(w.org.orgKey, accepted.user.publicKey).key }] },
        }),
      probe: () => (token) => t().http.post(`${base()}/confirm`, { token, json: BAD }),
      allowedStatus: 400,
    },
    {
      name: 'PUT users/{id}',
      allowed: MANAGERS,
      call: () => (token) => t().http.put(`${base()}/${w.orgUserIds.user}`, { token, json: { type: 1 } }),
      probe: () => (token) => t().http.put(`${base()}/${w.orgUserIds.user}`, { token, json: BAD }),
      allowedStatus: 400,
    },
    {
      name: 'PUT users/{id}/revoke',
      allowed: MANAGERS,
      call: () => (token) => t().http.put(`${base()}/${w.orgUserIds.user}/revoke`, { token }),
      probe: () => (token, actor) => t().http.put(`${base()}/${own(actor)}/revoke`, { token }),
      allowedStatus: 400,
    },
    {
      name: 'PUT users/revoke',
      allowed: MANAGERS,
      call: () => (token) => t().http.put(`${base()}/revoke`, { token, json: { ids: [w.orgUserIds.user] } }),
      probe: () => (token) => t().http.put(`${base()}/revoke`, { token, json: BAD }),
      allowedStatus: 400,
    },
    {
      name: 'PUT users/{id}/restore/vnext',
      allowed: MANAGERS,
      call: () => (token) => t().http.put(`${base()}/${revokedId}/restore/vnext`, { token }),
      probe: () => (token, actor) => t().http.put(`${base()}/${own(actor)}/restore/vnext`, { token }),
      allowedStatus: 400,
    },
    {
      name: 'PUT users/restore',
      allowed: MANAGERS,
      call: () => (token) => t().http.put(`${base()}/restore`, { token, json: { ids: [revokedId] } }),
      probe: () => (token) => t().http.put(`${base()}/restore`, { token, json: BAD }),
      allowedStatus: 400,
    },
    {
      name: 'DELETE users/{id}',
      allowed: MANAGERS,
      call: () => (token) => t().http.delete(`${base()}/${w.orgUserIds.user}`, { token }),
      probe: () => (token, actor) => t().http.delete(`${base()}/${own(actor)}`, { token }),
      allowedStatus: 400,
    },
    {
      name: 'DELETE users',
      allowed: MANAGERS,
      call: () => (token) => t().http.delete(base(), { token, json: { ids: [w.orgUserIds.user] } }),
      probe: () => (token) => t().http.delete(base(), { token, json: BAD }),
      allowedStatus: 400,
    },
  ];

  for (const r of routes) {
    it(`authorization matrix: ${r.name}`, async () => {
      await expectMatrix(t(), w, r.allowed, r.call(), {
        ...(r.probe ? { probe: r.probe() } : {}),
        ...(r.allowedStatus ? { allowedStatus: r.allowedStatus } : {}),
      });
    });
  }

  it('accept: anonymous 401, anyone but the invitee 400, and nothing changes', async () => {
    const mail = [...t().outbox()].reverse().find((m) => m.meta?.organizationUserId === invitedId)!;
    const send = (token?: string) =>
      t().http.post(`${base()}/${invitedId}/accept`, {
        ...(token ? { token } : {}),
        json: { token: mail.meta!.token },
      });
    expect((await send()).status).toBe(401);
    for (const actor of ['owner', 'user', 'otherOrg', 'outsider'] as const) {
      const res = await send(w.users[actor].accessToken);
      expect(res.status, actor).toBe(400);
    }
    expect(
      (
        await t()
          .db.selectFrom('organization_users')
          .select('status')
          .where('id', '=', invitedId)
          .executeTakeFirstOrThrow()
      ).status,
    ).toBe(0);
  });

  it('rejects bad invite bodies', async () => {
    const valid = {
      emails: [uniqueEmail('b')],
      type: 2,
      accessSecretsManager: false,
      permissions: null,
      collections: [],
      groups: [],
    };
    const bodies = [
      ...badBodies(valid, { required: ['emails', 'type'] }),
      { label: '21 emails', body: { ...valid, emails: Array.from({ length: 21 }, () => uniqueEmail('x')) } },
      { label: 'bad email', body: { ...valid, emails: ['not an email'] } },
      { label: 'no emails', body: { ...valid, emails: [] } },
      { label: 'type 3', body: { ...valid, type: 3 } },
      {
        label: 'collection of another org',
        body: {
          ...valid,
          collections: [{ id: crypto.randomUUID(), readOnly: false, hidePasswords: false, manage: false }],
        },
      },
      { label: 'bad group id', body: { ...valid, groups: ['nope'] } },
      { label: 'permissions wrong type', body: { ...valid, type: 4, permissions: { manageUsers: 'yes' } } },
    ];
    await expectRejected(
      t(),
      (body) => t().http.post(`${base()}/invite`, { token: w.users.owner.accessToken, json: body }),
      bodies,
    );
    const res = await t().http.post(`${base()}/invite`, {
      token: w.users.owner.accessToken,
      json: bodies.find((b) => b.label === '21 emails')!.body,
    });
    expect(res.body).toMatchObject({
      message: 'The model state is invalid.',
      validationErrors: { Emails: ['You can only invite up to 20 users at a time.'] },
    });
  });

  it('rejects bad confirm, edit, accept and bulk bodies', async () => {
    const token = w.users.owner.accessToken;
    const key = makeOrgMemberConfirm(w.org.orgKey, accepted.user.publicKey);
    await expectRejected(
      t(),
      (body) => t().http.post(`${base()}/${accepted.id}/confirm`, { token, json: body }),
      badBodies({ ...key }, { required: ['key'], encStrings: ['key', 'defaultUserCollectionName'] }),
    );
    await expectRejected(t(), (body) => t().http.post(`${base()}/confirm`, { token, json: body }), [
      ...badBodies(
        { keys: [{ id: accepted.id, key: key.key }], defaultUserCollectionName: key.defaultUserCollectionName },
        { required: ['keys'], encStrings: ['defaultUserCollectionName'] },
      ),
      { label: 'malformed key', body: { keys: [{ id: accepted.id, key: '4.not base64!' }] } },
    ]);
    const edit = {
      type: 2,
      accessSecretsManager: false,
      accessPam: false,
      permissions: null,
      collections: [],
      groups: [],
      name: 'x',
      defaultUserCollectionName: key.defaultUserCollectionName,
    };
    await expectRejected(
      t(),
      (body) => t().http.put(`${base()}/${w.orgUserIds.user}`, { token, json: body }),
      badBodies(edit, { required: ['type'], encStrings: ['defaultUserCollectionName'] }),
    );
    await expectRejected(
      t(),
      (body) => t().http.post(`${base()}/${invitedId}/accept`, { token, json: body }),
      badBodies({ token: 'BwOrgUserInviteToken_x.y' }, { required: ['token'] }),
    );
    for (const path of ['reinvite', 'public-keys', 'remove']) {
      await expectRejected(t(), (body) => t().http.post(`${base()}/${path}`, { token, json: body }), [
        ...badBodies({ ids: [w.orgUserIds.user] }, { required: ['ids'] }),
        { label: 'bad id', body: { ids: ['1'] } },
      ]);
    }
    for (const path of ['revoke', 'restore']) {
      await expectRejected(
        t(),
        (body) => t().http.put(`${base()}/${path}`, { token, json: body }),
        badBodies({ ids: [w.orgUserIds.user] }, { required: ['ids'] }),
      );
    }
    await expectRejected(t(), (body) => t().http.put(`${base()}/${revokedId}/restore/vnext`, { token, json: body }), [
      { label: 'malformed name', body: { defaultUserCollectionName: 'plain' } },
    ]);
  });

  it('answers 404 for ids that are not GUIDs', async () => {
    const token = w.users.owner.accessToken;
    expect((await t().http.get(`/api/organizations/nope/users`, { token })).status).toBe(404);
    expect((await t().http.get(`${base()}/nope`, { token })).status).toBe(404);
    expect((await t().http.delete(`${base()}/${crypto.randomUUID()}`, { token })).status).toBe(404);
  });
});
