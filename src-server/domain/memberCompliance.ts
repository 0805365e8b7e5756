// Policy checks a membership must pass to be accepted, confirmed or restored (TwoFactorAuthentication and
// SingleOrg; owners and admins are exempt from both, as upstream).
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema';
import { OrgUserStatus, OrgUserType } from './orgRoles';
import { PolicyType, policyEnabled } from './policyTypes';

type DbOrTrx = Kysely<Database> | Transaction<Database>;

const exempt = (type: number) => type === OrgUserType.Owner || type === OrgUserType.Admin;

export async function hasTwoFactor(db: DbOrTrx, userId: string): Promise<boolean> {
  const row = await db
    .selectFrom('two_factor_providers')
    .select('user_id')
    .where('user_id', '=', userId)
    .where('enabled', '=', 1)
    .where('type', 'in', [0, 1])
    .executeTakeFirst();
  return !!row;
}

/** True when the org requires two-step login from this member and the user has none. */
export async function missingRequiredTwoFactor(
  db: DbOrTrx,
  orgId: string,
  userId: string,
  memberType: number,
): Promise<boolean> {
  if (exempt(memberType)) return false;
  if (!(await policyEnabled(db, orgId, PolicyType.TwoFactorAuthentication))) return false;
  return !(await hasTwoFactor(db, userId));
}

export type SingleOrgConflict = 'thisOrgForbids' | 'otherOrgForbids' | null;

/** SingleOrg: this org forbids other memberships, or another org the user belongs to forbids this one. */
export async function singleOrgConflict(
  db: DbOrTrx,
  orgId: string,
  userId: string,
  memberType: number,
): Promise<SingleOrgConflict> {
  const others = await db
    .selectFrom('organization_users')
    .select(['organization_id', 'type', 'status'])
    .where('user_id', '=', userId)
    .where('organization_id', '!=', orgId)
    .where('status', 'in', [OrgUserStatus.Accepted, OrgUserStatus.Confirmed])
    .execute();
  if (others.length === 0) return null;
  if (!exempt(memberType) && (await policyEnabled(db, orgId, PolicyType.SingleOrg))) return 'thisOrgForbids';
  for (const o of others) {
    if (!exempt(o.type) && (await policyEnabled(db, o.organization_id, PolicyType.SingleOrg))) return 'otherOrgForbids';
  }
  return null;
}
