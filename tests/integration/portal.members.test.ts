// Provider members through the desk against a real backend: invite → the person accepts (HTTP, as that user) →
// confirm with the fingerprint computed in main → the member can read the provider key; change role, remove,
// and the last-admin guard.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fingerprintPhrase, unwrapProviderKey } from '../../src-main/crypto/index';
import { startTestServer, type TestServer } from '../server/harness';
import { createProvider, inviteMail, newUser, tableCounts, type TestProvider } from '../server/providers/fixtures';
import type { TestUser } from '../server/users';
import { SELF_SKIPPED } from '../../src-shared/contract/selfSkip';
import { andSynced, failure, signIn, type SignedIn } from './portalHarness';

let t: TestServer;
let p: TestProvider;
let admin: SignedIn;
let tech: TestUser;
let techId: string;

beforeAll(async () => {
  t = await startTestServer('sqlite');
  p = await createProvider(t, { name: 'Acme MSP' });
  admin = await signIn(t, p.admin);
  tech = await newUser(t, 'Tech');
});
afterAll(async () => {
  admin?.d.dispose();
  await t?.close();
});

const member = (id: string) => t.db.selectFrom('provider_users').selectAll().where('id', '=', id).executeTakeFirst();
const cachedMembers = () => admin.cache.members.get(p.id) ?? [];

describe('invite', () => {
  it('refuses more than 20 addresses, bad addresses and bad roles, changing nothing', async () => {
    const before = await tableCounts(t);
    const many = Array.from({ length: 21 }, (_, i) => `person${i}@example.com`).join(', ');
    for (const bad of [
      { providerId: p.id, emails: many, type: 1 },
      { providerId: p.id, emails: 'a@example.com, nope', type: 1 },
      { providerId: p.id, emails: '', type: 1 },
      { providerId: p.id, emails: ['a@example.com'], type: 2 },
    ]) {
      expect((await failure(admin.d.call('providerMembers.invite', bad as never))).code).toBe('validation');
    }
    expect(await tableCounts(t)).toEqual(before);
  });

  it('invites a comma-separated list, skipping people already invited', async () => {
    const result = await andSynced(admin, () =>
      admin.d.call('providerMembers.invite', {
        providerId: p.id,
        emails: `${tech.email.toUpperCase()}, spare@example.com , ${p.admin.email}`,
        type: 1,
      }),
    );
    expect(result.invited.map((i) => i.email).sort()).toEqual([tech.email, 'spare@example.com'].sort());
    expect(result.skipped).toEqual([p.admin.email]);
    techId = result.invited.find((i) => i.email === tech.email)!.id;
    expect(inviteMail(t, tech.email).providerUserId).toBe(techId);
    expect(cachedMembers().find((m) => m.id === techId)).toMatchObject({ status: 0, type: 1 });

    const again = await admin.d.call('providerMembers.invite', { providerId: p.id, emails: [tech.email], type: 1 });
    expect(again).toEqual({ invited: [], skipped: [tech.email] });
    const reinvited = await admin.d.call('providerMembers.reinvite', { providerId: p.id, ids: [techId] });
    expect(reinvited).toEqual({ results: [{ id: techId, ok: true, error: null }], succeeded: 1, failed: 0 });
  });
});

