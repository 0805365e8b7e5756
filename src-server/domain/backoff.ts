// Backoff after repeated failures, per account and per IP, with counters in the database (the backend keeps
// no state between requests). After `max` failures inside the window the key is locked, the lock doubling
// with every further failure up to `maxLockSeconds`; a locked key answers 429 with Retry-After.
import type { ServerConfig } from '../config';
import type { Db } from '../db/database';
import { nowIso } from '../db/values';

export const accountKey = (id: string) => `account:${id}`;
export const ipKey = (ip: string) => `ip:${ip}`;

/** Seconds until the longest lock among the keys ends, or null when none is locked. */
export async function lockedFor(db: Db, keys: string[]): Promise<number | null> {
  const rows = await db.selectFrom('login_backoff').select(['locked_until']).where('scope_key', 'in', keys).execute();
  const now = Date.now();
  let longest = 0;
  for (const row of rows) {
    const until = row.locked_until ? Date.parse(row.locked_until) : 0;
    if (until > now) longest = Math.max(longest, until - now);
  }
  return longest > 0 ? Math.ceil(longest / 1000) : null;
}

function maxFor(config: ServerConfig, key: string): number {
  return key.startsWith('ip:') ? config.backoff.ipMaxFailures : config.backoff.accountMaxFailures;
}

export async function recordFailure(db: Db, config: ServerConfig, keys: string[]): Promise<void> {
  const { windowSeconds, lockSeconds, maxLockSeconds } = config.backoff;
  await db.transaction().execute(async (trx) => {
    for (const key of keys) {
      const row = await trx.selectFrom('login_backoff').selectAll().where('scope_key', '=', key).executeTakeFirst();
      const now = Date.now();
      const fresh = !row || now - Date.parse(row.first_failure_at) > windowSeconds * 1000;
      const failures = fresh ? 1 : row.failures + 1;
      const over = failures - maxFor(config, key);
      const lockMs = over >= 0 ? Math.min(lockSeconds * 2 ** Math.min(over, 20), maxLockSeconds) * 1000 : 0;
      const values = {
        failures,
        first_failure_at: fresh ? nowIso() : row.first_failure_at,
        locked_until: lockMs > 0 ? new Date(now + lockMs).toISOString() : null,
      };
      if (row) await trx.updateTable('login_backoff').set(values).where('scope_key', '=', key).execute();
      else
        await trx
          .insertInto('login_backoff')
          .values({ scope_key: key, ...values })
          .onConflict((oc) => oc.column('scope_key').doUpdateSet(values))
          .execute();
    }
  });
}

export async function clearFailures(db: Db, keys: string[]): Promise<void> {
  await db.deleteFrom('login_backoff').where('scope_key', 'in', keys).execute();
}
