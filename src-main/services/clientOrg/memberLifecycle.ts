/**
 * Reinvite, revoke, restore and remove members, one or many (bitwarden-api.md §7.3). Revoking or removing the
 * last confirmed owner is refused here, before the server is asked, with a clear reason.
 */
import { encryptToString } from '../../crypto';
import { changeOrgUsers, fetchOrgUsers, reinviteOrgUsers, type Lifecycle } from '../../bitwarden/clientOrgMembersApi';
import { fetchProfile } from '../../bitwarden/providerApi';
import { bulkResult, failedRow, fromServer, inOrder, ownRows, selfSkippedRow } from './bulk';
import type { OrgIn, OrgOut } from './channelTypes';
import { isConfirmedOwner } from './members';
import { LAST_OWNER_MESSAGE, type OrgContext } from './orgContext';

const NOT_FOUND = 'Not a member of this organization.';

type IdsInput = OrgIn<'org.members.revoke'>;
type BulkOut = OrgOut<'org.members.revoke'>;

export function createMemberLifecycleService(ctx: OrgContext) {
  async function reinvite(input: OrgIn<'org.members.reinvite'>): Promise<OrgOut<'org.members.reinvite'>> {
    const s = ctx.scope(input);
    const answer = await ctx.call(s, (a) => reinviteOrgUsers(a, s.organizationId, input.ids));
    return bulkResult(fromServer(input.ids, answer, NOT_FOUND));
  }

  async function change(action: Lifecycle, input: IdsInput): Promise<BulkOut> {
    const s = ctx.scope(input);
    const users = await ctx.call(s, (a) => fetchOrgUsers(a, s.organizationId));
    // Your own row is skipped when removing, so it cannot take the owner check (or the request) down with it.
    const self = action === 'remove' ? ownRows(input.ids, users, (await ctx.call(s, fetchProfile)).id) : [];
    const asked = input.ids.filter((id) => !self.includes(id));
    const owners = users.filter(isConfirmedOwner).map((u) => u.id.toLowerCase());
    // As the server does one by one: the last confirmed owner in the selection is the one refused.
    const leaving = action === 'restore' ? [] : asked.filter((id) => owners.includes(id));
    const refused = leaving.length && leaving.length === owners.length ? [leaving[leaving.length - 1]!] : [];
    const ids = asked.filter((id) => !refused.includes(id));
    const rows = [...refused.map((id) => failedRow(id, LAST_OWNER_MESSAGE)), ...self.map(selfSkippedRow)];
    if (ids.length) {
      // Members restored into an org with the data-ownership policy get their "My Items" collection.
      const defaultUserCollectionName =
        action === 'restore' && (await ctx.hasOrgKey(s))
          ? await ctx.withOrgKey(s, (key) => encryptToString('My Items', key))
          : undefined;
      const answer = await ctx.call(s, (a) =>
        changeOrgUsers(a, s.organizationId, action, {
          ids,
          ...(defaultUserCollectionName ? { defaultUserCollectionName } : {}),
        }),
      );
      rows.push(...fromServer(ids, answer, NOT_FOUND));
    }
    return bulkResult(inOrder(input.ids, rows));
  }

  return {
    reinvite,
    revoke: (input: IdsInput) => change('revoke', input),
    restore: (input: IdsInput) => change('restore', input),
    remove: (input: IdsInput) => change('remove', input),
  };
}
