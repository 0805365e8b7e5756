// `POST /ciphers/import-organization` (bitwarden-api.md §7.8): stores encrypted ciphers and collections with
// their relationships; privileges, size limit, matrix and bad input.
import { beforeAll, expect, it } from 'vitest';
import { encryptToString } from '../../src-main/crypto/index';
import { describeServer } from './harness';
import { badBodies, expectMatrix, expectRejected } from './orgAssertions';
import { buildWorld, type Actor, type World } from './orgWorld';

const IMPORTERS: Actor[] = ['owner', 'admin', 'customWith'];

describeServer('org import', (t) => {
  let w: World;
  let defaultCollection: string;
  const enc = (s: string) => encryptToString(s, w.org.orgKey);
  const post = (token: string | undefined, body: unknown, orgId = w.org.id) =>
    t().http.post(`/api/ciphers/import-organization?organizationId=${orgId}`, {
      ...(token ? { token } : {}),
      json: body,
    });
  const login = (name: string) => ({
    type: 1,
    name: enc(name),
    notes: null,
    favorite: false,
    reprompt: 0,
    login: { username: enc('u'), password: enc('p'), uris: [{ uri: enc('https://x'), match: null }] },
    fields: [{ name: enc('f'), value: enc('v'), type: 0 }],
  });

  beforeAll(async () => {
    w = await buildWorld(t(), ['accessImportExport']);
    defaultCollection = (
      await t()
        .db.selectFrom('collections')
        .select('id')
        .where('organization_id', '=', w.org.id)
        .executeTakeFirstOrThrow()
    ).id;
  });

  it('stores ciphers, new and existing collections and the relationships', async () => {
    const first = login('One');
    const body = {
      collections: [{ id: defaultCollection, name: enc('ignored') }, { name: enc('Imported') }],
      ciphers: [first, { type: 2, name: enc('Note'), secureNote: { type: 0 }, notes: enc('text') }],
      collectionRelationships: [
        { key: 0, value: 0 },
        { key: 0, value: 1 },
        { key: 1, value: 1 },
      ],
      folders: [],
      folderRelationships: [],
    };
    const res = await post(w.users.owner.accessToken, body);
    expect(res.status).toBe(200);
    const created = await t()
      .db.selectFrom('collections')
      .selectAll()
      .where('organization_id', '=', w.org.id)
      .where('name', '=', body.collections[1]!.name)
      .executeTakeFirstOrThrow();
    const ciphers = await t()
      .db.selectFrom('ciphers')
      .selectAll()
      .where('organization_id', '=', w.org.id)
      .orderBy('type')
      .execute();
    expect(ciphers.map((c) => c.type)).toEqual([1, 2]);
    expect(JSON.parse(ciphers[0]!.data)).toMatchObject({ name: first.name, login: first.login, fields: first.fields });
    const links = await t()
      .db.selectFrom('collection_ciphers')
      .selectAll()
      .where(
        'cipher_id',
        'in',
        ciphers.map((c) => c.id),
      )
      .execute();
    expect(links).toHaveLength(3);
    expect(links.filter((l) => l.collection_id === created.id)).toHaveLength(2);
    const events = await t()
      .db.selectFrom('events')
      .select('type')
      .where('organization_id', '=', w.org.id)
      .where('type', 'in', [1100, 1300])
      .execute();
    expect(events.map((e) => e.type).sort()).toEqual([1100, 1100, 1300, 1300]);
    // The owner (assigned to the default collection) now syncs the imported login.
    const sync = await t().http.get('/api/sync', { token: w.users.owner.accessToken });
    expect(sync.body.ciphers.map((c: any) => c.name)).toContain(first.name);
  });

  it('refuses members without rights on the collections, and too much data', async () => {
    const into = {
      collections: [{ id: defaultCollection, name: enc('x') }],
      ciphers: [login('x')],
      collectionRelationships: [{ key: 0, value: 0 }],
    };
    const res = await post(w.users.user.accessToken, into);
    expect(res.body).toMatchObject({
      object: 'error',
      message: 'Not enough privileges to import into this organization.',
    });
    const newOnly = await post(w.users.user.accessToken, {
      collections: [{ name: enc('Mine') }],
      ciphers: [login('y')],
      collectionRelationships: [{ key: 0, value: 0 }],
    });
    expect(newOnly.status).toBe(200);
    const many = await post(w.users.owner.accessToken, {
      collections: [],
      ciphers: Array.from({ length: 7001 }, () => ({ type: 2, name: '2.AAAA|AAAA|AAAA' })),
      collectionRelationships: [],
    });
    expect(many.body.message).toBe('You cannot import this much data at once.');
  });

  it('authorization matrix', async () => {
    const body = {
      collections: [{ id: defaultCollection, name: enc('x') }],
      ciphers: [login('m')],
      collectionRelationships: [{ key: 0, value: 0 }],
    };
    await expectMatrix(t(), w, IMPORTERS, (token) => post(token, body), { deniedStatus: 400 });
  });

  it('rejects bad bodies', async () => {
    const valid = {
      collections: [{ name: enc('C') }],
      ciphers: [login('c')],
      collectionRelationships: [{ key: 0, value: 0 }],
    };
    await expectRejected(t(), (body) => post(w.users.owner.accessToken, body), [
      ...badBodies(valid, { required: ['ciphers'] }),
      { label: 'relationship out of range', body: { ...valid, collectionRelationships: [{ key: 3, value: 0 }] } },
      { label: 'cipher type 9', body: { ...valid, ciphers: [{ ...login('c'), type: 9 }] } },
      { label: 'plain cipher name', body: { ...valid, ciphers: [{ ...login('c'), name: 'plain' }] } },
      { label: 'malformed collection name', body: { ...valid, collections: [{ name: '2.x|y' }] } },
      { label: 'cipher without name', body: { ...valid, ciphers: [{ type: 1 }] } },
    ]);
    const noOrg = await t().http.post('/api/ciphers/import-organization', {
      token: w.users.owner.accessToken,
      json: valid,
    });
    expect(noOrg.status).toBe(400);
  });
});
