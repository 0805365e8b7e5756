// Opens the database named by the configuration: SQLite in the data dir, or PostgreSQL for postgres:// URLs.
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { ensurePrivateDir, touchPrivateFile } from '../storage';
import type { Database } from './schema';

export type Db = Kysely<Database>;
export type DbKind = 'sqlite' | 'postgres';

export interface DatabaseOptions {
  dataDir: string;
  databaseUrl?: string | undefined;
}

export function databaseKind(options: DatabaseOptions): DbKind {
  return isPostgresUrl(options.databaseUrl) ? 'postgres' : 'sqlite';
}

export function isPostgresUrl(url: string | undefined): url is string {
  return !!url && /^postgres(ql)?:\/\//i.test(url);
}

/** The SQLite file used when no PostgreSQL URL is configured (`sqlite:<path>` URLs name another file). */
export function sqlitePath(options: DatabaseOptions): string {
  if (options.databaseUrl?.startsWith('sqlite:')) return options.databaseUrl.slice('sqlite:'.length);
  return join(options.dataDir, 'provider-desk.sqlite');
}

export function openDatabase(options: DatabaseOptions): Db {
  if (isPostgresUrl(options.databaseUrl)) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: 10 });
    return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  }
  const file = sqlitePath(options);
  if (!options.databaseUrl) ensurePrivateDir(options.dataDir);
  // Created 0600 before SQLite opens it (SQLite would make it 0644); its -wal and -shm files take the same mode.
  if (file !== ':memory:') touchPrivateFile(file);
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // 64 MiB page cache (default 2 MiB; allocated only as used): large lists such as 5,000 clients read their pages
  // from memory rather than through the OS on every request (bench/server/listClients.ts).
  sqlite.pragma('cache_size = -65536');
  return new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
}