describe('accept and confirm', () => {
  it('confirms with the fingerprint shown; the member can then read the provider key', async () => {
    // Not accepted yet: nothing to confirm.
    const early = await admin.d.call('providerMembers.confirmationDetails', { providerId: p.id, ids: [techId] });
    expect(early).toEqual({ members: [], notAwaiting: [techId] });

    const { token } = inviteMail(t, tech.email);
    const accepted = await t.http.post(`/api/providers/${p.id}/users/${techId}/accept`, {
      token: tech.accessToken,
      json: { token },
    });
    expect(accepted.status).toBe(200);

    const expected = await fingerprintPhrase(tech.id, tech.publicKey);
    const details = await admin.d.call('providerMembers.confirmationDetails', { providerId: p.id, ids: [techId] });
    expect(details).toEqual({ members: [{ id: techId, userId: tech.id, fingerprint: expected }], notAwaiting: [] });

    // A phrase that is not this key's is refused for that member.
    const wrongPhrase = 'abacus-abacus-abacus-abacus-abacus';
    const refused = await admin.d.call('providerMembers.confirm', {
      providerId: p.id,
      members: [{ id: techId, fingerprint: wrongPhrase }],
    });
    expect(refused).toMatchObject({ succeeded: 0, failed: 1, results: [{ id: techId, ok: false }] });
    expect((await member(techId))?.status).toBe(1);

    const confirmed = await andSynced(admin, () =>
      admin.d.call('providerMembers.confirm', { providerId: p.id, members: [{ id: techId, fingerprint: expected }] }),
    );
    expect(confirmed).toEqual({ results: [{ id: techId, ok: true, error: null }], succeeded: 1, failed: 0 });
    expect(cachedMembers().find((m) => m.id === techId)).toMatchObject({ status: 2 });

    // The member's profile now carries the provider key wrapped to them, and it is the provider's key.
    const profile = await t.http.get('/api/accounts/profile', { token: tech.accessToken });
    const wrapped = profile.body.providers.find((x: { id: string }) => x.id === p.id).key;
    expect(Buffer.from(unwrapProviderKey(wrapped, tech.privateKey))).toEqual(Buffer.from(p.providerKey));
    // And through the desk, the member sees the provider's clients with their keys.
    const techDesk = await signIn(t, tech);
    expect(techDesk.cache.batches.find((b) => b.kind === 'profile')).toMatchObject({
      profile: { providers: [expect.objectContaining({ id: p.id, userStatus: 2, userType: 1 })] },
    });
    techDesk.d.dispose();
  });
});

describe('roles and removal', () => {
  it('changes roles, and keeps the last confirmed provider admin', async () => {
    const lastAdmin = await failure(
      admin.d.call('providerMembers.changeRole', { providerId: p.id, id: p.adminProviderUserId, type: 1 }),
    );
    expect(lastAdmin).toMatchObject({ code: 'conflict', message: expect.stringContaining('at least one confirmed') });
    expect((await member(p.adminProviderUserId))?.type).toBe(0);

    const promoted = await andSynced(admin, () =>
      admin.d.call('providerMembers.changeRole', { providerId: p.id, id: techId, type: 0 }),
    );
    expect(promoted).toEqual({ id: techId, type: 0 });
    expect(cachedMembers().find((m) => m.id === techId)).toMatchObject({ type: 0 });
    // With a second admin, the first may step down; then the second is the last admin again.
    await admin.d.call('providerMembers.changeRole', { providerId: p.id, id: techId, type: 1 });
  });

  it('removes one or many, skipping your own row, and keeps the last admin', async () => {
    const self = [p.adminProviderUserId];
    const skipped = { id: p.adminProviderUserId, ok: false, error: SELF_SKIPPED };
    // Your own row is never sent: alone it is skipped, even as the only confirmed admin.
    expect(await admin.d.call('providerMembers.remove', { providerId: p.id, ids: self })).toEqual({
      results: [skipped],
      succeeded: 0,
      failed: 1,
    });
    const spare = (
      await t.db
        .selectFrom('provider_users')
        .select('id')
        .where('provider_id', '=', p.id)
        .where('email', '=', 'spare@example.com')
        .executeTakeFirstOrThrow()
    ).id;
    // The only admin with their own row selected: the server would refuse every row (no admin left); the others go.
    await admin.d.call('providerMembers.changeRole', { providerId: p.id, id: techId, type: 1 });
    const withSelf = await admin.d.call('providerMembers.remove', { providerId: p.id, ids: [spare, ...self] });
    expect(withSelf).toEqual({ results: [{ id: spare, ok: true, error: null }, skipped], succeeded: 1, failed: 1 });
    expect(await member(spare)).toBeUndefined();
    // Another admin goes like anyone else.
    await admin.d.call('providerMembers.changeRole', { providerId: p.id, id: techId, type: 0 });
    const removed = await andSynced(admin, () =>
      admin.d.call('providerMembers.remove', { providerId: p.id, ids: [techId] }),
    );
    expect(removed).toMatchObject({ succeeded: 1, failed: 0 });
    expect(await member(techId)).toBeUndefined();
    expect(cachedMembers().map((m) => m.id)).toEqual([p.adminProviderUserId]);
    expect((await failure(admin.d.call('providerMembers.remove', { providerId: p.id, ids: [] }))).code).toBe(
      'validation',
    );
  });
});
