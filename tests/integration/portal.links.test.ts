// Setup and invitation links through the desk against a real backend: a setup link from `provider-invite` creates
// the provider (its key made and wrapped in main); an invitation link is accepted by the invitee; app links
// (`providerdesk://`) opened by the OS are pushed to the renderer and kept until it asks.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unwrapProviderKey } from '../../src-main/crypto/index';
import { startTestServer, type TestServer } from '../server/harness';
import { newUser, pendingProvider } from '../server/providers/fixtures';
import type { TestUser } from '../server/users';
import { andSynced, failure, signIn, type SignedIn } from './portalHarness';

let t: TestServer;
let owner: TestUser;
let ownerDesk: SignedIn;
let providerId: string;
let setupLink: string;

beforeAll(async () => {
  t = await startTestServer('sqlite');
  owner = await newUser(t, 'Owner');
  ({ providerId, link: setupLink } = await pendingProvider(t, owner.email));
  ownerDesk = await signIn(t, owner);
});
afterAll(async () => {
  ownerDesk?.d.dispose();
  await t?.close();
});

describe('links.parse', () => {
  it('reads the setup link and matches it to the signed-in account', async () => {
    const info = await ownerDesk.d.call('links.parse', { url: setupLink });
    expect(info).toEqual({
      kind: 'setupProvider',
      linkId: expect.any(String),
      providerId,
      email: owner.email,
      server: { kind: 'selfHosted', baseUrl: t.url },
      serverLabel: new URL(t.url).host,
      matchingAccountId: ownerDesk.accountId,
    });
    expect(JSON.stringify(info)).not.toContain(new URL(setupLink).searchParams.get('token'));
    for (const url of [
      '',
      'hello',
      'https://example.com/providers/other?providerId=x',
      'ftp://x/providers/setup-provider',
    ]) {
      expect((await failure(ownerDesk.d.call('links.parse', { url }))).code).toBe('validation');
    }
  });
});

describe('links.setupProvider', () => {
  it('refuses another account and bad input, then sets the provider up for the invited owner', async () => {
    const stranger = await signIn(t, await newUser(t, 'Stranger'));
    const theirs = await stranger.d.call('links.parse', { url: setupLink });
    expect(theirs.matchingAccountId).toBeNull();
    const wrongAccount = await failure(
      stranger.d.call('links.setupProvider', { linkId: theirs.linkId, name: 'Hijack', billingEmail: 'x@y.example' }),
    );
    expect(wrongAccount).toMatchObject({ code: 'forbidden', message: expect.stringContaining(owner.email) });
    stranger.d.dispose();

    const { linkId } = await ownerDesk.d.call('links.parse', { url: setupLink });
    const input = { linkId, name: 'Contoso MSP', billingEmail: 'billing@contoso.example' };
    for (const bad of [
      { ...input, name: '' },
      { ...input, billingEmail: 'billing' },
      { ...input, billingAddress: { country: 'USA', postalCode: '1' } },
    ]) {
      expect((await failure(ownerDesk.d.call('links.setupProvider', bad))).code).toBe('validation');
    }
    const pending = await t.db
      .selectFrom('providers')
      .selectAll()
      .where('id', '=', providerId)
      .executeTakeFirstOrThrow();
    expect(pending.status).toBe(0);

    const done = await andSynced(ownerDesk, () =>
      ownerDesk.d.call('links.setupProvider', { ...input, billingAddress: { country: 'us', postalCode: '10001' } }),
    );
    expect(done).toEqual({ providerId, name: 'Contoso MSP' });
    const provider = await t.db
      .selectFrom('providers')
      .selectAll()
      .where('id', '=', providerId)
      .executeTakeFirstOrThrow();
    expect(provider).toMatchObject({ name: 'Contoso MSP', billing_email: 'billing@contoso.example', status: 2 });
    const row = await t.db
      .selectFrom('provider_users')
      .selectAll()
      .where('provider_id', '=', providerId)
      .executeTakeFirstOrThrow();
    expect(unwrapProviderKey(row.key!, owner.privateKey)).toHaveLength(64);
    expect(ownerDesk.cache.batches.filter((b) => b.kind === 'profile').at(-1)).toMatchObject({
      profile: { providers: [expect.objectContaining({ id: providerId, userType: 0, userStatus: 2 })] },
    });
    // The link was used up; the server refuses it a second time.
    expect((await failure(ownerDesk.d.call('links.setupProvider', input))).code).toBe('not_found');
    const again = await ownerDesk.d.call('links.parse', { url: setupLink });
    expect(await failure(ownerDesk.d.call('links.setupProvider', { ...input, linkId: again.linkId }))).toMatchObject({
      code: 'validation',
      message: 'Provider is already setup.',
    });

    // The new provider key is usable at once: create a client.
    const created = await ownerDesk.d.call('clients.create', {
      providerId,
      name: 'First client',
      ownerEmail: 'first@client.example',
      planType: 19,
      seats: 2,
    });
    expect(created.client).toMatchObject({ name: 'First client' });
  });
});

