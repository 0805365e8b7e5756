// Policies (bitwarden-api.md §7.6): every type saved and read back, per-type data validation, SingleOrg
// dependencies, effects on members, the invitee's view, the authorization matrix and bad input.
import { beforeAll, expect, it } from 'vitest';
import { encryptToString } from '../../src-main/crypto/index';
import { POLICY_NAMES } from '../../src-server/domain/policyTypes';
import { describeServer } from './harness';
import { badBodies, expectMatrix, expectRejected, snapshot } from './orgAssertions';
import { addMember, buildWorld, createEnterpriseOrg, type Actor, type World } from './orgWorld';
import { createOrganization, registerAndLogin } from './users';

const MANAGERS: Actor[] = ['owner', 'admin', 'customWith'];

/** A valid `data` for every type (null where the type has none). */
const VALID_DATA: Record<number, unknown> = {
  1: {
    minComplexity: 3,
    minLength: 14,
    requireLower: true,
    requireUpper: true,
    requireNumbers: false,
    requireSpecial: null,
    enforceOnLogin: true,
  },
  2: {
    overridePasswordType: 'passphrase',
    minLength: 20,
    useUpper: true,
    minNumberWords: 5,
    capitalize: true,
    includeNumber: true,
  },
  7: { disableHideEmail: true },
  8: { autoEnrollEnabled: false },
  9: { minutes: 30, action: 'lock' },
  12: { idpHost: 'sso.example.com' },
  16: { uriMatchDetection: 1 },
  20: { message: 'Hello' },
  21: {
    disableSend: false,
    disableHideEmail: true,
    whoCanAccess: 1,
    allowedDomains: 'example.com',
    deletionHours: 48,
    allowedSendTypes: [0],
  },
  22: { rulesUrl: 'https://rules.example.com/fill.json' },
};

const INVALID_DATA: [number, unknown][] = [
  [1, { minLength: 5 }],
  [1, { minComplexity: 9 }],
  [1, { minLength: '12' }],
  [1, { unknownField: true }],
  [2, { overridePasswordType: 'pin' }],
  [7, { disableHideEmail: 'no' }],
  [8, { autoEnrollEnabled: 1 }],
  [9, { minutes: 0 }],
  [16, { uriMatchDetection: 9 }],
  [21, { whoCanAccess: 5 }],
  [21, { allowedDomains: 'x'.repeat(1001) }],
  [21, { allowedSendTypes: [7] }],
  [22, null],
  [22, { rulesUrl: 'http://insecure.example.com' }],
  [22, { rulesUrl: 'not a url' }],
  [0, 'a string'],
];

