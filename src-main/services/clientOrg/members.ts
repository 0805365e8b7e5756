/** Members of a client org (bitwarden-api.md §7.3): the list, invitations and edits of role and access. */
import { DeskError } from '../../../src-shared/contract/errors';
import {
  orgPermissionNames,
  type MemberRole,
  type MemberStatus,
  type OrgMember,
  type OrgPermissions,
} from '../../../src-shared/contract/clientOrg';
import { isServerSeatLimit, overSeatsMessage } from '../../../src-shared/contract/clientOrg/seatLimit';
import { fetchOrgUsers, inviteOrgUsers, updateOrgUser } from '../../bitwarden/clientOrgMembersApi';
import { fetchOrganization } from '../../bitwarden/orgAdminApi';
import type { WireOrgUser } from '../../bitwarden/orgAdminSchemas';
import { fromSelections, toSelections } from './access';
import type { OrgIn, OrgOut } from './channelTypes';
import { LAST_OWNER_MESSAGE, type OrgContext, type OrgScope } from './orgContext';

const ROLE_TYPES: Record<MemberRole, number> = { owner: 0, admin: 1, user: 2, custom: 4 };
const STATUSES: Record<number, MemberStatus> = {
  [-1]: 'revoked',
  0: 'invited',
  1: 'accepted',
  2: 'confirmed',
  3: 'staged',
};

export const OWNER = 0;
const REVOKED = -1;
export const CONFIRMED = 2;

export function roleOf(type: number): MemberRole {
  return (Object.entries(ROLE_TYPES).find(([, value]) => value === type)?.[0] as MemberRole | undefined) ?? 'user';
}

export const isConfirmedOwner = (u: WireOrgUser) => u.type === OWNER && u.status === CONFIRMED;

function permissionsOf(u: WireOrgUser): OrgPermissions | null {
  if (roleOf(u.type) !== 'custom') return null;
  const raw = u.permissions ?? {};
  return Object.fromEntries(orgPermissionNames.map((name) => [name, raw[name] === true])) as OrgPermissions;
}

export function toMember(u: WireOrgUser, confirmedOwners: number): OrgMember {
  return {
    id: u.id.toLowerCase(),
    userId: u.userId,
    name: u.name,
    email: u.email,
    role: roleOf(u.type),
    permissions: permissionsOf(u),
    status: STATUSES[u.status] ?? 'invited',
    revocationReason: u.status === -1 ? u.revocationReason : null,
    twoFactorEnabled: u.twoFactorEnabled,
    accountRecoveryEnrolled: u.resetPasswordEnrolled,
    lastConfirmedOwner: isConfirmedOwner(u) && confirmedOwners === 1,
    collections: fromSelections(u.collections),
    groups: u.groups.map((g) => g.toLowerCase()),
    creationDate: u.creationDate,
  };
}

/** The wire's `type` and `permissions` (all flags, Custom only) of a role choice. */
function roleBody(role: MemberRole, permissions: Partial<OrgPermissions> | undefined) {
  const flags =
    role === 'custom'
      ? Object.fromEntries(orgPermissionNames.map((name) => [name, permissions?.[name] === true]))
      : null;
  return { type: ROLE_TYPES[role], permissions: flags };
}

export function createMembersService(ctx: OrgContext) {
  async function list(input: OrgIn<'org.members.list'>): Promise<OrgOut<'org.members.list'>> {
    const s = ctx.scope(input);
    const users = await ctx.call(s, (a) => fetchOrgUsers(a, s.organizationId));
    const owners = users.filter(isConfirmedOwner).length;
    return { members: users.map((u) => toMember(u, owners)) };
  }

  async function invite(input: OrgIn<'org.members.invite'>): Promise<OrgOut<'org.members.invite'>> {
    const s = ctx.scope(input);
    const users = await ctx.call(s, (a) => fetchOrgUsers(a, s.organizationId));
    const taken = new Set(users.map((u) => u.email?.toLowerCase()).filter(Boolean));
    const invited = input.emails.filter((email) => !taken.has(email));
    const alreadyMembers = input.emails.filter((email) => taken.has(email));
    if (invited.length) {
      try {
        await ctx.call(s, (a) =>
          inviteOrgUsers(a, s.organizationId, {
            emails: invited,
            ...roleBody(input.role, input.permissions),
            accessSecretsManager: false,
            collections: toSelections(input.collections),
            groups: input.groups,
          }),
        );
      } catch (error) {
        if (error instanceof DeskError && isServerSeatLimit(error.message)) {
          throw new DeskError('conflict', await overSeats(s, users, invited.length));
        }
        throw error;
      }
    }
    return { invited, alreadyMembers };
  }

  /** The seat refusal for the provider: how many seats the client has left (revoked members hold none). */
  async function overSeats(s: OrgScope, users: WireOrgUser[], inviting: number): Promise<string> {
    const org = await ctx.call(s, (a) => fetchOrganization(a, s.organizationId));
    const occupied = users.filter((u) => u.status !== REVOKED).length;
    return overSeatsMessage(Math.max(0, (org.seats ?? 0) - occupied), inviting);
  }

  async function update(input: OrgIn<'org.members.update'>): Promise<OrgOut<'org.members.update'>> {
    const s = ctx.scope(input);
    const users = await ctx.call(s, (a) => fetchOrgUsers(a, s.organizationId));
    const member = users.find((u) => u.id.toLowerCase() === input.id);
    if (!member) throw new DeskError('not_found', 'That member is not in this organization.');
    const demoting = isConfirmedOwner(member) && input.role !== 'owner';
    if (demoting && users.filter(isConfirmedOwner).length === 1) throw new DeskError('conflict', LAST_OWNER_MESSAGE);
    await ctx.call(s, (a) =>
      updateOrgUser(a, s.organizationId, input.id, {
        ...roleBody(input.role, input.permissions),
        collections: toSelections(input.collections),
        groups: input.groups,
      }),
    );
    return {};
  }

  return { list, invite, update };
}
