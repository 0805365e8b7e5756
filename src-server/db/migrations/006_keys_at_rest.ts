// Issue 13: the access-token signing key leaves the database. An existing `server_keys` row `jwt` goes to the key
// file of the configuration (`domain/jwtKeys.ts`) and is deleted from the table; new installations never write it.
// The file system is outside Kysely's reach, so `migrateToLatest` hands this migration the configuration through
// `keysAtRest` (an AsyncLocalStorage around the run). Several instances on PostgreSQL must set `PD_JWT_KEY` (or
// one shared `PD_JWT_KEY_FILE`) before upgrading: the first instance to migrate takes the old key to its own file.
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Kysely } from 'kysely';
import { adoptLegacyJwtKey, type JwtKeyConfig } from '../../domain/jwtKeys';

export interface KeysAtRest {
  config: JwtKeyConfig;
  log?: (message: string) => void;
}

export const keysAtRest = new AsyncLocalStorage<KeysAtRest>();

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  const row = (await db.selectFrom('server_keys').select('value').where('name', '=', 'jwt').executeTakeFirst()) as
    { value: string } | undefined;
  if (!row) return;
  const target = keysAtRest.getStore();
  if (!target) throw new Error('006_keys_at_rest needs the key configuration (run it through migrateToLatest)');
  const done = adoptLegacyJwtKey(target.config, row.value);
  await db.deleteFrom('server_keys').where('name', '=', 'jwt').execute();
  target.log?.(`JWT signing key: ${done}`);
}

/** Down: the key stays where it is (files are not put back into the database). */
export async function down(): Promise<void> {}
