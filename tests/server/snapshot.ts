// "Database unchanged" checks: a full dump of every table, compared before and after a rejected request.
import type { Db } from '../../src-server/db/database';
import type { Database } from '../../src-server/db/schema';

const TABLES: (keyof Database)[] = [
  'users',
  'devices',
  'refresh_tokens',
  'login_backoff',
  'two_factor_providers',
  'email_codes',
  'two_factor_remember_tokens',
  'used_tokens',
  'folders',
  'organizations',
  'organization_api_keys',
  'organization_users',
  'groups',
  'group_users',
  'collections',
  'collection_users',
  'collection_groups',
  'policies',
  'sso_configs',
  'ciphers',
  'collection_ciphers',
  'events',
];

export async function snapshot(db: Db): Promise<string> {
  const out: Record<string, unknown[]> = {};
  for (const table of TABLES) {
    const rows = await db.selectFrom(table).selectAll().execute();
    out[table] = rows.map((r) => JSON.stringify(r)).sort();
  }
  return JSON.stringify(out);
}
