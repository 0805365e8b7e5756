// The combined MasterPassword policy (type 1) of the user's organizations, as the token response carries it.
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema';
import { parseJson } from '../db/values';

type DbOrTrx = Kysely<Database> | Transaction<Database>;

interface PolicyData {
  minComplexity?: number | null;
  minLength?: number | null;
  requireLower?: boolean | null;
  requireUpper?: boolean | null;
  requireNumbers?: boolean | null;
  requireSpecial?: boolean | null;
  enforceOnLogin?: boolean | null;
}

export async function combinedMasterPasswordPolicy(db: DbOrTrx, userId: string): Promise<PolicyData | null> {
  const rows = await db
    .selectFrom('policies')
    .innerJoin('organization_users', 'organization_users.organization_id', 'policies.organization_id')
    .select('policies.data')
    .where('organization_users.user_id', '=', userId)
    .where('organization_users.status', 'in', [1, 2])
    .where('policies.type', '=', 1)
    .where('policies.enabled', '=', 1)
    .execute();
  if (rows.length === 0) return null;
  const out: PolicyData = {};
  const max = (a: number | null | undefined, b: number | null | undefined) =>
    b == null ? (a ?? null) : Math.max(a ?? b, b);
  for (const row of rows) {
    const d = parseJson<PolicyData>(row.data, {});
    out.minComplexity = max(out.minComplexity, d.minComplexity);
    out.minLength = max(out.minLength, d.minLength);
    for (const k of ['requireLower', 'requireUpper', 'requireNumbers', 'requireSpecial', 'enforceOnLogin'] as const)
      out[k] = (out[k] ?? false) || d[k] === true;
  }
  return out;
}

/** PascalCase identity shape; null members omitted. */
export function identityPolicyBody(p: PolicyData | null): Record<string, unknown> {
  const body: Record<string, unknown> = { Object: 'masterPasswordPolicy' };
  if (!p) return body;
  for (const [k, v] of Object.entries(p)) if (v != null) body[k.charAt(0).toUpperCase() + k.slice(1)] = v;
  return body;
}
