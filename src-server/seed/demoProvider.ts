// The demo provider and its users, through the provider routes: provider-invite's domain call, setup by the first
// admin, then invite → accept → confirm for the others (one left Invited, one Accepted).
import { makeProviderMemberConfirm, makeProviderSetup, unwrapProviderKey } from '../../src-main/crypto/index';
import type { ServerContext } from '../context';
import { nowIso } from '../db/values';
import { ProviderType } from '../domain/providers/enums';
import { signProviderInviteToken } from '../domain/providers/invites';
import { createPendingProvider } from '../domain/providers/lifecycle';
import { PROVIDER, PROVIDER_USERS } from './demoData';
import { ensureAccount, mapLimit, type Account, type SeedHttp } from './seedHttp';

export interface DemoProvider {
  id: string;
  providerKey: Uint8Array;
  admin: Account;
  /** Confirmed provider users who act in client orgs (the two admins and the confirmed service user). */
  actors: Account[];
}

export async function getMarker(ctx: ServerContext, name: string): Promise<string | null | undefined> {
  const row = await ctx.db.selectFrom('seed_markers').select('value').where('name', '=', name).executeTakeFirst();
  return row ? row.value : undefined;
}

export async function setMarker(ctx: ServerContext, name: string, value: string | null = null): Promise<void> {
  await ctx.db
    .insertInto('seed_markers')
    .values({ name, value, creation_date: nowIso() })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
}

export async function ensureProvider(http: SeedHttp, ctx: ServerContext): Promise<DemoProvider> {
  const [avaPerson] = PROVIDER_USERS;
  const ava = await ensureAccount(http, ctx, avaPerson);
  let providerId = await getMarker(ctx, 'demo:provider');
  let providerKey: Uint8Array;
  if (!providerId) {
    const pending = await createPendingProvider(ctx.db, ctx.keys.hmac, ctx.config.providerBilling, {
      email: ava.email,
      type: ProviderType.Msp,
      seatMinimums: PROVIDER.seatMinimums,
    });
    const setup = makeProviderSetup(ava.publicKey);
    await http.ok('POST', `/api/providers/${pending.provider.id}/setup`, {
      token: ava.accessToken,
      json: {
        name: PROVIDER.name,
        businessName: PROVIDER.businessName,
        billingEmail: PROVIDER.billingEmail,
        token: pending.token,
        key: setup.payload.key,
        paymentMethod: { type: 'card', token: 'demo-card' },
        billingAddress: {
          country: 'US',
          postalCode: '98101',
          line1: '1200 Pine Street',
          city: 'Seattle',
          state: 'WA',
          taxId: { code: 'us_ein', value: '91-1234567' },
        },
      },
    });
    providerId = pending.provider.id;
    providerKey = setup.secrets.providerKey;
    await setMarker(ctx, 'demo:provider', providerId);
  } else {
    const profile = await http.ok('GET', '/api/accounts/profile', { token: ava.accessToken });
    const entry = (profile.providers as { id: string; key: string }[]).find((p) => p.id === providerId);
    if (!entry) throw new Error('the demo provider exists but its first admin is no longer a member');
    providerKey = unwrapProviderKey(entry.key, ava.privateKey);
  }
  const actors = [ava, ...(await ensureProviderUsers(http, ctx, providerId, providerKey, ava))];
  return { id: providerId, providerKey, admin: ava, actors };
}

/** Ben (admin) and Carla (service user) confirmed, Dmitri accepted, Emma invited. Returns the confirmed ones. */
async function ensureProviderUsers(
  http: SeedHttp,
  ctx: ServerContext,
  providerId: string,
  providerKey: Uint8Array,
  ava: Account,
): Promise<Account[]> {
  const rest = PROVIDER_USERS.slice(1);
  const withAccounts = rest.filter((u) => u.status !== 'invited');
  const accounts = await mapLimit(withAccounts, 3, (u) => ensureAccount(http, ctx, u));
  if ((await getMarker(ctx, 'demo:provider-users')) === undefined) {
    const P = `/api/providers/${providerId}`;
    for (const type of [0, 1]) {
      await http.ok('POST', `${P}/users/invite`, {
        token: ava.accessToken,
        json: { emails: rest.filter((u) => u.type === type).map((u) => u.email), type },
      });
    }
    const rows = await ctx.db
      .selectFrom('provider_users')
      .select(['id', 'email'])
      .where('provider_id', '=', providerId)
      .where('status', '=', 0)
      .execute();
    const toConfirm: string[] = [];
    for (const [i, u] of withAccounts.entries()) {
      const row = rows.find((r) => r.email === u.email);
      if (!row) continue;
      const token = signProviderInviteToken(ctx.keys.hmac, { providerUserId: row.id, email: u.email });
      await http.ok('POST', `${P}/users/${row.id}/accept`, { token: accounts[i]!.accessToken, json: { token } });
      if (u.status === 'confirmed') toConfirm.push(row.id);
    }
    // As the portal does: the Accepted users' public keys, the provider key wrapped to each, one bulk confirm.
    const keys = toConfirm.length
      ? ((await http.ok('POST', `${P}/users/public-keys`, { token: ava.accessToken, json: { ids: toConfirm } }))
          .data as { id: string; key: string }[])
      : [];
    if (keys.length)
      await http.ok('POST', `${P}/users/confirm`, {
        token: ava.accessToken,
        json: { keys: keys.map((k) => ({ id: k.id, ...makeProviderMemberConfirm(providerKey, k.key) })) },
      });
    await setMarker(ctx, 'demo:provider-users');
  }
  return accounts.filter((_, i) => withAccounts[i]!.status === 'confirmed');
}
