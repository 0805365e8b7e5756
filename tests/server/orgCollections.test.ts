// Collections (bitwarden-api.md §7.5): CRUD with EncString names, access lists, details, the creation limit,
// the authorization matrix and bad input.
import { beforeAll, expect, it } from 'vitest';
import { decryptToString, encryptToString } from '../../src-main/crypto/index';
import { describeServer } from './harness';
import { badBodies, expectMatrix, expectRejected } from './orgAssertions';
import { buildWorld, type Actor, type World } from './orgWorld';
import { createOrganization, registerAndLogin } from './users';

const MEMBERS: Actor[] = ['owner', 'admin', 'user', 'customWith', 'customWithout'];
const ADMINS: Actor[] = ['owner', 'admin', 'customWith'];
const BAD = { name: 'plain text' };

describeServer('org collections', (t) => {
  let w: World;
  let collectionId: string;
  let privateId: string;
  const base = () => `/api/organizations/${w.org.id}/collections`;
  const enc = (name: string) => encryptToString(name, w.org.orgKey);
  const create = (token: string, json: unknown) => t().http.post(base(), { token, json });

  beforeAll(async () => {
    w = await buildWorld(t(), ['editAnyCollection', 'deleteAnyCollection', 'createNewCollections']);
    const res = await create(w.users.owner.accessToken, {
      name: enc('Shared'),
      externalId: 'ext-1',
      users: [],
      groups: [],
    });
    collectionId = res.body.id;
    privateId = (await create(w.users.owner.accessToken, { name: enc('Private') })).body.id;
  });

  it('creates with access lists and answers collectionAccessDetails; the name stays the EncString sent', async () => {
    const group = await t().http.post(`/api/organizations/${w.org.id}/groups`, {
      token: w.users.owner.accessToken,
      json: { name: 'Ops' },
    });
    const name = enc('Finance');
    const res = await create(w.users.owner.accessToken, {
      name,
      users: [{ id: w.orgUserIds.user, readOnly: true, hidePasswords: true, manage: false }],
      groups: [{ id: group.body.id, readOnly: false, hidePasswords: false, manage: true }],
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      object: 'collectionAccessDetails',
      organizationId: w.org.id,
      name,
      externalId: null,
      type: 0,
      users: [{ id: w.orgUserIds.user, readOnly: true, hidePasswords: true, manage: false }],
      groups: [{ id: group.body.id, readOnly: false, hidePasswords: false, manage: true }],
      unmanaged: false,
    });
    const stored = await t()
      .db.selectFrom('collections')
      .select('name')
      .where('id', '=', res.body.id)
      .executeTakeFirstOrThrow();
    expect(decryptToString(stored.name, w.org.orgKey)).toBe('Finance');
    const mine = await t().http.get('/api/collections', { token: w.users.user.accessToken });
    expect(mine.body.data).toEqual([
      expect.objectContaining({ object: 'collectionDetails', id: res.body.id, readOnly: true, hidePasswords: true }),
    ]);
    const visible = await t().http.get(base(), { token: w.users.user.accessToken });
    expect(visible.body.data.map((c: any) => c.id)).toEqual([res.body.id]);
    const users = await t().http.get(`${base()}/${res.body.id}/users`, { token: w.users.owner.accessToken });
    expect(users.body).toEqual([{ id: w.orgUserIds.user, readOnly: true, hidePasswords: true, manage: false }]);
    const events = await t().db.selectFrom('events').select('type').where('collection_id', '=', res.body.id).execute();
    expect(events.map((e) => e.type)).toEqual([1300]);
  });

  it('updates name and access, grants access in bulk, and deletes (single and bulk)', async () => {
    const made = await create(w.users.owner.accessToken, { name: enc('Temp') });
    const id = made.body.id as string;
    const put = await t().http.put(`${base()}/${id}`, {
      token: w.users.admin.accessToken,
      json: {
        name: enc('Renamed'),
        users: [{ id: w.orgUserIds.customWithout, readOnly: false, hidePasswords: false, manage: true }],
      },
    });
    expect(put.status).toBe(200);
    expect(decryptToString(put.body.name, w.org.orgKey)).toBe('Renamed');
    expect(put.body.users).toEqual([
      { id: w.orgUserIds.customWithout, readOnly: false, hidePasswords: false, manage: true },
    ]);
    const bulk = await t().http.post(`${base()}/bulk-access`, {
      token: w.users.owner.accessToken,
      json: {
        collectionIds: [id, collectionId],
        users: [{ id: w.orgUserIds.user, readOnly: true, hidePasswords: false, manage: false }],
        groups: [],
      },
    });
    expect(bulk.status).toBe(200);
    const details = await t().http.get(`${base()}/${id}/details`, { token: w.users.owner.accessToken });
    expect(details.body.users).toHaveLength(2);
    const all = await t().http.get(`${base()}/details`, { token: w.users.owner.accessToken });
    expect(all.body.data.find((c: any) => c.id === collectionId).users).toEqual([
      { id: w.orgUserIds.user, readOnly: true, hidePasswords: false, manage: false },
    ]);
    // A manager of the collection (customWithout has manage on it) may delete it while deletion is not limited.
    expect((await t().http.delete(`${base()}/${id}`, { token: w.users.customWithout.accessToken })).status).toBe(200);
    const types = (await t().db.selectFrom('events').select('type').where('collection_id', '=', id).execute())
      .map((e) => e.type)
      .sort();
    expect(types).toEqual([1300, 1301, 1301, 1302]);
    const a = await create(w.users.owner.accessToken, { name: enc('A') });
    const b = await create(w.users.owner.accessToken, { name: enc('B') });
    expect(
      (await t().http.delete(base(), { token: w.users.owner.accessToken, json: { ids: [a.body.id, b.body.id] } }))
        .status,
    ).toBe(200);
    expect(
      await t().db.selectFrom('collections').select('id').where('id', 'in', [a.body.id, b.body.id]).execute(),
    ).toEqual([]);
  });

  it('lets plain members create (and manage) collections unless creation is limited', async () => {
    const res = await create(w.users.user.accessToken, { name: enc('Mine') });
    expect(res.status).toBe(200);
    expect(res.body.users).toEqual([{ id: w.orgUserIds.user, readOnly: false, hidePasswords: false, manage: true }]);
    await t()
      .db.updateTable('organizations')
      .set({ limit_collection_creation: 1 })
      .where('id', '=', w.org.id)
      .execute();
    try {
      await expectMatrix(t(), w, ADMINS, (token) => create(token!, { name: enc('x') }), {
        probe: (token) => create(token!, BAD),
        allowedStatus: 400,
      });
    } finally {
      await t()
        .db.updateTable('organizations')
        .set({ limit_collection_creation: 0 })
        .where('id', '=', w.org.id)
        .execute();
    }
  });

  it('enforces the plan collection limit and protects default user collections', async () => {
    const owner = await registerAndLogin(t());
    const free = await createOrganization(t(), owner);
    const path = `/api/organizations/${free.id}/collections`;
    expect(
      (await t().http.post(path, { token: owner.accessToken, json: { name: encryptToString('Second', free.orgKey) } }))
        .status,
    ).toBe(200);
    const third = await t().http.post(path, {
      token: owner.accessToken,
      json: { name: encryptToString('Third', free.orgKey) },
    });
    expect(third.body).toMatchObject({
      object: 'error',
      message: 'You have reached the maximum number of collections (2) for this organization.',
    });
    const now = new Date().toISOString();
    const id = crypto.randomUUID();
    await t()
      .db.insertInto('collections')
      .values({
        id,
        organization_id: w.org.id,
        name: enc('My Items'),
        external_id: null,
        type: 1,
        default_user_collection_email: w.users.user.email,
        creation_date: now,
        revision_date: now,
      })
      .execute();
    expect((await t().http.delete(`${base()}/${id}`, { token: w.users.owner.accessToken })).body.message).toBe(
      'You cannot delete a collection with the type as DefaultUserCollection.',
    );
    expect(
      (await t().http.put(`${base()}/${id}`, { token: w.users.owner.accessToken, json: { name: enc('x') } })).body
        .message,
    ).toBe('You cannot edit a collection with the type as DefaultUserCollection.');
  });

  const reads: [string, Actor[], () => string][] = [
    ['GET collections', MEMBERS, () => base()],
    ['GET collections/details', MEMBERS, () => `${base()}/details`],
    ['GET collections/{id}', ADMINS, () => `${base()}/${privateId}`],
    ['GET collections/{id}/details', ADMINS, () => `${base()}/${privateId}/details`],
    ['GET collections/{id}/users', ADMINS, () => `${base()}/${privateId}/users`],
  ];
  for (const [name, allowed, path] of reads) {
    it(`authorization matrix: ${name}`, async () => {
      await expectMatrix(t(), w, allowed, (token) => t().http.get(path(), { ...(token ? { token } : {}) }));
    });
  }

  it('authorization matrix: POST collections (creation not limited), PUT, bulk-access, DELETE', async () => {
    await expectMatrix(t(), w, MEMBERS, (token) => create(token!, { name: enc('x') }), {
      probe: (token) => create(token!, BAD),
      allowedStatus: 400,
    });
    await expectMatrix(
      t(),
      w,
      ADMINS,
      (token) =>
        t().http.put(`${base()}/${collectionId}`, { ...(token ? { token } : {}), json: { name: enc('hacked') } }),
      {
        probe: (token) => t().http.put(`${base()}/${collectionId}`, { ...(token ? { token } : {}), json: BAD }),
        allowedStatus: 400,
      },
    );
    const access = {
      collectionIds: [collectionId],
      users: [{ id: w.orgUserIds.customWithout, readOnly: false, hidePasswords: false, manage: true }],
      groups: [],
    };
    await expectMatrix(
      t(),
      w,
      ADMINS,
      (token) => t().http.post(`${base()}/bulk-access`, { ...(token ? { token } : {}), json: access }),
      {
        probe: (token) => t().http.post(`${base()}/bulk-access`, { ...(token ? { token } : {}), json: BAD }),
        allowedStatus: 400,
      },
    );
    await expectMatrix(
      t(),
      w,
      ADMINS,
      (token) => t().http.delete(`${base()}/${collectionId}`, { ...(token ? { token } : {}) }),
      {
        probe: async (token) =>
          t().http.delete(`${base()}/${(await create(w.users.owner.accessToken, { name: enc('gone') })).body.id}`, {
            ...(token ? { token } : {}),
          }),
      },
    );
    await expectMatrix(
      t(),
      w,
      ADMINS,
      (token) => t().http.delete(base(), { ...(token ? { token } : {}), json: { ids: [collectionId] } }),
      {
        probe: (token) => t().http.delete(base(), { ...(token ? { token } : {}), json: BAD }),
        allowedStatus: 400,
      },
    );
  });

  it("refuses an encrypted name over 1000 characters with Bitwarden's EncryptedStringLength error", async () => {
    const token = w.users.owner.accessToken;
    const long = enc('x'.repeat(10_000));
    const expected = {
      object: 'error',
      message: 'The model state is invalid.',
      validationErrors: { Name: ['The field Name exceeds the maximum encrypted value length of 1000 characters.'] },
    };
    const created = await create(token, { name: long });
    expect(created.status).toBe(400);
    expect(created.body).toMatchObject(expected);
    const updated = await t().http.put(`${base()}/${collectionId}`, { token, json: { name: long } });
    expect(updated.status).toBe(400);
    expect(updated.body).toMatchObject(expected);
    expect((await create(token, { name: enc('x'.repeat(687)) })).status).toBe(200);
  });

  it('rejects bad bodies', async () => {
    const token = w.users.owner.accessToken;
    const valid = {
      name: enc('Valid'),
      externalId: 'e',
      users: [{ id: w.orgUserIds.user, readOnly: false, hidePasswords: false, manage: false }],
      groups: [],
    };
    const extra = [
      {
        label: 'user of another org',
        body: { ...valid, users: [{ id: crypto.randomUUID(), readOnly: false, hidePasswords: false, manage: false }] },
      },
      {
        label: 'selection readOnly wrong type',
        body: { ...valid, users: [{ id: w.orgUserIds.user, readOnly: 'yes' }] },
      },
      { label: 'name too long', body: { ...valid, name: `2.${'A'.repeat(600)}|${'A'.repeat(600)}|AAAA` } },
    ];
    await expectRejected(t(), (body) => create(token, body), [
      ...badBodies(valid, { required: ['name'], encStrings: ['name'] }),
      ...extra,
    ]);
    await expectRejected(t(), (body) => t().http.put(`${base()}/${collectionId}`, { token, json: body }), [
      ...badBodies(valid, { required: [], encStrings: ['name'] }).filter((b) => b.label !== 'empty object'),
      ...extra,
    ]);
    await expectRejected(
      t(),
      (body) => t().http.post(`${base()}/bulk-access`, { token, json: body }),
      badBodies({ collectionIds: [collectionId], users: [], groups: [] }, { required: ['collectionIds'] }),
    );
    await expectRejected(
      t(),
      (body) => t().http.delete(base(), { token, json: body }),
      badBodies({ ids: [collectionId] }, { required: ['ids'] }),
    );
  });
});
