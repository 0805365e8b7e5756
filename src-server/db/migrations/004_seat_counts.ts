// Found by the backend benchmarks on scale data (issue 9, bench/server/): seat use per client org.
// - `organization_seat_counts`: Invited/Accepted/Confirmed ("occupied") and Confirmed members per org, kept by
//   triggers on `organization_users` (every insert, delete — cascades included — and status change), so the list of
//   a provider's 5,000 clients reads one row per client instead of counting ~85,000 memberships per request.
// - an (organization_id, status) index for the per-org counts that remain (seat checks on invite).
// The only dialect-specific SQL of the migration set: SQLite and PostgreSQL write triggers differently.
import { PostgresAdapter, sql, type Kysely } from 'kysely';

const OCCUPIED = (row: 'NEW' | 'OLD') => sql.raw(`(CASE WHEN ${row}.status BETWEEN 0 AND 2 THEN 1 ELSE 0 END)`);
const CONFIRMED = (row: 'NEW' | 'OLD') => sql.raw(`(CASE WHEN ${row}.status = 2 THEN 1 ELSE 0 END)`);

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('organization_users_org_status')
    .ifNotExists()
    .on('organization_users')
    .columns(['organization_id', 'status'])
    .execute();

  await db.schema
    .createTable('organization_seat_counts')
    .addColumn('organization_id', 'text', (c) => c.primaryKey().references('organizations.id').onDelete('cascade'))
    .addColumn('occupied', 'integer', (c) => c.notNull())
    .addColumn('confirmed', 'integer', (c) => c.notNull())
    .execute();

  const add = sql`INSERT INTO organization_seat_counts (organization_id, occupied, confirmed)
    VALUES (NEW.organization_id, ${OCCUPIED('NEW')}, ${CONFIRMED('NEW')})
    ON CONFLICT (organization_id) DO UPDATE SET
      occupied = organization_seat_counts.occupied + excluded.occupied,
      confirmed = organization_seat_counts.confirmed + excluded.confirmed`;
  const remove = sql`UPDATE organization_seat_counts SET
      occupied = occupied - ${OCCUPIED('OLD')},
      confirmed = confirmed - ${CONFIRMED('OLD')}
    WHERE organization_id = OLD.organization_id`;

  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`CREATE FUNCTION organization_seat_counts_apply() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP IN ('UPDATE', 'DELETE') THEN ${remove}; END IF;
        IF TG_OP IN ('INSERT', 'UPDATE') THEN ${add}; END IF;
        RETURN NULL;
      END $$`.execute(db);
    await sql`CREATE TRIGGER organization_users_seat_counts
      AFTER INSERT OR DELETE OR UPDATE OF status, organization_id ON organization_users
      FOR EACH ROW EXECUTE FUNCTION organization_seat_counts_apply()`.execute(db);
  } else {
    await sql`CREATE TRIGGER organization_users_seat_counts_insert AFTER INSERT ON organization_users
      BEGIN ${add}; END`.execute(db);
    await sql`CREATE TRIGGER organization_users_seat_counts_delete AFTER DELETE ON organization_users
      BEGIN ${remove}; END`.execute(db);
    await sql`CREATE TRIGGER organization_users_seat_counts_update AFTER UPDATE OF status, organization_id ON organization_users
      BEGIN ${remove}; ${add}; END`.execute(db);
  }

  await sql`INSERT INTO organization_seat_counts (organization_id, occupied, confirmed)
    SELECT organization_id,
      SUM(CASE WHEN status BETWEEN 0 AND 2 THEN 1 ELSE 0 END),
      SUM(CASE WHEN status = 2 THEN 1 ELSE 0 END)
    FROM organization_users GROUP BY organization_id`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`DROP TRIGGER IF EXISTS organization_users_seat_counts ON organization_users`.execute(db);
    await sql`DROP FUNCTION IF EXISTS organization_seat_counts_apply()`.execute(db);
  } else {
    for (const name of ['insert', 'delete', 'update'])
      await sql`DROP TRIGGER IF EXISTS ${sql.raw(`organization_users_seat_counts_${name}`)}`.execute(db);
  }
  await db.schema.dropTable('organization_seat_counts').ifExists().execute();
  await db.schema.dropIndex('organization_users_org_status').ifExists().execute();
}
