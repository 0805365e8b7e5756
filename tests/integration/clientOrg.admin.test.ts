// The per-client admin console against a real backend: a provider admin opens a client org created through the
// provider path and runs members (invite → accept → confirm with the fingerprint → revoke → restore → remove),
// groups, nested collections, policies, OIDC SSO, subscription and license through `dispatch` (so every input
// and output passes the contract). Bad input answers `validation` and changes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeskError } from '../../src-shared/contract';
import { fingerprintPhrase, rsaDecapsulate } from '../../src-main/crypto';
import { startTestServer, type TestServer } from '../server/harness';
import type { TestUser } from '../server/users';
import { acceptInvitation, clientOrgWorld, newUser, signIn, type ClientOrgWorld } from './clientOrgHarness';
import { startDesk, type DeskUnderTest } from './deskHarness';

let t: TestServer;
let w: ClientOrgWorld;
let d: DeskUnderTest;
let org: { organizationId: string };
let member: TestUser;
let memberId: string;
let ownerId: string;

const ENCSTRING = /"[0-9]\.[A-Za-z0-9+/=]{16,}\|/;

async function expectValidation(call: Promise<unknown>) {
  const error = await call.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DeskError);
  expect((error as DeskError).code).toBe('validation');
}

const dbCount = async (table: 'organization_users' | 'groups' | 'collections' | 'policies' | 'sso_configs') =>
  Number(
    (
      await t.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('n'))
        .where('organization_id', '=', org.organizationId)
        .executeTakeFirstOrThrow()
    ).n,
  );

beforeAll(async () => {
  t = await startTestServer('sqlite');
  w = await clientOrgWorld(t);
  member = await newUser(t, 'Member');
  org = { organizationId: w.client.orgId };
  d = startDesk();
  await signIn(d, t, w.provider.admin);
});
afterAll(async () => {
  d?.dispose();
  await t?.close();
});

describe('overview', () => {
  it('shows the client with the acting-provider facts and the pages its plan offers', async () => {
    const overview = await d.call('org.overview', org);
    expect(overview).toMatchObject({
      organizationId: w.client.orgId,
      name: 'Contoso',
      planType: 19,
      productTier: 'enterprise',
      seats: 20,
      actingAs: {
        kind: 'provider',
        providerId: w.provider.id,
        providerName: 'Acme MSP',
        providerType: 'msp',
        providerRole: 'providerAdmin',
      },
      keyAvailable: true,
      pages: { members: true, groups: true, collections: true, policies: true, sso: true, import: true, events: true },
    });
  });
});

