// Groups (bitwarden-api.md §7.4): CRUD, collection access, members, events, the authorization matrix, bad input.
import { beforeAll, expect, it } from 'vitest';
import { encryptToString } from '../../src-main/crypto/index';
import { describeServer } from './harness';
import { badBodies, expectMatrix, expectRejected } from './orgAssertions';
import { buildWorld, type Actor, type World } from './orgWorld';
import { createOrganization, registerAndLogin } from './users';

const MANAGERS: Actor[] = ['owner', 'admin', 'customWith'];
const BAD = { name: 42 };

describeServer('org groups', (t) => {
  let w: World;
  let groupId: string;
  let collectionId: string;
  const base = () => `/api/organizations/${w.org.id}/groups`;
  const create = (token: string | undefined, json: unknown) =>
    t().http.post(base(), { ...(token ? { token } : {}), json });
  const opt = (token: string | undefined) => (token ? { token } : {});

  beforeAll(async () => {
    w = await buildWorld(t(), ['manageGroups']);
    collectionId = (
      await t().http.post(`/api/organizations/${w.org.id}/collections`, {
        token: w.users.owner.accessToken,
        json: { name: encryptToString('Ops', w.org.orgKey) },
      })
    ).body.id;
    groupId = (await create(w.users.owner.accessToken, { name: 'Main' })).body.id;
  });

  it('creates a group with collections and members; members see the collections through it', async () => {
    const res = await create(w.users.owner.accessToken, {
      name: 'R&D <core>',
      externalId: 'ext-7',
      collections: [{ id: collectionId, readOnly: true, hidePasswords: false, manage: false }],
      users: [w.orgUserIds.user],
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      object: 'group',
      id: expect.any(String),
      organizationId: w.org.id,
      name: 'R&D <core>',
      externalId: 'ext-7',
    });
    const stored = await t()
      .db.selectFrom('groups')
      .select('name')
      .where('id', '=', res.body.id)
      .executeTakeFirstOrThrow();
    expect(stored.name).toBe('R&amp;D &lt;core&gt;');
    const details = await t().http.get(`${base()}/${res.body.id}/details`, { token: w.users.owner.accessToken });
    expect(details.body).toMatchObject({
      object: 'groupDetails',
      collections: [{ id: collectionId, readOnly: true, hidePasswords: false, manage: false }],
    });
    expect((await t().http.get(`${base()}/${res.body.id}/users`, { token: w.users.owner.accessToken })).body).toEqual([
      w.orgUserIds.user,
    ]);
    const sync = await t().http.get('/api/sync', { token: w.users.user.accessToken });
    expect(sync.body.collections).toEqual([expect.objectContaining({ id: collectionId, readOnly: true })]);
    const types = await t()
      .db.selectFrom('events')
      .select(['type', 'organization_user_id'])
      .where('organization_id', '=', w.org.id)
      .where('type', 'in', [1400, 1504])
      .execute();
    expect(types).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ type: 1400 }),
        { type: 1504, organization_user_id: w.orgUserIds.user },
      ]),
    );
    const list = await t().http.get(`${base()}/details`, { token: w.users.owner.accessToken });
    expect(list.body.data.map((g: any) => g.name)).toEqual(expect.arrayContaining(['Main', 'R&D <core>']));
  });

  it('updates, removes a member, and deletes (single and bulk) with events', async () => {
    const id = (
      await create(w.users.owner.accessToken, { name: 'Temp', users: [w.orgUserIds.user, w.orgUserIds.customWithout] })
    ).body.id;
    const put = await t().http.put(`${base()}/${id}`, {
      token: w.users.admin.accessToken,
      json: { name: 'Temp 2', collections: [], users: [w.orgUserIds.user] },
    });
    expect(put.body.name).toBe('Temp 2');
    expect(
      (await t().http.delete(`${base()}/${id}/user/${w.orgUserIds.user}`, { token: w.users.owner.accessToken })).status,
    ).toBe(200);
    expect((await t().http.get(`${base()}/${id}/users`, { token: w.users.owner.accessToken })).body).toEqual([]);
    expect(
      (await t().http.delete(`${base()}/${id}/user/${w.orgUserIds.user}`, { token: w.users.owner.accessToken })).status,
    ).toBe(404);
    expect((await t().http.delete(`${base()}/${id}`, { token: w.users.owner.accessToken })).status).toBe(200);
    const a = (await create(w.users.owner.accessToken, { name: 'A' })).body.id;
    const b = (await create(w.users.owner.accessToken, { name: 'B' })).body.id;
    expect(
      (await t().http.post(`${base()}/delete`, { token: w.users.owner.accessToken, json: { ids: [a, b] } })).status,
    ).toBe(200);
    const events = await t().db.selectFrom('events').select('type').where('group_id', 'in', [id, a, b]).execute();
    expect(events.map((e) => e.type).sort()).toEqual([1400, 1400, 1400, 1401, 1402, 1402, 1402]);
  });

  it('refuses self-additions when admins lack access to all items, and orgs without groups', async () => {
    await t()
      .db.updateTable('organizations')
      .set({ allow_admin_access_to_all_collection_items: 0 })
      .where('id', '=', w.org.id)
      .execute();
    const res = await t().http.put(`${base()}/${groupId}`, {
      token: w.users.admin.accessToken,
      json: { name: 'Main', users: [w.orgUserIds.admin] },
    });
    await t()
      .db.updateTable('organizations')
      .set({ allow_admin_access_to_all_collection_items: 1 })
      .where('id', '=', w.org.id)
      .execute();
    expect(res.body).toMatchObject({ object: 'error', message: 'You cannot add yourself to groups.' });
    const owner = await registerAndLogin(t());
    const free = await createOrganization(t(), owner);
    const r = await t().http.post(`/api/organizations/${free.id}/groups`, {
      token: owner.accessToken,
      json: { name: 'x' },
    });
    expect(r.body.message).toBe('This organization cannot use groups.');
  });

  const reads: [string, Actor[], () => string][] = [
    ['GET groups', MANAGERS, () => base()],
    ['GET groups/details', MANAGERS, () => `${base()}/details`],
    ['GET groups/{id}', MANAGERS, () => `${base()}/${groupId}`],
    ['GET groups/{id}/details', MANAGERS, () => `${base()}/${groupId}/details`],
    ['GET groups/{id}/users', MANAGERS, () => `${base()}/${groupId}/users`],
  ];
  for (const [name, allowed, path] of reads) {
    it(`authorization matrix: ${name}`, async () => {
      await expectMatrix(t(), w, allowed, (token) => t().http.get(path(), opt(token)));
    });
  }

  it('authorization matrix: POST, PUT, DELETE single and bulk, remove member', async () => {
    await expectMatrix(t(), w, MANAGERS, (token) => create(token, { name: 'x' }), {
      probe: (token) => create(token, BAD),
      allowedStatus: 400,
    });
    await expectMatrix(
      t(),
      w,
      MANAGERS,
      (token) => t().http.put(`${base()}/${groupId}`, { ...opt(token), json: { name: 'y' } }),
      {
        probe: (token) => t().http.put(`${base()}/${groupId}`, { ...opt(token), json: BAD }),
        allowedStatus: 400,
      },
    );
    await expectMatrix(t(), w, MANAGERS, (token) => t().http.delete(`${base()}/${groupId}`, opt(token)), {
      probe: async (token) =>
        t().http.delete(`${base()}/${(await create(w.users.owner.accessToken, { name: 'gone' })).body.id}`, opt(token)),
    });
    await expectMatrix(
      t(),
      w,
      MANAGERS,
      (token) => t().http.delete(base(), { ...opt(token), json: { ids: [groupId] } }),
      {
        probe: (token) => t().http.delete(base(), { ...opt(token), json: BAD }),
        allowedStatus: 400,
      },
    );
    await t().http.put(`${base()}/${groupId}`, {
      token: w.users.owner.accessToken,
      json: { name: 'Main', users: [w.orgUserIds.user] },
    });
    await expectMatrix(
      t(),
      w,
      MANAGERS,
      (token) => t().http.delete(`${base()}/${groupId}/user/${w.orgUserIds.user}`, opt(token)),
      {
        probe: async (token) => {
          const id = (await create(w.users.owner.accessToken, { name: 'tmp', users: [w.orgUserIds.user] })).body.id;
          return t().http.delete(`${base()}/${id}/user/${w.orgUserIds.user}`, opt(token));
        },
      },
    );
  });

  it("refuses a name over 100 characters with Bitwarden's StringLength error", async () => {
    const res = await create(w.users.owner.accessToken, { name: 'n'.repeat(10_000) });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({
      object: 'error',
      message: 'The model state is invalid.',
      validationErrors: { Name: ['The field Name must be a string with a maximum length of 100.'] },
    });
    expect((await create(w.users.owner.accessToken, { name: 'n'.repeat(100) })).status).toBe(200);
  });

  it('rejects bad bodies', async () => {
    const token = w.users.owner.accessToken;
    const valid = {
      name: 'Valid',
      externalId: 'x',
      collections: [{ id: collectionId, readOnly: false, hidePasswords: false, manage: false }],
      users: [w.orgUserIds.user],
    };
    const extra = [
      { label: 'name 101 chars', body: { ...valid, name: 'n'.repeat(101) } },
      { label: 'blank name', body: { ...valid, name: '   ' } },
      { label: 'member of another org', body: { ...valid, users: [crypto.randomUUID()] } },
      { label: 'collection of another org', body: { ...valid, collections: [{ id: crypto.randomUUID() }] } },
    ];
    await expectRejected(t(), (body) => create(token, body), [...badBodies(valid, { required: ['name'] }), ...extra]);
    await expectRejected(t(), (body) => t().http.put(`${base()}/${groupId}`, { token, json: body }), [
      ...badBodies(valid, { required: ['name'] }),
      ...extra,
    ]);
    await expectRejected(
      t(),
      (body) => t().http.delete(base(), { token, json: body }),
      badBodies({ ids: [groupId] }, { required: ['ids'] }),
    );
  });
});
