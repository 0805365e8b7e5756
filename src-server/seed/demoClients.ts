// One demo client, through the provider and org routes as the portal would: create it with its keys, the owner
// accepts and a provider user confirms them, then collections, groups, members in every status and policies.
import { encryptToString, makeClientOrganization, makeOrgMemberConfirm } from '../../src-main/crypto/index';
import type { ServerContext } from '../context';
import { signInvite } from '../domain/invites';
import { getMarker, setMarker, type DemoProvider } from './demoProvider';
import type { DemoClient, DemoMember } from './demoData';
import type { Account, SeedHttp } from './seedHttp';

const POLICIES: [number, unknown][] = [
  [
    1,
    {
      minComplexity: 3,
      minLength: 14,
      requireUpper: true,
      requireLower: true,
      requireNumbers: true,
      requireSpecial: false,
      enforceOnLogin: false,
    },
  ],
  [2, { overridePasswordType: 'passphrase', minNumberWords: 4, capitalize: true, includeNumber: true }],
  [3, null],
  [8, { autoEnrollEnabled: false }],
  [10, null],
];

const CUSTOM_PERMISSIONS = {
  manageGroups: true,
  accessEventLogs: true,
  accessReports: true,
  createNewCollections: true,
};
const access = (id: string, manage = false) => ({ id, readOnly: false, hidePasswords: false, manage });

export const clientMarker = (c: DemoClient) => `demo:client:${c.slug}`;

/** Creates the client unless done before; `accounts` holds the registered accounts by email. */
export async function ensureClient(
  http: SeedHttp,
  ctx: ServerContext,
  provider: DemoProvider,
  c: DemoClient,
  index: number,
  accounts: Map<string, Account>,
): Promise<boolean> {
  if ((await getMarker(ctx, clientMarker(c))) !== undefined) return false;
  const P = `/api/providers/${provider.id}`;
  const admin = provider.admin.accessToken;
  const actor = provider.actors[index % provider.actors.length]!.accessToken;
  const linked = (await http.ok('GET', `${P}/organizations`, { token: admin })).data as {
    id: string;
    organizationId: string;
    organizationName: string;
  }[];
  if (linked.some((l) => l.organizationName === c.name)) {
    console.warn(`seed-demo: "${c.name}" exists from an interrupted run; left as it is`);
    return false;
  }

  const { payload, secrets } = await makeClientOrganization(provider.providerKey, 'Default collection');
  const ownerEmail = c.owner?.email ?? `it@${c.slug}.example`;
  await http.ok('POST', `${P}/clients`, {
    token: admin,
    json: { name: c.name, ownerEmail, planType: c.planType, seats: c.seats, ...payload },
  });
  const link = ((await http.ok('GET', `${P}/organizations`, { token: admin })).data as typeof linked).find(
    (l) => l.organizationName === c.name,
  )!;
  const orgId = link.organizationId;
  const O = `/api/organizations/${orgId}`;
  const orgKey = secrets.orgKey;
  const orgUserId = async (email: string) =>
    (
      await ctx.db
        .selectFrom('organization_users')
        .select('id')
        .where('organization_id', '=', orgId)
        .where('email', '=', email)
        .executeTakeFirstOrThrow()
    ).id;

  // The owner accepts the mailed invitation; a provider user confirms them with the org key (from the provider key).
  const ownerUserId = await orgUserId(ownerEmail);
  if (c.owner) {
    const owner = accounts.get(c.owner.email)!;
    await http.ok('POST', `${O}/users/${ownerUserId}/accept`, {
      token: owner.accessToken,
      json: { token: signInvite(ctx, ownerUserId, owner.email) },
    });
    await http.ok('POST', `${O}/users/${ownerUserId}/confirm`, {
      token: actor,
      json: makeOrgMemberConfirm(orgKey, owner.publicKey),
    });
  } else {
    await http.ok('DELETE', `${O}/users/${ownerUserId}`, { token: actor });
  }

  const collectionIds: string[] = [];
  for (const name of c.collections) {
    const created = await http.ok('POST', `${O}/collections`, {
      token: actor,
      json: { name: encryptToString(name, orgKey), externalId: null, groups: [], users: [] },
    });
    collectionIds.push(created.id);
  }
  const groupIds: string[] = [];
  for (const [g, name] of c.groups.entries()) {
    const created = await http.ok('POST', `${O}/groups`, {
      token: actor,
      json: {
        name,
        collections: collectionIds.filter((_, k) => k % c.groups.length === g).map((id) => access(id)),
        users: [],
      },
    });
    groupIds.push(created.id);
  }

  await addMembers(http, ctx, { O, orgId, orgKey, actor, members: c.members, collectionIds, groupIds, accounts });

  if (c.policies) {
    for (const [type, data] of POLICIES)
      await http.ok('PUT', `${O}/policies/${type}`, { token: actor, json: { policy: { enabled: true, data } } });
  }
  if (c.finalSeats !== c.seats)
    await http.ok('PUT', `${P}/clients/${link.id}`, {
      token: admin,
      json: { assignedSeats: c.finalSeats, name: c.name },
    });
  await setMarker(ctx, clientMarker(c), orgId);
  return true;
}