describe('members', () => {
  it('lists the invited owner', async () => {
    const { members } = await d.call('org.members.list', org);
    expect(members).toEqual([
      expect.objectContaining({ email: w.owner.email, role: 'owner', status: 'invited', lastConfirmedOwner: false }),
    ]);
    ownerId = members[0]!.id;
  });

  it('invites a member with collection access; the member accepts over HTTP', async () => {
    const defaultCollection = (await d.call('org.collections.list', { ...org, includeAccess: false })).collections[0]!;
    expect(defaultCollection.name).toBe('Default collection');
    const result = await d.call('org.members.invite', {
      ...org,
      emails: [member.email.toUpperCase(), w.owner.email],
      role: 'custom',
      permissions: { manageGroups: true, accessEventLogs: true },
      collections: [{ id: defaultCollection.id, access: 'canViewExceptPasswords' }],
    });
    expect(result).toEqual({ invited: [member.email], alreadyMembers: [w.owner.email] });
    memberId = await acceptInvitation(t, w.client.orgId, member);
    const listed = (await d.call('org.members.list', org)).members.find((m) => m.id === memberId);
    expect(listed).toMatchObject({
      email: member.email,
      role: 'custom',
      status: 'accepted',
      twoFactorEnabled: false,
      accountRecoveryEnrolled: false,
      collections: [{ id: defaultCollection.id, access: 'canViewExceptPasswords' }],
    });
    expect(listed?.permissions).toMatchObject({ manageGroups: true, accessEventLogs: true, manageUsers: false });
  });

  it('shows the fingerprint phrase computed from the member key, and confirms with it', async () => {
    const details = await d.call('org.members.confirmationDetails', { ...org, ids: [memberId, ownerId] });
    const expected = await fingerprintPhrase(member.id, member.publicKey);
    expect(details.members).toEqual([
      { id: memberId, name: 'Member', email: member.email, fingerprint: expected, error: null },
      expect.objectContaining({ id: ownerId, fingerprint: null, error: expect.stringMatching(/not accepted/) }),
    ]);

    // A phrase that does not match the key the server hands out now refuses that member.
    const wrong = await d.call('org.members.confirm', {
      ...org,
      members: [{ id: memberId, fingerprint: 'abacus-abacus-abacus-abacus-abacus' }],
    });
    expect(wrong).toMatchObject({
      succeeded: 0,
      results: [{ id: memberId, ok: false, error: expect.stringMatching(/key changed/) }],
    });
    expect((await d.call('org.members.list', org)).members.find((m) => m.id === memberId)?.status).toBe('accepted');

    const confirmed = await d.call('org.members.confirm', {
      ...org,
      members: [{ id: memberId, fingerprint: expected }],
    });
    expect(confirmed).toEqual({
      succeeded: 1,
      failed: 0,
      results: [{ id: memberId, ok: true, error: null, lastOwner: false }],
    });
    // The member now holds the org key, wrapped to their own public key.
    const row = await t.db
      .selectFrom('organization_users')
      .select('key')
      .where('id', '=', memberId)
      .executeTakeFirstOrThrow();
    expect(Buffer.from(rsaDecapsulate(row.key!, member.privateKey))).toEqual(Buffer.from(w.client.orgKey));
  });

  it('revokes, restores and removes, one and many', async () => {
    const revoked = await d.call('org.members.revoke', { ...org, ids: [memberId] });
    expect(revoked.succeeded).toBe(1);
    expect((await d.call('org.members.list', org)).members.find((m) => m.id === memberId)).toMatchObject({
      status: 'revoked',
      revocationReason: 1,
    });
    expect((await d.call('org.members.revoke', { ...org, ids: [memberId] })).results[0]).toMatchObject({
      ok: false,
      error: 'Already revoked.',
    });
    const restored = await d.call('org.members.restore', { ...org, ids: [memberId] });
    expect(restored.succeeded).toBe(1);
    expect((await d.call('org.members.list', org)).members.find((m) => m.id === memberId)?.status).toBe('confirmed');

    const reinvited = await d.call('org.members.reinvite', { ...org, ids: [ownerId, memberId] });
    expect(reinvited.results.map((r) => r.ok)).toEqual([true, false]);

    const extra = await newUser(t, 'Extra');
    await d.call('org.members.invite', { ...org, emails: [extra.email], role: 'user' });
    const extraId = (await d.call('org.members.list', org)).members.find((m) => m.email === extra.email)!.id;
    const removed = await d.call('org.members.remove', { ...org, ids: [memberId, extraId] });
    expect(removed).toMatchObject({ succeeded: 2, failed: 0 });
    expect((await d.call('org.members.list', org)).members.map((m) => m.email)).toEqual([w.owner.email]);
  });

  it('keeps the last confirmed owner: remove, revoke and demote are refused with a clear reason', async () => {
    await acceptInvitation(t, w.client.orgId, w.owner);
    const phrase = await fingerprintPhrase(w.owner.id, w.owner.publicKey);
    await d.call('org.members.confirm', { ...org, members: [{ id: ownerId, fingerprint: phrase }] });
    const owner = (await d.call('org.members.list', org)).members.find((m) => m.id === ownerId);
    expect(owner).toMatchObject({ status: 'confirmed', lastConfirmedOwner: true });

    for (const action of ['org.members.remove', 'org.members.revoke'] as const) {
      const result = await d.call(action, { ...org, ids: [ownerId] });
      expect(result.results).toEqual([
        { id: ownerId, ok: false, lastOwner: true, error: expect.stringMatching(/at least one confirmed owner/) },
      ]);
    }
    const demote = d.call('org.members.update', { ...org, id: ownerId, role: 'admin', collections: [], groups: [] });
    await expect(demote).rejects.toMatchObject({ code: 'conflict', message: expect.stringMatching(/confirmed owner/) });
    expect((await d.call('org.members.list', org)).members.find((m) => m.id === ownerId)).toMatchObject({
      role: 'owner',
      status: 'confirmed',
    });
  });

  it('refuses bad input with `validation` and invites nobody', async () => {
    const before = await dbCount('organization_users');
    const emails = Array.from({ length: 21 }, (_, i) => `x${i}@example.com`);
    await expectValidation(d.call('org.members.invite', { ...org, emails, role: 'user' }));
    await expectValidation(
      d.call('org.members.invite', {
        ...org,
        emails: ['a@example.com'],
        role: 'admin',
        permissions: { manageSso: true },
      }),
    );
    await expectValidation(
      d.call('org.members.invite', { ...org, emails: ['a@example.com'], role: 'user', groups: ['x'] }),
    );
    expect(await dbCount('organization_users')).toBe(before);
  });
});