describe('links.acceptProviderInvite', () => {
  it('accepts an invitation for the invited account only; confirmation stays pending', async () => {
    const invitee = await newUser(t, 'Invitee');
    await ownerDesk.d.call('providerMembers.invite', { providerId, emails: invitee.email, type: 1 });
    const mail = [...t.outbox()].reverse().find((m) => m.to === invitee.email && m.link?.includes('accept-provider'));
    const url = mail!.link!;

    const other = await signIn(t, await newUser(t, 'Other'));
    const otherInfo = await other.d.call('links.parse', { url });
    expect(await failure(other.d.call('links.acceptProviderInvite', { linkId: otherInfo.linkId }))).toMatchObject({
      code: 'forbidden',
    });
    other.d.dispose();

    const desk = await signIn(t, invitee);
    const info = await desk.d.call('links.parse', { url });
    expect(info).toMatchObject({
      kind: 'acceptProviderInvite',
      providerId,
      providerUserId: mail!.meta!.providerUserId,
      providerName: 'Contoso MSP',
      email: invitee.email,
      matchingAccountId: desk.accountId,
    });
    const accepted = await andSynced(desk, () => desk.d.call('links.acceptProviderInvite', { linkId: info.linkId }));
    expect(accepted).toEqual({ providerId, providerName: 'Contoso MSP', confirmationPending: true });
    const row = await t.db
      .selectFrom('provider_users')
      .selectAll()
      .where('id', '=', mail!.meta!.providerUserId!)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 1, user_id: invitee.id });
    // Until a provider admin confirms, the provider is not in the member's profile (sync lists Confirmed only).
    const profile = desk.cache.batches.filter((b) => b.kind === 'profile').at(-1);
    expect(profile?.kind === 'profile' && profile.profile.providers).toEqual([]);
    desk.d.dispose();
  });
});

describe('app links', () => {
  it('pushes a providerdesk:// link opened by the OS and hands it out once', async () => {
    const web = new URL(setupLink);
    const appLink = `providerdesk://providers/setup-provider?${web.searchParams}&server=${encodeURIComponent(t.url)}`;
    expect(ownerDesk.d.desk.openLink('providerdesk://providers/nothing')).toBe(false);
    expect(ownerDesk.d.desk.openLink(appLink)).toBe(true);
    const [pushed] = ownerDesk.d.pushed('links.opened');
    expect(pushed).toMatchObject({
      kind: 'setupProvider',
      providerId,
      server: { kind: 'selfHosted', baseUrl: t.url },
      matchingAccountId: ownerDesk.accountId,
    });
    const taken = await ownerDesk.d.call('links.takeOpened');
    expect(taken.link).toEqual(pushed);
    expect(await ownerDesk.d.call('links.takeOpened')).toEqual({ link: null });
  });
});
