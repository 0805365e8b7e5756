// Two-step login providers of a user (bitwarden-accounts.md §4): stored rows, enabling, disabling. Every change
// rotates the security stamp, ending the user's sessions (a stricter rule than Bitwarden's, accounts §3.8).
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema';
import { flag, isSet, nowIso, parseJson } from '../db/values';
import { randomLowerAlnum } from './secrets';
import { rotateSecurityStamp } from './securityStamp';

type DbOrTrx = Kysely<Database> | Transaction<Database>;

export const TwoFactorType = {
  Authenticator: 0,
  Email: 1,
  Duo: 2,
  YubiKey: 3,
  U2f: 4,
  Remember: 5,
  OrganizationDuo: 6,
  WebAuthn: 7,
  RecoveryCode: 8,
} as const;

export interface ProviderRow {
  type: number;
  enabled: boolean;
  data: { key?: string; email?: string };
  lastUsedStep: number | null;
}

export async function listProviders(db: DbOrTrx, userId: string): Promise<ProviderRow[]> {
  const rows = await db
    .selectFrom('two_factor_providers')
    .selectAll()
    .where('user_id', '=', userId)
    .orderBy('type')
    .execute();
  return rows.map((r) => ({
    type: r.type,
    enabled: isSet(r.enabled),
    data: parseJson(r.data, {}),
    lastUsedStep: r.last_used_step,
  }));
}

export async function enabledProviders(db: DbOrTrx, userId: string): Promise<ProviderRow[]> {
  return (await listProviders(db, userId)).filter(
    (p) => p.enabled && (p.type === TwoFactorType.Authenticator || p.type === TwoFactorType.Email),
  );
}

/** Enables (or re-configures) a provider; the first provider also creates the recovery code. */
export async function enableProvider(trx: DbOrTrx, userId: string, type: number, data: object): Promise<void> {
  const now = nowIso();
  const values = { enabled: flag(true), data: JSON.stringify(data), last_used_step: null, revision_date: now };
  await trx
    .insertInto('two_factor_providers')
    .values({ user_id: userId, type, ...values })
    .onConflict((oc) => oc.columns(['user_id', 'type']).doUpdateSet(values))
    .execute();
  const user = await trx
    .selectFrom('users')
    .select('two_factor_recovery_code')
    .where('id', '=', userId)
    .executeTakeFirstOrThrow();
  await trx
    .updateTable('users')
    .set({ two_factor_recovery_code: user.two_factor_recovery_code ?? randomLowerAlnum(32) })
    .where('id', '=', userId)
    .execute();
  await rotateSecurityStamp(trx, userId);
}

export async function disableProvider(trx: DbOrTrx, userId: string, type: number): Promise<void> {
  await trx.deleteFrom('two_factor_providers').where('user_id', '=', userId).where('type', '=', type).execute();
  await rotateSecurityStamp(trx, userId);
}

/** Recovery: every provider removed, a new recovery code. */
export async function resetTwoFactor(trx: DbOrTrx, userId: string): Promise<void> {
  await trx.deleteFrom('two_factor_providers').where('user_id', '=', userId).execute();
  await trx
    .updateTable('users')
    .set({ two_factor_recovery_code: randomLowerAlnum(32) })
    .where('id', '=', userId)
    .execute();
  await rotateSecurityStamp(trx, userId);
}

export async function recordTotpStep(trx: DbOrTrx, userId: string, step: number): Promise<void> {
  await trx
    .updateTable('two_factor_providers')
    .set({ last_used_step: step })
    .where('user_id', '=', userId)
    .where('type', '=', TwoFactorType.Authenticator)
    .execute();
}

/** `so*****@example.com` as in the challenge body. */
export function redactEmail(email: string): string {
  const [local = '', domain = ''] = email.split('@');
  const shown = local.slice(0, Math.min(2, local.length));
  return `${shown}${'*'.repeat(Math.max(1, local.length - shown.length))}@${domain}`;
}
