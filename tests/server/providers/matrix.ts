// The provider routes with a request a provider admin may make, and the status each kind of caller gets
// (bitwarden-api.md §6: 403 empty for ProviderUser/ProviderAdmin checks, 401 on billing and /clients, 404 on events).
import {
  makeAddExistingOrganization,
  makeOrgMemberConfirm,
  makeProviderMemberConfirm,
  makeProviderSetup,
} from '../../../src-main/crypto/index';
import { issueDueInvoices } from '../../../src-server/domain/providers/invoices';
import { upsertSnapshots } from '../../../src-server/domain/providers/snapshots';
import type { TestServer } from '../harness';
import { createOrganization, type TestUser } from '../users';
import {
  addMember,
  clientBody,
  createClient,
  createProvider,
  inviteMail,
  newUser,
  type TestProvider,
} from './fixtures';

export type Caller = 'admin' | 'service' | 'otherProvider' | 'orgOwner' | 'anonymous';
export const CALLERS: Caller[] = ['service', 'otherProvider', 'orgOwner', 'anonymous', 'admin'];

export interface RouteCase {
  name: string;
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  /** Built per call (fresh ids for state-changing routes). */
  body?: () => Promise<unknown>;
  expect: Record<Caller, number>;
}

export interface World {
  p: TestProvider;
  service: TestUser;
  serviceProviderUserId: string;
  other: TestProvider;
  orgOwner: TestUser;
  clientPoId: string;
}

const PU = (admin: number, rest: number) => ({
  admin,
  service: rest,
  otherProvider: 403,
  orgOwner: 403,
  anonymous: 401,
});
const ADMIN = (admin: number) => ({ admin, service: 403, otherProvider: 403, orgOwner: 403, anonymous: 401 });
const BILLING_PU = (admin: number) => ({ admin, service: admin, otherProvider: 401, orgOwner: 401, anonymous: 401 });
const BILLING_ADMIN = (admin: number) => ({ admin, service: 401, otherProvider: 401, orgOwner: 401, anonymous: 401 });
const EVENTS = { admin: 200, service: 404, otherProvider: 404, orgOwner: 404, anonymous: 401 };

export async function buildWorld(t: TestServer): Promise<World> {
  const p = await createProvider(t, { name: 'Matrix MSP' });
  const service = await newUser(t, 'Service');
  const serviceProviderUserId = await addMember(t, p, service, 1);
  const other = await createProvider(t, { name: 'Other MSP' });
  const orgOwner = await newUser(t, 'OrgOwner');
  const client = await createClient(t, p, { ownerEmail: orgOwner.email, planType: 17, seats: 5 });
  const mail = t.outbox().find((m) => m.to === orgOwner.email && m.link?.includes('accept-organization'))!;
  await t.http.post(`/api/organizations/${client.orgId}/users/${mail.meta!.organizationUserId}/accept`, {
    token: orgOwner.accessToken,
    json: { token: mail.meta!.token },
  });
  const confirm = await t.http.post(
    `/api/organizations/${client.orgId}/users/${mail.meta!.organizationUserId}/confirm`,
    { token: p.admin.accessToken, json: makeOrgMemberConfirm(client.orgKey, orgOwner.publicKey) },
  );
  if (confirm.status !== 200) throw new Error(`confirm owner: ${confirm.status} ${confirm.text}`);
  // An invoice for last month.
  const now = new Date();
  const last = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 3)).toISOString().slice(0, 10);
  await upsertSnapshots(t.db, p.id, last, [
    { organizationId: client.orgId, organizationName: 'c', planType: 17, assigned: 5, used: 1 },
  ]);
  const provider = await t.db.selectFrom('providers').selectAll().where('id', '=', p.id).executeTakeFirstOrThrow();
  await issueDueInvoices(t.db, provider, t.server.ctx.config.providerBilling);
  return { p, service, serviceProviderUserId, other, orgOwner, clientPoId: client.providerOrganizationId };
}

/** Fresh provider users in a given state, for routes that consume one. */
async function invitedRow(t: TestServer, p: TestProvider): Promise<string> {
  const email = `row.${crypto.randomUUID()}@example.com`;
  await t.http.post(`/api/providers/${p.id}/users/invite`, {
    token: p.admin.accessToken,
    json: { emails: [email], type: 1 },
  });
  return inviteMail(t, email).providerUserId;
}

