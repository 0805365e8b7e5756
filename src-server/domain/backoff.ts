// Login backoff and mail rate limits, with counters in the database (the backend keeps no state between requests).
// Login: per (account, client address) `freeFailures` failures, then a wait of `delaySeconds` doubling with every
// further failure up to `maxDelaySeconds`; per address across accounts the same after `ipMaxFailures`. A stranger
// elsewhere cannot lock the owner out: the owner's own address has its own counter (src-server/README.md).
// An attempt is charged before the secret is checked, so parallel guesses cannot all slip in before the first
// failure is written; a proven secret refunds the charge.
import type { Transaction } from 'kysely';
import type { ServerConfig } from '../config';
import type { Db } from '../db/database';
import type { Database } from '../db/schema';

/** Failures of one account from one address. */
export const pairKey = (account: string, ip: string) => `login:${account}|${ip}`;
export const ipKey = (ip: string) => `ip:${ip}`;
export const mailIpKey = (ip: string) => `mail-ip:${ip}`;
export const mailToKey = (email: string) => `mail-to:${email}`;
export const loginKeys = (account: string, ip: string) => [pairKey(account, ip), ipKey(ip)];

const isIpKey = (key: string) => key.startsWith('ip:');

function freeFor(config: ServerConfig, key: string): number {
  return isIpKey(key) ? config.backoff.ipMaxFailures : config.backoff.freeFailures;
}

/** The wait after `failures` failures of a key, in ms (0 while free): delay × 2^(failures − free), capped. */
export function lockMs(config: ServerConfig, key: string, failures: number): number {
  const over = failures - freeFor(config, key);
  if (over < 0) return 0;
  const { delaySeconds, maxDelaySeconds } = config.backoff;
  return Math.min(delaySeconds * 2 ** Math.min(over, 30), maxDelaySeconds) * 1000;
}

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

type Trx = Transaction<Database>;

/**
 * One atomic upsert adding one to a counter, restarted when it is older than the window and its last lock ended a
 * window ago. Concurrent calls (at one instance or several sharing the database) each add one: the row stays
 * locked until the transaction ends (tests/server/scaleOut.test.ts).
 */
async function bump(trx: Trx, key: string, windowSeconds: number, now: number) {
  const windowStart = new Date(now - windowSeconds * 1000).toISOString();
  return trx
    .insertInto('login_backoff')
    .values({ scope_key: key, failures: 1, first_failure_at: new Date(now).toISOString(), locked_until: null })
    .onConflict((oc) =>
      oc.column('scope_key').doUpdateSet((eb) => {
        const expired = eb.and([
          eb('login_backoff.first_failure_at', '<', windowStart),
          eb(eb.fn.coalesce('login_backoff.locked_until', 'login_backoff.first_failure_at'), '<', windowStart),
        ]);
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
          locked_until: eb.case().when(expired).then(null).else(eb.ref('login_backoff.locked_until')).end(),
        };
      }),
    )
    .returning(['failures', 'first_failure_at', 'locked_until'])
    .executeTakeFirstOrThrow();
}

async function lockAfter(trx: Trx, config: ServerConfig, key: string, failures: number, now: number) {
  const ms = lockMs(config, key, failures);
  if (ms === 0) return;
  const lockedUntil = new Date(now + ms).toISOString();
  // Only ever lengthens a lock.
  await trx
    .updateTable('login_backoff')
    .set({ locked_until: lockedUntil })
    .where('scope_key', '=', key)
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', lockedUntil)]))
    .execute();
}

/**
 * Charges one attempt to every key before the secret is checked. Returns the seconds to wait (nothing charged)
 * when a key is locked, else null: the attempt counts as a failure unless `refundAttempt` follows.
 */
export async function chargeAttempt(db: Db, config: ServerConfig, keys: string[]): Promise<number | null> {
  return db.transaction().execute(async (trx) => {
    const now = Date.now();
    const rows = [];
    for (const key of keys) rows.push({ key, ...(await bump(trx, key, config.backoff.windowSeconds, now)) });
    const waits = rows.map((r) => (r.locked_until ? Date.parse(r.locked_until) - now : 0));
    const longest = Math.max(0, ...waits);
    if (longest > 0) {
      for (const r of rows) await undo(trx, r.key, false);
      return Math.ceil(longest / 1000);
    }
    for (const r of rows) await lockAfter(trx, config, r.key, r.failures, now);
    return null;
  });
}

async function undo(trx: Trx, key: string, unlock: boolean) {
  await trx
    .updateTable('login_backoff')
    .set((eb) => ({
      failures: eb
        .case()
        .when('failures', '>', 0)
        .then(eb('failures', '-', 1))
        .else(0)
        .end(),
      ...(unlock ? { locked_until: null } : {}),
    }))
    .where('scope_key', '=', key)
    .execute();
}

/** The charged attempt proved its secret: it was no failure, and the lock it set (if any) goes. */
export async function refundAttempt(db: Db, keys: string[]): Promise<void> {
  await db.transaction().execute(async (trx) => {
    for (const key of keys) await undo(trx, key, true);
  });
}

/** A failure found after the charge was refunded (a wrong second factor): counts like a charged failure. */
export async function recordFailure(db: Db, config: ServerConfig, keys: string[]): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const now = Date.now();
    for (const key of keys) {
      const { failures } = await bump(trx, key, config.backoff.windowSeconds, now);
      await lockAfter(trx, config, key, failures, now);
    }
  });
}

export async function clearFailures(db: Db, keys: string[]): Promise<void> {
  await db.deleteFrom('login_backoff').where('scope_key', 'in', keys).execute();
}

/**
 * Counts one request of an anonymous mail-sending route per client address and per target address; returns the
 * seconds until the window ends when either is over its limit. Counted for known and unknown addresses alike.
 */
export async function mailRateLimited(db: Db, config: ServerConfig, ip: string, email: string): Promise<number | null> {
  const { perIp, perEmail, windowSeconds } = config.mailRateLimit;
  return db.transaction().execute(async (trx) => {
    const now = Date.now();
    let wait = 0;
    for (const [key, limit] of [
      [mailIpKey(ip), perIp],
      [mailToKey(email), perEmail],
    ] as const) {
      const row = await bump(trx, key, windowSeconds, now);
      if (row.failures > limit) wait = Math.max(wait, Date.parse(row.first_failure_at) + windowSeconds * 1000 - now);
    }
    return wait > 0 ? Math.ceil(wait / 1000) : null;
  });
}

/**
 * Forgets the counters of one client address (its login failures with any account, its IP total, its mail count)
 * and the mail counts of the given addresses: what a trusted caller (the seed) left behind.
 */
export async function clearCallerCounters(db: Db, ip: string, emails: string[] = []): Promise<void> {
  await db
    .deleteFrom('login_backoff')
    .where((eb) =>
      eb.or([
        eb('scope_key', 'in', [ipKey(ip), mailIpKey(ip), ...emails.map(mailToKey)]),
        eb('scope_key', 'like', `login:%|${ip}`),
      ]),
    )
    .execute();
}
