/** Groups (bitwarden-api.md §7.4): plaintext names, collection access per collection, members. */
import type { OrgGroup } from '../../../src-shared/contract/clientOrg';
import { fetchOrgUsers } from '../../bitwarden/clientOrgMembersApi';
import { createGroup, deleteGroups, fetchGroups, updateGroup, type GroupBody } from '../../bitwarden/orgAdminApi';
import { fromSelections, toSelections } from './access';
import type { OrgIn, OrgOut } from './channelTypes';
import type { OrgContext } from './orgContext';

type GroupInput = OrgIn<'org.groups.create'>;

const body = (input: GroupInput): GroupBody => ({
  name: input.name,
  collections: toSelections(input.collections),
  users: input.memberIds,
});

const shown = (id: string, input: GroupInput): OrgGroup => ({
  id: id.toLowerCase(),
  name: input.name,
  externalId: null,
  collections: input.collections,
  memberIds: input.memberIds,
});

export function createGroupsService(ctx: OrgContext) {
  async function list(input: OrgIn<'org.groups.list'>): Promise<OrgOut<'org.groups.list'>> {
    const s = ctx.scope(input);
    const [groups, users] = await Promise.all([
      ctx.call(s, (a) => fetchGroups(a, s.organizationId)),
      ctx.call(s, (a) => fetchOrgUsers(a, s.organizationId)),
    ]);
    const membersOf = (groupId: string) =>
      users.filter((u) => u.groups.some((g) => g.toLowerCase() === groupId)).map((u) => u.id.toLowerCase());
    return {
      groups: groups.map((g) => ({
        id: g.id.toLowerCase(),
        name: g.name,
        externalId: g.externalId,
        collections: fromSelections(g.collections),
        memberIds: membersOf(g.id.toLowerCase()),
      })),
    };
  }

  async function create(input: OrgIn<'org.groups.create'>): Promise<OrgOut<'org.groups.create'>> {
    const s = ctx.scope(input);
    const created = await ctx.call(s, (a) => createGroup(a, s.organizationId, body(input)));
    return { group: shown(created.id, input) };
  }

  async function update(input: OrgIn<'org.groups.update'>): Promise<OrgOut<'org.groups.update'>> {
    const s = ctx.scope(input);
    await ctx.call(s, (a) => updateGroup(a, s.organizationId, input.id, body(input)));
    return { group: shown(input.id, input) };
  }

  async function remove(input: OrgIn<'org.groups.delete'>): Promise<OrgOut<'org.groups.delete'>> {
    const s = ctx.scope(input);
    await ctx.call(s, (a) => deleteGroups(a, s.organizationId, input.ids));
    return { deleted: input.ids.length };
  }

  return { list, create, update, remove };
}