export function routeCases(t: TestServer, w: World): RouteCase[] {
  const P = `/api/providers/${w.p.id}`;
  const ids: Record<string, string> = {};
  const lazy = (key: string, make: () => Promise<string>) => async () => (ids[key] ??= await make());
  // Ids used in paths are created up front by `prepare` (paths are strings).
  return [
    { name: 'get provider', method: 'GET', path: P, expect: PU(200, 200) },
    {
      name: 'update provider',
      method: 'PUT',
      path: P,
      body: async () => ({ name: 'Matrix MSP', billingEmail: 'b@example.com' }),
      expect: ADMIN(200),
    },
    {
      name: 'update provider (POST alias)',
      method: 'POST',
      path: P,
      body: async () => ({ name: 'Matrix MSP', billingEmail: 'b@example.com' }),
      expect: ADMIN(200),
    },
    {
      name: 'setup (already done)',
      method: 'POST',
      path: `${P}/setup`,
      body: async () => ({
        name: 'X',
        billingEmail: 'x@example.com',
        token: 'BwProviderSetupToken_x.y',
        ...makeProviderSetup(w.p.admin.publicKey).payload,
      }),
      expect: ADMIN(400),
    },
    { name: 'list users', method: 'GET', path: `${P}/users`, expect: ADMIN(200) },
    { name: 'get user', method: 'GET', path: `${P}/users/${w.serviceProviderUserId}`, expect: ADMIN(200) },
    {
      name: 'invite',
      method: 'POST',
      path: `${P}/users/invite`,
      body: async () => ({ emails: [`m.${crypto.randomUUID()}@example.com`], type: 1 }),
      expect: ADMIN(200),
    },
    {
      name: 'bulk reinvite',
      method: 'POST',
      path: `${P}/users/reinvite`,
      body: async () => ({ ids: [await lazy('inv', () => invitedRow(t, w.p))()] }),
      expect: ADMIN(200),
    },
    { name: 'reinvite', method: 'POST', path: `${P}/users/{invited}/reinvite`, expect: ADMIN(200) },
    {
      name: 'accept (foreign token)',
      method: 'POST',
      path: `${P}/users/{invited}/accept`,
      body: async () => ({ token: 'BwProviderUserInviteToken_x.y' }),
      expect: { admin: 400, service: 400, otherProvider: 400, orgOwner: 400, anonymous: 401 },
    },
    {
      name: 'public keys',
      method: 'POST',
      path: `${P}/users/public-keys`,
      body: async () => ({ ids: [w.serviceProviderUserId] }),
      expect: ADMIN(200),
    },
    {
      name: 'confirm',
      method: 'POST',
      path: `${P}/users/{accepted}/confirm`,
      body: async () => makeProviderMemberConfirm(w.p.providerKey, w.service.publicKey),
      expect: ADMIN(200),
    },
    {
      name: 'bulk confirm',
      method: 'POST',
      path: `${P}/users/confirm`,
      body: async () => ({
        keys: [{ id: w.serviceProviderUserId, ...makeProviderMemberConfirm(w.p.providerKey, w.service.publicKey) }],
      }),
      expect: ADMIN(200),
    },
    {
      name: 'change type',
      method: 'PUT',
      path: `${P}/users/${w.serviceProviderUserId}`,
      body: async () => ({ type: 1 }),
      expect: ADMIN(200),
    },
    {
      name: 'change type (POST alias)',
      method: 'POST',
      path: `${P}/users/${w.serviceProviderUserId}`,
      body: async () => ({ type: 1 }),
      expect: ADMIN(200),
    },
    { name: 'remove', method: 'DELETE', path: `${P}/users/{invited2}`, expect: ADMIN(200) },
    { name: 'remove (POST alias)', method: 'POST', path: `${P}/users/{invited3}/delete`, expect: ADMIN(200) },
    {
      name: 'bulk remove',
      method: 'DELETE',
      path: `${P}/users`,
      body: async () => ({ ids: [await invitedRow(t, w.p)] }),
      expect: ADMIN(200),
    },
    {
      name: 'bulk remove (POST alias)',
      method: 'POST',
      path: `${P}/users/delete`,
      body: async () => ({ ids: [await invitedRow(t, w.p)] }),
      expect: ADMIN(200),
    },
    { name: 'list clients', method: 'GET', path: `${P}/organizations`, expect: PU(200, 200) },
    {
      name: 'legacy add',
      method: 'POST',
      path: `${P}/organizations/add`,
      body: async () => {
        const o = await createOrganization(t, w.p.admin, { planType: 17 });
        return makeAddExistingOrganization(o.id, o.orgKey, w.p.providerKey);
      },
      expect: ADMIN(200),
    },
    {
      name: 'legacy create',
      method: 'POST',
      path: `${P}/organizations`,
      body: async () => {
        const { body } = await clientBody(w.p, { planType: 19 });
        return {
          clientOwnerEmail: body.ownerEmail,
          organizationCreateRequest: {
            name: 'Legacy',
            planType: 19,
            key: body.key,
            keys: body.keyPair,
            additionalSeats: 2,
          },
        };
      },
      expect: ADMIN(200),
    },
    { name: 'unlink', method: 'DELETE', path: `${P}/organizations/{ownedLink}`, expect: ADMIN(200) },
    { name: 'unlink (POST alias)', method: 'POST', path: `${P}/organizations/{ownedLink2}/delete`, expect: ADMIN(200) },
    {
      name: 'create client',
      method: 'POST',
      path: `${P}/clients`,
      body: async () => (await clientBody(w.p, { planType: 17, seats: 1 })).body,
      expect: BILLING_ADMIN(200),
    },
    {
      name: 'update client',
      method: 'PUT',
      path: `${P}/clients/${w.clientPoId}`,
      body: async () => ({ assignedSeats: 5, name: 'Client A' }),
      expect: BILLING_PU(200),
    },
    { name: 'addable', method: 'GET', path: `${P}/clients/addable`, expect: BILLING_PU(200) },
    {
      name: 'add existing',
      method: 'POST',
      path: `${P}/clients/existing`,
      body: async () => {
        const o = await createOrganization(t, w.p.admin, { planType: 17 });
        return makeAddExistingOrganization(o.id, o.orgKey, w.p.providerKey);
      },
      expect: BILLING_ADMIN(200),
    },
    { name: 'subscription', method: 'GET', path: `${P}/billing/subscription`, expect: BILLING_PU(200) },
    { name: 'invoices', method: 'GET', path: `${P}/billing/invoices`, expect: BILLING_ADMIN(200) },
    { name: 'invoice csv', method: 'GET', path: `${P}/billing/invoices/{invoice}`, expect: BILLING_ADMIN(200) },
    { name: 'address', method: 'GET', path: `${P}/billing/vnext/address`, expect: BILLING_ADMIN(200) },
    {
      name: 'update address',
      method: 'PUT',
      path: `${P}/billing/vnext/address`,
      body: async () => ({ country: 'US', postalCode: '10001' }),
      expect: BILLING_ADMIN(200),
    },
    { name: 'payment method', method: 'GET', path: `${P}/billing/vnext/payment-method`, expect: BILLING_ADMIN(200) },
    {
      name: 'update payment method',
      method: 'PUT',
      path: `${P}/billing/vnext/payment-method`,
      body: async () => ({ type: 'card', token: 'tok' }),
      expect: BILLING_ADMIN(200),
    },
    { name: 'credit', method: 'GET', path: `${P}/billing/vnext/credit`, expect: BILLING_ADMIN(200) },
    { name: 'warnings', method: 'GET', path: `${P}/billing/vnext/warnings`, expect: BILLING_PU(200) },
    { name: 'events', method: 'GET', path: `${P}/events`, expect: EVENTS },
    { name: 'user events', method: 'GET', path: `${P}/users/${w.serviceProviderUserId}/events`, expect: EVENTS },
  ];
}

