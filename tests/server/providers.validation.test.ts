// Bad input for every provider request body (issue 5): 400 with the reference's validation body (413 when too
// large), and the database unchanged.
import { beforeAll, expect, it } from 'vitest';
import { makeAddExistingOrganization, makeProviderMemberConfirm } from '../../src-main/crypto/index';
import { describeServer } from './harness';
import { clientBody, tableCounts } from './providers/fixtures';
import { buildWorld, type World } from './providers/matrix';
import { createOrganization } from './users';

const long = (n: number) => 'x'.repeat(n);
const ENC = '2.AAAAAAAAAAAAAAAAAAAAAA==|AAAA|AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';

describeServer('providers: bad input', (t) => {
  let w: World;
  let cases: [string, string, string, unknown[]][];
  beforeAll(async () => {
    w = await buildWorld(t());
    const P = `/api/providers/${w.p.id}`;
    const { body: client } = await clientBody(w.p, { planType: 17, seats: 2 });
    const own = await createOrganization(t(), w.p.admin, { planType: 17 });
    const existing = makeAddExistingOrganization(own.id, own.orgKey, w.p.providerKey);
    const rsa = makeProviderMemberConfirm(w.p.providerKey, w.service.publicKey).key;
    const invited =
      (
        await t()
          .db.selectFrom('provider_users')
          .select('id')
          .where('provider_id', '=', w.p.id)
          .where('status', '=', 0)
          .executeTakeFirst()
      )?.id ?? w.serviceProviderUserId;
    const setup = { name: 'N', billingEmail: 'a@example.com', token: 'BwProviderSetupToken_x.y', key: rsa };
    cases = [
      [
        'PUT',
        P,
        'update provider',
        [
          undefined,
          {},
          { name: long(51), billingEmail: 'a@example.com' },
          { name: 5, billingEmail: 'a@example.com' },
          { name: 'A', billingEmail: 'not-an-email' },
          { name: 'A', businessName: long(51), billingEmail: 'a@example.com' },
          { name: '<'.repeat(13), billingEmail: 'a@example.com' },
        ],
      ],
      [
        'POST',
        `${P}/setup`,
        'setup',
        [
          undefined,
          {},
          { ...setup, key: ENC },
          { ...setup, key: '4.not base64!' },
          { ...setup, name: undefined },
          { ...setup, billingAddress: { country: 'USA', postalCode: '1' } },
          { ...setup, paymentMethod: { type: 'cash', token: 't' } },
          { ...setup, token: long(5000) },
        ],
      ],
      [
        'POST',
        `${P}/users/invite`,
        'invite',
        [
          undefined,
          {},
          { emails: 'a@example.com', type: 1 },
          { emails: Array.from({ length: 21 }, (_, i) => `u${i}@example.com`), type: 1 },
          { emails: ['nope'], type: 1 },
          { emails: [`${long(250)}@example.com`], type: 1 },
          { emails: ['a@example.com'], type: 2 },
          { emails: ['a@example.com'], type: '0' },
          { emails: [], type: 1 },
        ],
      ],
      ['POST', `${P}/users/reinvite`, 'bulk reinvite', [undefined, {}, { ids: ['nope'] }, { ids: [] }, { ids: 'x' }]],
      ['POST', `${P}/users/${invited}/accept`, 'accept', [undefined, {}, { token: long(5000) }, { token: 5 }]],
      [
        'POST',
        `${P}/users/public-keys`,
        'public keys',
        [undefined, { ids: [1] }, { ids: Array.from({ length: 501 }, () => crypto.randomUUID()) }],
      ],
      [
        'POST',
        `${P}/users/${w.serviceProviderUserId}/confirm`,
        'confirm',
        [undefined, {}, { key: ENC }, { key: '4.###' }, { key: long(3000) }],
      ],
      [
        'POST',
        `${P}/users/confirm`,
        'bulk confirm',
        [
          undefined,
          { keys: [] },
          { keys: [{ id: 'nope', key: rsa }] },
          { keys: [{ id: w.serviceProviderUserId, key: 'plain' }] },
        ],
      ],
      ['PUT', `${P}/users/${w.serviceProviderUserId}`, 'change type', [undefined, {}, { type: 5 }, { type: 'admin' }]],
      ['DELETE', `${P}/users`, 'bulk remove', [undefined, { ids: ['x'] }, { ids: [] }]],
      [
        'POST',
        `${P}/organizations/add`,
        'legacy add',
        [undefined, {}, { ...existing, key: '2.broken' }, { ...existing, organizationId: 'nope' }],
      ],
      [
        'POST',
        `${P}/organizations`,
        'legacy create',
        [
          undefined,
          {},
          { clientOwnerEmail: 'bad', organizationCreateRequest: {} },
          { clientOwnerEmail: 'a@example.com' },
        ],
      ],
      [
        'POST',
        `${P}/clients`,
        'create client',
        [
          undefined,
          {},
          { ...client, name: undefined },
          { ...client, name: long(51) },
          { ...client, ownerEmail: 'nope' },
          { ...client, planType: '17' },
          { ...client, seats: 0 },
          { ...client, seats: -1 },
          { ...client, seats: 1.5 },
          { ...client, key: 'not-enc' },
          { ...client, key: makeProviderMemberConfirm(w.p.providerKey, w.service.publicKey).key },
          { ...client, keyPair: undefined },
          { ...client, keyPair: { publicKey: '###', encryptedPrivateKey: ENC } },
          { ...client, collectionName: 'plain' },
          { ...client, collectionName: `2.${long(1000)}|a|b` },
        ],
      ],
      [
        'PUT',
        `${P}/clients/${w.clientPoId}`,
        'update client',
        [
          undefined,
          {},
          { assignedSeats: -1, name: 'A' },
          { assignedSeats: '5', name: 'A' },
          { assignedSeats: 5 },
          { assignedSeats: 5, name: long(51) },
        ],
      ],
      [
        'POST',
        `${P}/clients/existing`,
        'add existing',
        [undefined, {}, { ...existing, key: 'x' }, { ...existing, organizationId: 12 }],
      ],
      [
        'PUT',
        `${P}/billing/vnext/address`,
        'address',
        [
          undefined,
          {},
          { country: 'USA', postalCode: '1' },
          { country: 'US' },
          { country: 'US', postalCode: long(21) },
        ],
      ],
      [
        'PUT',
        `${P}/billing/vnext/payment-method`,
        'payment method',
        [undefined, {}, { type: 'cash', token: 't' }, { type: 'card' }],
      ],
    ];
  });

  it('answers 400 with validationErrors and changes nothing', async () => {
    const failures: string[] = [];
    let checked = 0;
    for (const [method, path, name, bodies] of cases) {
      for (const [i, body] of bodies.entries()) {
        checked++;
        const before = await tableCounts(t());
        const res = await t().http.request(method, path, {
          token: w.p.admin.accessToken,
          ...(body === undefined ? {} : { json: body }),
        });
        const after = await tableCounts(t());
        const ok =
          res.status === 400 &&
          res.body?.object === 'error' &&
          res.body.message === 'The model state is invalid.' &&
          res.body.validationErrors &&
          typeof res.body.validationErrors === 'object';
        if (!ok) failures.push(`${name} #${i}: ${res.status} ${res.text.slice(0, 200)}`);
        if (JSON.stringify(before) !== JSON.stringify(after)) failures.push(`${name} #${i}: database changed`);
        if (body === undefined && res.body?.validationErrors?.['']?.[0] !== 'Body is empty.')
          failures.push(`${name}: missing body not reported`);
      }
    }
    expect(failures).toEqual([]);
    expect(checked).toBeGreaterThan(80);
  });

  it('keys validation errors by property path', async () => {
    const res = await t().http.post(`/api/providers/${w.p.id}/users/confirm`, {
      token: w.p.admin.accessToken,
      json: { keys: [{ id: w.serviceProviderUserId, key: 'plain' }] },
    });
    expect(Object.keys(res.body.validationErrors)).toEqual(['Keys[0].Key']);
    const inv = await t().http.post(`/api/providers/${w.p.id}/users/invite`, {
      token: w.p.admin.accessToken,
      json: { emails: ['ok@example.com', 'bad'], type: 1 },
    });
    expect(Object.keys(inv.body.validationErrors)).toEqual(['Emails[1]']);
  });

  it('refuses bodies over the size limit with 413', async () => {
    const before = await tableCounts(t());
    const res = await t().http.post(`/api/providers/${w.p.id}/users/invite`, {
      token: w.p.admin.accessToken,
      raw: JSON.stringify({ emails: [long(6 * 1024 * 1024)], type: 1 }),
    });
    expect(res.status).toBe(413);
    expect(await tableCounts(t())).toEqual(before);
  });
});
