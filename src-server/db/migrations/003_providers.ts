// Providers (issue 5): providers, provider users, client organizations, provider plans and billing
// (daily seat snapshots, invoices), plus the demo seed's bookkeeping. Portable types only, no defaults.
import type { CreateTableBuilder, Kysely } from 'kysely';

type Table = CreateTableBuilder<string, string>;

const dated = (t: Table) =>
  t.addColumn('creation_date', 'text', (c) => c.notNull()).addColumn('revision_date', 'text', (c) => c.notNull());

export async function up(db: Kysely<unknown>): Promise<void> {
  const s = db.schema;

  await dated(
    s
      .createTable('providers')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text')
      .addColumn('business_name', 'text')
      .addColumn('business_address1', 'text')
      .addColumn('business_address2', 'text')
      .addColumn('business_address3', 'text')
      .addColumn('business_country', 'text')
      .addColumn('business_tax_number', 'text')
      .addColumn('billing_email', 'text')
      .addColumn('billing_address', 'text')
      .addColumn('payment_method', 'text')
      .addColumn('type', 'integer', (c) => c.notNull())
      .addColumn('status', 'integer', (c) => c.notNull())
      .addColumn('enabled', 'integer', (c) => c.notNull())
      .addColumn('use_events', 'integer', (c) => c.notNull())
      .addColumn('discount_percentage', 'integer'),
  ).execute();

  await dated(
    s
      .createTable('provider_users')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('provider_id', 'text', (c) => c.notNull().references('providers.id').onDelete('cascade'))
      .addColumn('user_id', 'text', (c) => c.references('users.id').onDelete('cascade'))
      .addColumn('email', 'text')
      .addColumn('key', 'text')
      .addColumn('type', 'integer', (c) => c.notNull())
      .addColumn('status', 'integer', (c) => c.notNull())
      .addColumn('permissions', 'text'),
  )
    .addUniqueConstraint('provider_users_provider_user', ['provider_id', 'user_id'])
    .execute();
  await s.createIndex('provider_users_user').on('provider_users').column('user_id').execute();

  await dated(
    s
      .createTable('provider_organizations')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('provider_id', 'text', (c) => c.notNull().references('providers.id').onDelete('cascade'))
      .addColumn('organization_id', 'text', (c) =>
        c.notNull().unique().references('organizations.id').onDelete('cascade'),
      )
      .addColumn('key', 'text')
      .addColumn('settings', 'text'),
  ).execute();
  await s.createIndex('provider_organizations_provider').on('provider_organizations').column('provider_id').execute();

  await dated(
    s
      .createTable('provider_plans')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('provider_id', 'text', (c) => c.notNull().references('providers.id').onDelete('cascade'))
      .addColumn('plan_type', 'integer', (c) => c.notNull())
      .addColumn('seat_minimum', 'integer', (c) => c.notNull())
      .addColumn('purchased_seats', 'integer', (c) => c.notNull())
      .addColumn('allocated_seats', 'integer', (c) => c.notNull()),
  )
    .addUniqueConstraint('provider_plans_provider_plan', ['provider_id', 'plan_type'])
    .execute();

  // One row per client and UTC day: the most seats assigned and used that day. Outlives the link (no org FK).
  await s
    .createTable('provider_seat_snapshots')
    .addColumn('provider_id', 'text', (c) => c.notNull().references('providers.id').onDelete('cascade'))
    .addColumn('organization_id', 'text', (c) => c.notNull())
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('organization_name', 'text', (c) => c.notNull())
    .addColumn('plan_type', 'integer', (c) => c.notNull())
    .addColumn('assigned_seats', 'integer', (c) => c.notNull())
    .addColumn('used_seats', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('provider_seat_snapshots_pk', ['provider_id', 'organization_id', 'day'])
    .execute();

  await s
    .createTable('provider_invoices')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('provider_id', 'text', (c) => c.notNull().references('providers.id').onDelete('cascade'))
    .addColumn('number', 'text', (c) => c.notNull().unique())
    .addColumn('period_start', 'text', (c) => c.notNull())
    .addColumn('period_end', 'text', (c) => c.notNull())
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('due_date', 'text', (c) => c.notNull())
    .addColumn('total_cents', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('creation_date', 'text', (c) => c.notNull())
    .addUniqueConstraint('provider_invoices_provider_period', ['provider_id', 'period_start'])
    .execute();

  await s
    .createTable('provider_invoice_items')
    .addColumn('invoice_id', 'text', (c) => c.notNull().references('provider_invoices.id').onDelete('cascade'))
    .addColumn('organization_id', 'text', (c) => c.notNull())
    .addColumn('client_name', 'text', (c) => c.notNull())
    .addColumn('plan_type', 'integer', (c) => c.notNull())
    .addColumn('assigned_seats', 'integer', (c) => c.notNull())
    .addColumn('used_seats', 'integer', (c) => c.notNull())
    .addColumn('total_cents', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('provider_invoice_items_pk', ['invoice_id', 'organization_id'])
    .execute();

  // `seed-demo` bookkeeping: steps already done, so a second run adds nothing.
  await s
    .createTable('seed_markers')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text')
    .addColumn('creation_date', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'seed_markers',
    'provider_invoice_items',
    'provider_invoices',
    'provider_seat_snapshots',
    'provider_plans',
    'provider_organizations',
    'provider_users',
    'providers',
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