/** Fills `{placeholders}` in paths with fresh rows (a new one per call, so each caller meets the same state). */
export async function resolvePath(t: TestServer, w: World, path: string): Promise<string> {
  const placeholders: Record<string, () => Promise<string>> = {
    invited: () => invitedRow(t, w.p),
    invited2: () => invitedRow(t, w.p),
    invited3: () => invitedRow(t, w.p),
    accepted: async () => {
      const u = await newUser(t, 'Acc');
      return addMember(t, w.p, u, 1, { confirm: false });
    },
    ownedLink: () => ownedLink(t, w),
    ownedLink2: () => ownedLink(t, w),
    invoice: async () =>
      (
        await t.db
          .selectFrom('provider_invoices')
          .select('id')
          .where('provider_id', '=', w.p.id)
          .executeTakeFirstOrThrow()
      ).id,
  };
  let out = path;
  for (const [name, make] of Object.entries(placeholders))
    if (out.includes(`{${name}}`)) out = out.replace(`{${name}}`, await make());
  return out;
}

async function ownedLink(t: TestServer, w: World): Promise<string> {
  const o = await createOrganization(t, w.p.admin, { planType: 17 });
  await t.http.post(`/api/providers/${w.p.id}/clients/existing`, {
    token: w.p.admin.accessToken,
    json: makeAddExistingOrganization(o.id, o.orgKey, w.p.providerKey),
  });
  return (
    await t.db
      .selectFrom('provider_organizations')
      .select('id')
      .where('organization_id', '=', o.id)
      .executeTakeFirstOrThrow()
  ).id;
}

export function tokenFor(w: World, caller: Caller): string | undefined {
  return {
    admin: w.p.admin.accessToken,
    service: w.service.accessToken,
    otherProvider: w.other.admin.accessToken,
    orgOwner: w.orgOwner.accessToken,
    anonymous: undefined,
  }[caller];
}