describe('groups and collections', () => {
  let engineering: string;
  let backend: string;
  let groupId: string;

  it('creates a nested collection, encrypted with the org key on the server', async () => {
    engineering = (await d.call('org.collections.create', { ...org, name: 'Engineering' })).collection.id;
    const created = await d.call('org.collections.create', { ...org, name: ' Backend ', parentId: engineering });
    expect(created.collection).toMatchObject({
      name: 'Engineering/Backend',
      path: ['Engineering', 'Backend'],
      parentId: engineering,
    });
    backend = created.collection.id;
    const stored = await t.db
      .selectFrom('collections')
      .select('name')
      .where('id', '=', backend)
      .executeTakeFirstOrThrow();
    expect(stored.name).toMatch(/^2\./);
  });

  it('creates a group with the owner and gives it access to the nested collection', async () => {
    const { group } = await d.call('org.groups.create', {
      ...org,
      name: 'Developers',
      memberIds: [ownerId],
      collections: [{ id: backend, access: 'canEditExceptPasswords' }],
    });
    groupId = group.id;
    const { groups } = await d.call('org.groups.list', org);
    expect(groups).toEqual([
      {
        id: groupId,
        name: 'Developers',
        externalId: null,
        collections: [{ id: backend, access: 'canEditExceptPasswords' }],
        memberIds: [ownerId],
      },
    ]);
  });

  it('lists collections with decrypted names, parents and access; the listing shows nothing encrypted', async () => {
    const listing = await d.call('org.collections.list', org);
    expect(listing.collections.map((c) => c.name)).toEqual([
      'Default collection',
      'Engineering',
      'Engineering/Backend',
    ]);
    expect(listing.collections.find((c) => c.id === backend)).toMatchObject({
      parentId: engineering,
      kind: 'shared',
      groups: [{ id: groupId, access: 'canEditExceptPasswords' }],
    });
    expect(JSON.stringify(listing)).not.toMatch(ENCSTRING);
    // Opening the collections view as a provider user is logged (provider-portal.md §12).
    const events = await t.db.selectFrom('events').select('type').where('type', 'in', [1603, 1903]).execute();
    expect(new Set(events.map((e) => e.type))).toEqual(new Set([1603, 1903]));
  });

  it('renames and moves a collection, and edits a group', async () => {
    const renamed = await d.call('org.collections.update', { ...org, id: backend, name: 'Platform' });
    expect(renamed.collection.name).toBe('Engineering/Platform');
    const moved = await d.call('org.collections.update', {
      ...org,
      id: backend,
      parentId: null,
      members: [{ id: ownerId, access: 'canManage' }],
    });
    expect(moved.collection).toMatchObject({
      name: 'Platform',
      parentId: null,
      members: [{ id: ownerId, access: 'canManage' }],
    });
    await expectValidation(d.call('org.collections.update', { ...org, id: engineering, parentId: engineering }));
    const { group } = await d.call('org.groups.update', { ...org, id: groupId, name: 'Devs', memberIds: [] });
    expect(group).toMatchObject({ name: 'Devs', memberIds: [], collections: [] });
    expect((await d.call('org.groups.list', org)).groups[0]).toMatchObject({
      name: 'Devs',
      memberIds: [],
      collections: [],
    });
  });

  it('refuses bad input and deletes', async () => {
    const before = [await dbCount('collections'), await dbCount('groups')];
    await expectValidation(d.call('org.collections.create', { ...org, name: ' / ' }));
    // 688 bytes: the first length whose EncString passes the server's 1000 characters (687 is the most).
    await expectValidation(d.call('org.collections.create', { ...org, name: 'x'.repeat(688) }));
    await expectValidation(d.call('org.collections.create', { ...org, name: 'é'.repeat(344) }));
    await expectValidation(d.call('org.groups.create', { ...org, name: '' }));
    await expectValidation(d.call('org.groups.create', { ...org, name: 'g'.repeat(101) }));
    expect([await dbCount('collections'), await dbCount('groups')]).toEqual(before);
    expect(await d.call('org.groups.delete', { ...org, ids: [groupId] })).toEqual({ deleted: 1 });
    expect(await d.call('org.collections.delete', { ...org, ids: [backend] })).toEqual({ deleted: 1 });
    expect(
      (await d.call('org.collections.list', { ...org, includeAccess: false })).collections.map((c) => c.name),
    ).toEqual(['Default collection', 'Engineering']);
  });
});

