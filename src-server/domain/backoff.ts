// Backoff after repeated failures, per account and per IP, with counters in the database (the backend keeps
// no state between requests). After `max` failures inside the window the key is locked, the lock doubling
// with every further failure up to `maxLockSeconds`; a locked key answers 429 with Retry-After.
import type { ServerConfig } from '../config';
import type { Db } from '../db/database';

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
      // One atomic upsert per key: concurrent failures (at one instance or several sharing the database) each add
      // one; a read-then-write would lose some under PostgreSQL's read committed (tests/server/scaleOut.test.ts).
      const now = Date.now();
      const windowStart = new Date(now - windowSeconds * 1000).toISOString();
      const { failures } = await trx
        .insertInto('login_backoff')
        .values({ scope_key: key, failures: 1, first_failure_at: new Date(now).toISOString(), locked_until: null })
        .onConflict((oc) =>
          oc.column('scope_key').doUpdateSet((eb) => {
            const expired = eb('login_backoff.first_failure_at', '<', windowStart);
            return {
              failures: eb
                .case()
                .when(expired)
                .then(1)
                .else(eb('login_backoff.failures', '+', 1))
                .end(),
              first_failure_at: eb
                .case()
                .when(expired)
                .then(eb.ref('excluded.first_failure_at'))
                .else(eb.ref('login_backoff.first_failure_at'))
                .end(),
            };
          }),
        )
        .returning('failures')
        .executeTakeFirstOrThrow();
      const over = failures - maxFor(config, key);
      if (over < 0) continue;
      const lockedUntil = new Date(
        now + Math.min(lockSeconds * 2 ** Math.min(over, 20), maxLockSeconds) * 1000,
      ).toISOString();
      // Only ever lengthens a lock (a concurrent failure may have set a longer one).
      await trx
        .updateTable('login_backoff')
        .set({ locked_until: lockedUntil })
        .where('scope_key', '=', key)
        .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', lockedUntil)]))
        .execute();
    }
  });
}

export async function clearFailures(db: Db, keys: string[]): Promise<void> {
  await db.deleteFrom('login_backoff').where('scope_key', 'in', keys).execute();
}
