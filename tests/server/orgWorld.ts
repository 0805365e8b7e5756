// An Enterprise org with one member of each role, built through the member routes (invite → accept → confirm),
// plus an owner of another org, an outsider and the anonymous caller: the actors of the authorization matrix.
import { makeOrganization, makeOrgMemberConfirm } from '../../src-main/crypto/index';
import type { PermissionName } from '../../src-server/domain/orgRoles';
import type { TestServer } from './harness';
import { registerAndLogin, type TestUser } from './users';

export type Actor = 'owner' | 'admin' | 'user' | 'customWith' | 'customWithout' | 'otherOrg' | 'outsider' | 'anonymous';
export const ACTORS: readonly Actor[] = [
  'owner',
  'admin',
  'user',
  'customWith',
  'customWithout',
  'otherOrg',
  'outsider',
  'anonymous',
];

export interface WorldOrg {
  id: string;
  orgKey: Uint8Array;
}

export interface World {
  org: WorldOrg;
  otherOrg: WorldOrg;
  users: Record<Exclude<Actor, 'anonymous'>, TestUser>;
  /** Org-user ids in `org` (otherOrg's owner and the outsider have none). */
  orgUserIds: Record<'owner' | 'admin' | 'user' | 'customWith' | 'customWithout', string>;
  token(actor: Actor): string | undefined;
}

/** POST /api/organizations on the Enterprise (annually) plan with seats to spare. */
export async function createEnterpriseOrg(t: TestServer, owner: TestUser, name = 'Acme Corp'): Promise<WorldOrg> {
  const { payload, secrets } = await makeOrganization(owner.publicKey, 'Default collection');
  const res = await t.http.post('/api/organizations', {
    token: owner.accessToken,
    json: { name, billingEmail: owner.email, planType: 20, additionalSeats: 20, ...payload },
  });
  if (res.status !== 200) throw new Error(`create org: ${res.status} ${res.text}`);
  return { id: res.body.id, orgKey: secrets.orgKey };
}

/** Invites `member` as `type`, accepts with the mailed token and confirms; returns the org-user id. */
export async function addMember(
  t: TestServer,
  org: WorldOrg,
  owner: TestUser,
  member: TestUser,
  type: number,
  permissions?: Partial<Record<PermissionName, boolean>>,
): Promise<string> {
  const invite = await t.http.post(`/api/organizations/${org.id}/users/invite`, {
    token: owner.accessToken,
    json: { emails: [member.email], type, permissions: permissions ?? null },
  });
  if (invite.status !== 200) throw new Error(`invite: ${invite.status} ${invite.text}`);
  const mail = [...t.outbox()].reverse().find((m) => m.to === member.email && m.meta?.organizationUserId);
  if (!mail?.meta?.organizationUserId || !mail.meta.token) throw new Error('no invitation mail');
  const id = mail.meta.organizationUserId;
  const accept = await t.http.post(`/api/organizations/${org.id}/users/${id}/accept`, {
    token: member.accessToken,
    json: { token: mail.meta.token },
  });
  if (accept.status !== 200) throw new Error(`accept: ${accept.status} ${accept.text}`);
  const confirm = await t.http.post(`/api/organizations/${org.id}/users/${id}/confirm`, {
    token: owner.accessToken,
    json: makeOrgMemberConfirm(org.orgKey, member.publicKey),
  });
  if (confirm.status !== 200) throw new Error(`confirm: ${confirm.status} ${confirm.text}`);
  return id;
}

export async function ownOrgUserId(t: TestServer, orgId: string, userId: string): Promise<string> {
  const row = await t.db
    .selectFrom('organization_users')
    .select('id')
    .where('organization_id', '=', orgId)
    .where('user_id', '=', userId)
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Builds the world; `customWith` holds `permissions`, `customWithout` holds none of them. */
export async function buildWorld(t: TestServer, permissions: PermissionName[]): Promise<World> {
  const names = ['owner', 'admin', 'user', 'customWith', 'customWithout', 'otherOrg', 'outsider'] as const;
  const users = {} as World['users'];
  for (const name of names) users[name] = await registerAndLogin(t, { name });
  const org = await createEnterpriseOrg(t, users.owner);
  const otherOrg = await createEnterpriseOrg(t, users.otherOrg, 'Other Org');
  const grant = Object.fromEntries(permissions.map((p) => [p, true]));
  const orgUserIds = {
    owner: await ownOrgUserId(t, org.id, users.owner.id),
    admin: await addMember(t, org, users.owner, users.admin, 1),
    user: await addMember(t, org, users.owner, users.user, 2),
    customWith: await addMember(t, org, users.owner, users.customWith, 4, grant),
    customWithout: await addMember(t, org, users.owner, users.customWithout, 4, { accessReports: true }),
  };
  return {
    org,
    otherOrg,
    users,
    orgUserIds,
    token: (actor) => (actor === 'anonymous' ? undefined : users[actor].accessToken),
  };
}