describe('policies', () => {
  it('lists every policy type with its plan gating', async () => {
    const { usePolicies, policies } = await d.call('org.policies.list', org);
    expect(usePolicies).toBe(true);
    expect(policies).toHaveLength(23);
    expect(policies.filter((p) => !p.available).map((p) => [p.type, p.unavailableReason])).toEqual([
      [18, 'Provider users cannot turn this policy on.'],
    ]);
    expect(policies.find((p) => p.type === 21)).toMatchObject({ enabled: false, hasData: true });
  });

  it('enables two policies with their settings', async () => {
    await d.call('org.policies.update', { ...org, type: 3, enabled: true });
    const { policy } = await d.call('org.policies.update', {
      ...org,
      type: 1,
      enabled: true,
      data: { minComplexity: 3, minLength: 14, requireUpper: true, enforceOnLogin: true },
    });
    expect(policy).toMatchObject({
      type: 1,
      enabled: true,
      data: { minComplexity: 3, minLength: 14, requireUpper: true },
    });
    const listed = (await d.call('org.policies.list', org)).policies.filter((p) => p.enabled).map((p) => p.type);
    expect(listed).toEqual([1, 3]);
  });

  it('refuses bad settings before the server and keeps the saved ones', async () => {
    await expectValidation(d.call('org.policies.update', { ...org, type: 1, enabled: true, data: { minLength: 6 } }));
    await expectValidation(d.call('org.policies.update', { ...org, type: 9, enabled: true }));
    // The server's own rule: Single organization cannot go while a dependent policy is on.
    await d.call('org.policies.update', { ...org, type: 8, enabled: true, data: { autoEnrollEnabled: false } });
    await expectValidation(d.call('org.policies.update', { ...org, type: 3, enabled: false }));
    const saved = (await d.call('org.policies.list', org)).policies.find((p) => p.type === 1);
    expect(saved?.data).toMatchObject({ minLength: 14 });
    expect((await d.call('org.policies.list', org)).policies.find((p) => p.type === 3)?.enabled).toBe(true);
  });
});

