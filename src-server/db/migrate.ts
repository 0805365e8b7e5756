// Runs the migration set (`migrations/index.ts`) to the latest version. `keys` tells migration 006 where the
// signing key it takes out of the database goes (the configuration's key file).
import { Migrator, type MigrationProvider } from 'kysely';
import type { Db } from './database';
import { keysAtRest, type KeysAtRest } from './migrations/006_keys_at_rest';
import { migrations } from './migrations/index';

const provider: MigrationProvider = { getMigrations: async () => migrations };

export async function migrateToLatest(db: Db, keys: KeysAtRest): Promise<string[]> {
  const migrator = new Migrator({ db, provider });
  const { error, results } = await keysAtRest.run(keys, () => migrator.migrateToLatest());
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
