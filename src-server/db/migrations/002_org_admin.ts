// Org admin additions (issue 4): the org ↔ self-hosted installation link recorded by the license download.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('organization_installations')
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('installation_id', 'text', (c) => c.notNull())
    .addColumn('creation_date', 'text', (c) => c.notNull())
    .addColumn('revision_date', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('organization_installations_pk', ['organization_id', 'installation_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('organization_installations').ifExists().execute();
}