describe('SSO', () => {
  const oidc = {
    type: 'oidc' as const,
    authority: 'https://login.example.com',
    clientId: 'provider-desk',
    clientSecret: 'oidc-secret-1',
  };

  it('saves OpenID Connect settings and gives the values the identity provider needs', async () => {
    const saved = await d.call('org.sso.save', { ...org, enabled: true, identifier: 'contoso-sso', config: oidc });
    expect(saved).toMatchObject({
      enabled: true,
      identifier: 'contoso-sso',
      memberDecryption: 'masterPassword',
      clientSecretSaved: true,
      config: {
        type: 'oidc',
        authority: 'https://login.example.com',
        clientId: 'provider-desk',
        redirectBehavior: 'redirectGet',
      },
      serviceProvider: {
        callbackUrl: `${t.url}/sso/oidc-signin`,
        signedOutCallbackUrl: `${t.url}/sso/oidc-signedout`,
        spEntityId: `${t.url}/sso/saml2/${w.client.orgId}`,
        spAcsUrl: `${t.url}/sso/saml2/${w.client.orgId}/Acs`,
      },
    });
    expect(JSON.stringify(saved)).not.toContain('oidc-secret-1');
    // Built from the server address, they match what the server itself reports.
    const raw = await t.http.get(`/api/organizations/${w.client.orgId}/sso`, { token: w.provider.admin.accessToken });
    expect(raw.body.urls.callbackPath).toBe(saved.serviceProvider.callbackUrl);
    expect(raw.body.urls.spAcsUrl).toBe(saved.serviceProvider.spAcsUrl);
  });

  it('keeps the saved client secret when the form leaves it empty', async () => {
    const { clientSecret: _secret, ...withoutSecret } = oidc;
    const saved = await d.call('org.sso.save', {
      ...org,
      enabled: true,
      identifier: 'contoso-sso',
      config: { ...withoutSecret, additionalScopes: 'groups' },
    });
    expect(saved.config).toMatchObject({ additionalScopes: 'groups' });
    const row = await t.db
      .selectFrom('sso_configs')
      .select('data')
      .where('organization_id', '=', w.client.orgId)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(row.data ?? '{}').clientSecret).toBe('oidc-secret-1');
    expect(await d.call('org.sso.get', org)).toEqual(saved);
  });

  it('refuses incomplete settings and saves nothing', async () => {
    const before = await t.db
      .selectFrom('sso_configs')
      .select('data')
      .where('organization_id', '=', w.client.orgId)
      .executeTakeFirstOrThrow();
    await expectValidation(
      d.call('org.sso.save', { ...org, enabled: true, identifier: 'x', config: { ...oidc, clientId: '' } }),
    );
    await expectValidation(
      d.call('org.sso.save', {
        ...org,
        enabled: true,
        identifier: 'x',
        config: {
          type: 'saml',
          idpEntityId: 'https://idp',
          idpSingleSignOnServiceUrl: 'https://idp/sso',
          idpX509PublicCert: 'not a certificate',
        },
      }),
    );
    const after = await t.db
      .selectFrom('sso_configs')
      .select('data')
      .where('organization_id', '=', w.client.orgId)
      .executeTakeFirstOrThrow();
    expect(after.data).toBe(before.data);
  });
});

describe('subscription and license', () => {
  it('shows seats and plan, and links to the provider that bills the client', async () => {
    const subscription = await d.call('org.subscription', org);
    expect(subscription).toMatchObject({
      planType: 19,
      seats: 20,
      occupiedSeats: 1,
      remainingSeats: 19,
      provider: { id: w.provider.id, name: 'Acme MSP', consolidatedBilling: true },
    });
  });

  it('downloads the self-hosted license for an installation id', async () => {
    const installationId = '6f2b8a1c-3d4e-4f50-8a6b-7c8d9e0f1a2b';
    const license = await d.call('org.license.download', { ...org, installationId });
    expect(license.fileName).toBe('bitwarden_organization_license.json');
    expect(JSON.parse(license.text)).toMatchObject({ id: w.client.orgId, installationId, name: 'Contoso' });
    await expectValidation(d.call('org.license.download', { ...org, installationId: 'not-an-id' }));
  });
});