describeServer('org policies', (t) => {
  let w: World;
  const base = (orgId = w.org.id) => `/api/organizations/${orgId}/policies`;
  const put = (token: string | undefined, type: number, body: unknown, orgId?: string) =>
    t().http.put(`${base(orgId)}/${type}`, { ...(token ? { token } : {}), json: body });

  beforeAll(async () => {
    w = await buildWorld(t(), ['managePolicies']);
  });

  it('saves every policy type and reads it back; logs 1700', async () => {
    const token = w.users.owner.accessToken;
    expect((await put(token, 3, { policy: { enabled: true } })).status).toBe(200);
    for (const type of Object.keys(POLICY_NAMES).map(Number)) {
      if (type === 0 || type === 3) continue;
      const res = await put(token, type, { policy: { enabled: type !== 5, data: VALID_DATA[type] ?? null } });
      expect(res.status, `type ${type}: ${res.text}`).toBe(200);
      expect(res.body).toMatchObject({
        object: 'policy',
        organizationId: w.org.id,
        type,
        enabled: type !== 5,
        data: VALID_DATA[type] ?? null,
      });
      const event = await t()
        .db.selectFrom('events')
        .select('type')
        .where('policy_id', '=', res.body.id)
        .executeTakeFirstOrThrow();
      expect(event.type).toBe(1700);
      const one = await t().http.get(`${base()}/${type}`, { token });
      expect(one.body).toEqual({
        object: 'policyStatus',
        organizationId: w.org.id,
        type,
        data: VALID_DATA[type] ?? null,
        enabled: type !== 5,
        canToggleState: true,
      });
    }
    const list = await t().http.get(base(), { token });
    expect(list.body.data.map((p: any) => p.type)).toEqual(
      Object.keys(POLICY_NAMES)
        .map(Number)
        .filter((n) => n !== 0),
    );
    expect((await t().http.get(`${base()}/99`, { token })).status).toBe(404);
  });

  it('synthesizes SendControls when not saved, and refuses orgs without policies', async () => {
    const owner = await registerAndLogin(t());
    const org = await createEnterpriseOrg(t(), owner);
    const list = await t().http.get(base(org.id), { token: owner.accessToken });
    expect(list.body.data).toEqual([
      { object: 'policyStatus', organizationId: org.id, type: 21, data: null, enabled: false, canToggleState: true },
    ]);
    const freeOwner = await registerAndLogin(t());
    const free = await createOrganization(t(), freeOwner);
    const refused = await put(freeOwner.accessToken, 10, { policy: { enabled: true } }, free.id);
    expect(refused.body).toMatchObject({ object: 'error', message: 'This organization cannot use policies.' });
  });

  it('validates data per type; invalid data answers 400 and changes nothing', async () => {
    for (const [type, data] of INVALID_DATA) {
      const before = await snapshot(t());
      const res = await put(w.users.owner.accessToken, type, { policy: { enabled: true, data } });
      expect(res.status, `type ${type} ${JSON.stringify(data)}`).toBe(400);
      expect(res.body.message).toMatch(new RegExp(`^Invalid data for ${POLICY_NAMES[type]} policy`));
      expect(await snapshot(t())).toEqual(before);
    }
  });

  it('enforces the SingleOrg dependencies', async () => {
    const owner = await registerAndLogin(t());
    const org = await createEnterpriseOrg(t(), owner);
    const res = await put(owner.accessToken, 4, { policy: { enabled: true } }, org.id);
    expect(res.body).toMatchObject({
      object: 'error',
      message: 'Turn on the SingleOrg policy because it is required for the RequireSso policy.',
    });
    expect((await put(owner.accessToken, 3, { policy: { enabled: true } }, org.id)).status).toBe(200);
    expect((await put(owner.accessToken, 4, { policy: { enabled: true } }, org.id)).status).toBe(200);
    const off = await put(owner.accessToken, 3, { policy: { enabled: false } }, org.id);
    expect(off.body.message).toBe('Turn off the RequireSso policy because it requires the SingleOrg policy.');
  });

  it('revokes non-compliant members when TwoFactorAuthentication or SingleOrg is turned on; checks invitations', async () => {
    const owner = await registerAndLogin(t());
    const org = await createEnterpriseOrg(t(), owner);
    const member = await registerAndLogin(t());
    const memberId = await addMember(t(), org, owner, member, 2);
    const adminId = await addMember(t(), org, owner, await registerAndLogin(t()), 1);
    expect((await put(owner.accessToken, 0, { policy: { enabled: true } }, org.id)).status).toBe(200);
    const rows = await t()
      .db.selectFrom('organization_users')
      .select(['id', 'status', 'revocation_reason'])
      .where('id', 'in', [memberId, adminId])
      .execute();
    expect(rows.find((r) => r.id === memberId)).toMatchObject({ status: -1, revocation_reason: 2 });
    expect(rows.find((r) => r.id === adminId)).toMatchObject({ status: 2 });
    const e1520 = await t()
      .db.selectFrom('events')
      .select('organization_user_id')
      .where('type', '=', 1520)
      .where('organization_id', '=', org.id)
      .execute();
    expect(e1520).toEqual([{ organization_user_id: memberId }]);

    const org2 = await createEnterpriseOrg(t(), owner, 'Single');
    const both = await registerAndLogin(t());
    const inOrg2 = await addMember(t(), org2, owner, both, 2);
    await addMember(t(), await createEnterpriseOrg(t(), owner, 'Third'), owner, both, 2);
    expect((await put(owner.accessToken, 3, { policy: { enabled: true } }, org2.id)).status).toBe(200);
    expect(
      await t()
        .db.selectFrom('organization_users')
        .select(['status', 'revocation_reason'])
        .where('id', '=', inOrg2)
        .executeTakeFirstOrThrow(),
    ).toEqual({ status: -1, revocation_reason: 4 });
    // SingleOrg on: someone in another org cannot accept an invitation.
    await t().http.post(`/api/organizations/${org2.id}/users/invite`, {
      token: owner.accessToken,
      json: { emails: [w.users.user.email], type: 2 },
    });
    const mail = [...t().outbox()].reverse().find((m) => m.to === w.users.user.email)!;
    const accept = await t().http.post(`/api/organizations/${org2.id}/users/${mail.meta!.organizationUserId}/accept`, {
      token: w.users.user.accessToken,
      json: { token: mail.meta!.token },
    });
    expect(accept.body.message).toBe('You cannot accept this invite until you leave all other organization vaults.');
    // The invitee reads the enabled policies with the invitation token, without logging in.
    const q = new URLSearchParams({
      email: w.users.user.email,
      token: mail.meta!.token!,
      organizationUserId: mail.meta!.organizationUserId!,
    });
    const viaToken = await t().http.get(`${base(org2.id)}/token?${q}`);
    expect(viaToken.body.data.map((p: any) => p.type)).toEqual([3]);
    q.set('token', 'BwOrgUserInviteToken_bad.bad');
    expect((await t().http.get(`${base(org2.id)}/token?${q}`)).status).toBe(404);
  });

  it('creates default user collections when OrganizationDataOwnership is turned on with a name', async () => {
    const owner = await registerAndLogin(t());
    const org = await createEnterpriseOrg(t(), owner);
    const res = await put(
      owner.accessToken,
      5,
      { policy: { enabled: true }, metadata: { defaultUserCollectionName: encryptToString('My Items', org.orgKey) } },
      org.id,
    );
    expect(res.status).toBe(200);
    const rows = await t()
      .db.selectFrom('collections')
      .select(['type', 'default_user_collection_email'])
      .where('organization_id', '=', org.id)
      .where('type', '=', 1)
      .execute();
    expect(rows).toEqual([{ type: 1, default_user_collection_email: owner.email }]);
  });

  it('serves the master-password policy to linked users only', async () => {
    expect((await t().http.get(`${base()}/master-password`, { token: w.users.user.accessToken })).body).toMatchObject({
      object: 'policy',
      type: 1,
      enabled: true,
    });
    expect((await t().http.get(`${base()}/master-password`, { token: w.users.outsider.accessToken })).status).toBe(404);
  });

  it('authorization matrix: GET list, GET one, PUT', async () => {
    await expectMatrix(t(), w, MANAGERS, (token) => t().http.get(base(), token ? { token } : {}));
    await expectMatrix(t(), w, MANAGERS, (token) => t().http.get(`${base()}/1`, token ? { token } : {}));
    await expectMatrix(t(), w, MANAGERS, (token) => put(token, 10, { policy: { enabled: true } }), {
      probe: (token) => put(token, 10, { policy: 'x' }),
      allowedStatus: 400,
    });
  });

  it('rejects bad bodies', async () => {
    const token = w.users.owner.accessToken;
    const valid = {
      policy: { enabled: true, data: null },
      metadata: { defaultUserCollectionName: encryptToString('My Items', w.org.orgKey) },
    };
    await expectRejected(t(), (body) => put(token, 6, body), [
      ...badBodies(valid, { required: ['policy'] }),
      { label: 'enabled missing', body: { policy: { data: null } } },
      { label: 'enabled wrong type', body: { policy: { enabled: 'true' } } },
      { label: 'malformed metadata name', body: { ...valid, metadata: { defaultUserCollectionName: 'My Items' } } },
      { label: 'oversized free data', body: { policy: { enabled: true, data: { blob: 'x'.repeat(20_000) } } } },
    ]);
  });
});
