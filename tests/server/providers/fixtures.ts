// Providers made as the portal and `provider-invite` make them, with real client crypto (src-main/crypto).
import {
  makeClientOrganization,
  makeProviderMemberConfirm,
  makeProviderSetup,
  type KdfConfig,
} from '../../../src-main/crypto/index';
import { inviteProvider } from '../../../src-server/seed/providerInvite';
import type { TestServer } from '../harness';
import { registerAndLogin, type TestUser } from '../users';

/** A cheap but legal KDF for test accounts (Argon2id minimums); the seed uses the client defaults. */
export const FAST_KDF: KdfConfig = { kdf: 1, iterations: 2, memory: 16, parallelism: 1 };

let seq = 0;
export const newUser = (t: TestServer, name = 'Person') =>
  registerAndLogin(t, {
    kdf: FAST_KDF,
    name,
    email: `${name.toLowerCase().replace(/\W+/g, '.')}.${Date.now().toString(36)}.${++seq}@example.com`,
  });

export interface TestProvider {
  id: string;
  providerKey: Uint8Array;
  admin: TestUser;
  adminProviderUserId: string;
}

/** `provider-invite` (through the command function) then `POST /providers/{pid}/setup` by `admin`. */
export async function pendingProvider(t: TestServer, email: string, type = 'msp') {
  const ctx = t.server.ctx;
  return inviteProvider(
    { db: ctx.db, keys: ctx.keys, mailer: ctx.mailer, config: ctx.config, baseUrl: t.url },
    { email, type },
  );
}

export function setupTokenFor(t: TestServer, providerId: string): string {
  const mail = t
    .outbox()
    .filter((m) => m.meta?.providerId === providerId && m.link?.includes('setup-provider'))
    .pop();
  if (!mail?.meta?.token) throw new Error('no setup mail');
  return mail.meta.token;
}

export async function createProvider(
  t: TestServer,
  o: { admin?: TestUser; type?: string; name?: string } = {},
): Promise<TestProvider> {
  const admin = o.admin ?? (await newUser(t, 'Admin'));
  const { providerId } = await pendingProvider(t, admin.email, o.type);
  const { payload, secrets } = makeProviderSetup(admin.publicKey);
  const res = await t.http.post(`/api/providers/${providerId}/setup`, {
    token: admin.accessToken,
    json: {
      name: o.name ?? 'Acme MSP',
      billingEmail: `billing.${providerId.slice(0, 8)}@example.com`,
      token: setupTokenFor(t, providerId),
      ...payload,
      billingAddress: { country: 'US', postalCode: '10001', taxId: { code: 'us_ein', value: '12-3456789' } },
      paymentMethod: { type: 'card', token: 'tok_test' },
    },
  });
  if (res.status !== 200) throw new Error(`setup: ${res.status} ${res.text}`);
  const row = await t.db
    .selectFrom('provider_users')
    .select('id')
    .where('provider_id', '=', providerId)
    .where('user_id', '=', admin.id)
    .executeTakeFirstOrThrow();
  return { id: providerId, providerKey: secrets.providerKey, admin, adminProviderUserId: row.id };
}

/** The latest invitation mail of a provider user (meta: token, providerUserId). */
export function inviteMail(t: TestServer, email: string) {
  const mail = t
    .outbox()
    .filter((m) => m.to === email.toLowerCase() && m.link?.includes('accept-provider'))
    .pop();
  if (!mail?.meta?.token) throw new Error(`no provider invitation for ${email}`);
  return { token: mail.meta.token, providerUserId: mail.meta.providerUserId! };
}

/** Invites `user` as `type`, accepts, and (unless `confirm: false`) confirms with the provider key. */
export async function addMember(
  t: TestServer,
  p: TestProvider,
  user: TestUser,
  type: 0 | 1,
  o: { confirm?: boolean } = {},
): Promise<string> {
  const inv = await t.http.post(`/api/providers/${p.id}/users/invite`, {
    token: p.admin.accessToken,
    json: { emails: [user.email], type },
  });
  if (inv.status !== 200) throw new Error(`invite: ${inv.status} ${inv.text}`);
  const { token, providerUserId } = inviteMail(t, user.email);
  const acc = await t.http.post(`/api/providers/${p.id}/users/${providerUserId}/accept`, {
    token: user.accessToken,
    json: { token },
  });
  if (acc.status !== 200) throw new Error(`accept: ${acc.status} ${acc.text}`);
  if (o.confirm !== false) {
    const conf = await t.http.post(`/api/providers/${p.id}/users/${providerUserId}/confirm`, {
      token: p.admin.accessToken,
      json: makeProviderMemberConfirm(p.providerKey, user.publicKey),
    });
    if (conf.status !== 200) throw new Error(`confirm: ${conf.status} ${conf.text}`);
  }
  return providerUserId;
}

export interface TestClient {
  orgId: string;
  providerOrganizationId: string;
  orgKey: Uint8Array;
  ownerEmail: string;
}

export async function clientBody(
  p: TestProvider,
  o: { name?: string; planType?: number; seats?: number; ownerEmail?: string; collectionName?: string } = {},
) {
  const { payload, secrets } = await makeClientOrganization(p.providerKey, o.collectionName ?? 'Default collection');
  const body = {
    name: o.name ?? `Client ${++seq}`,
    ownerEmail: o.ownerEmail ?? `owner.${++seq}@client.example`,
    planType: o.planType ?? 17,
    seats: o.seats ?? 10,
    ...payload,
  };
  return { body, orgKey: secrets.orgKey };
}

export async function createClient(
  t: TestServer,
  p: TestProvider,
  o: Parameters<typeof clientBody>[1] & { as?: TestUser } = {},
): Promise<TestClient> {
  const { body, orgKey } = await clientBody(p, o);
  const res = await t.http.post(`/api/providers/${p.id}/clients`, { token: (o.as ?? p.admin).accessToken, json: body });
  if (res.status !== 200) throw new Error(`create client: ${res.status} ${res.text}`);
  const link = await t.db
    .selectFrom('provider_organizations as po')
    .innerJoin('organizations as o', 'o.id', 'po.organization_id')
    .select(['po.id', 'po.organization_id'])
    .where('po.provider_id', '=', p.id)
    .where('o.name', '=', body.name)
    .executeTakeFirstOrThrow();
  return { orgId: link.organization_id, providerOrganizationId: link.id, orgKey, ownerEmail: body.ownerEmail };
}

/** Counts rows of the tables a provider route may write (for "database unchanged" checks). */
export async function tableCounts(t: TestServer) {
  const tables = [
    'providers',
    'provider_users',
    'provider_organizations',
    'provider_plans',
    'organizations',
    'organization_users',
    'collections',
    'events',
    'provider_invoices',
  ] as const;
  const out: Record<string, number> = {};
  for (const table of tables) {
    const row = await t.db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    out[table] = Number(row.n);
  }
  return out;
}