interface MemberStep {
  O: string;
  orgId: string;
  orgKey: Uint8Array;
  actor: string;
  members: DemoMember[];
  collectionIds: string[];
  groupIds: string[];
  accounts: Map<string, Account>;
}

async function addMembers(http: SeedHttp, ctx: ServerContext, s: MemberStep): Promise<void> {
  if (s.members.length === 0) return;
  for (const type of [1, 2, 4] as const) {
    const batch = s.members.filter((m) => m.type === type);
    for (let i = 0; i < batch.length; i += 20) {
      const emails = batch.slice(i, i + 20).map((m) => m.email);
      await http.ok('POST', `${s.O}/users/invite`, {
        token: s.actor,
        json: {
          emails,
          type,
          accessSecretsManager: false,
          permissions: type === 4 ? CUSTOM_PERMISSIONS : null,
          collections: s.collectionIds
            .slice(0, type === 2 ? 1 : 2)
            .map((id) => ({ ...access(id, type !== 2), readOnly: type === 2 && i % 2 === 1 })),
          groups: s.groupIds.slice(0, 1),
        },
      });
    }
  }
  const rows = await ctx.db
    .selectFrom('organization_users')
    .select(['id', 'email'])
    .where('organization_id', '=', s.orgId)
    .where('status', '=', 0)
    .execute();
  const idOf = new Map(rows.map((r) => [r.email, r.id]));
  const joining = s.members.filter((m) => m.status !== 'invited');
  for (const m of joining) {
    const account = s.accounts.get(m.email)!;
    const id = idOf.get(m.email)!;
    await http.ok('POST', `${s.O}/users/${id}/accept`, {
      token: account.accessToken,
      json: { token: signInvite(ctx, id, m.email) },
    });
  }
  // Confirm as the portal does: the Accepted members' public keys, each wrapped the org key, in one request.
  const toConfirm = joining.filter((m) => m.status !== 'accepted').map((m) => idOf.get(m.email)!);
  if (toConfirm.length) {
    const keys = (await http.ok('POST', `${s.O}/users/public-keys`, { token: s.actor, json: { ids: toConfirm } }))
      .data as { id: string; key: string }[];
    const body = keys.map((k) => ({ id: k.id, key: makeOrgMemberConfirm(s.orgKey, k.key, null).key }));
    await http.ok('POST', `${s.O}/users/confirm`, {
      token: s.actor,
      json: { keys: body, defaultUserCollectionName: encryptToString('My Items', s.orgKey) },
    });
  }
  for (const m of s.members.filter((x) => x.status === 'revoked'))
    await http.ok('PUT', `${s.O}/users/${idOf.get(m.email)}/revoke`, { token: s.actor });
}
