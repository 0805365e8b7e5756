// Core schema: accounts, identity, organizations and their contents, events (issue 4).
// Portable types only (text, integer), no autoIncrement, no database defaults: runs on SQLite and PostgreSQL.
import type { CreateTableBuilder, Kysely } from 'kysely';

type Table = CreateTableBuilder<string, string>;

const dated = (t: Table) =>
  t.addColumn('creation_date', 'text', (c) => c.notNull()).addColumn('revision_date', 'text', (c) => c.notNull());

export async function up(db: Kysely<unknown>): Promise<void> {
  const s = db.schema;

  await s
    .createTable('server_keys')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .execute();

  await dated(
    s
      .createTable('users')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('email', 'text', (c) => c.notNull().unique())
      .addColumn('name', 'text')
      .addColumn('email_verified', 'integer', (c) => c.notNull())
      .addColumn('master_password_hash', 'text')
      .addColumn('master_password_hint', 'text')
      .addColumn('master_password_salt', 'text')
      .addColumn('culture', 'text', (c) => c.notNull())
      .addColumn('security_stamp', 'text', (c) => c.notNull())
      .addColumn('key', 'text')
      .addColumn('public_key', 'text')
      .addColumn('private_key', 'text')
      .addColumn('signed_public_key', 'text')
      .addColumn('signature_key_pair', 'text')
      .addColumn('security_state', 'text')
      .addColumn('user_key_id', 'text')
      .addColumn('kdf', 'integer', (c) => c.notNull())
      .addColumn('kdf_iterations', 'integer', (c) => c.notNull())
      .addColumn('kdf_memory', 'integer')
      .addColumn('kdf_parallelism', 'integer')
      .addColumn('api_key', 'text', (c) => c.notNull())
      .addColumn('premium', 'integer', (c) => c.notNull())
      .addColumn('verify_devices', 'integer', (c) => c.notNull())
      .addColumn('force_password_reset', 'integer', (c) => c.notNull())
      .addColumn('avatar_color', 'text')
      .addColumn('two_factor_recovery_code', 'text'),
  )
    .addColumn('account_revision_date', 'text', (c) => c.notNull())
    .execute();

  await dated(
    s
      .createTable('devices')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('identifier', 'text', (c) => c.notNull())
      .addColumn('type', 'integer', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('push_token', 'text'),
  )
    .addUniqueConstraint('devices_user_identifier', ['user_id', 'identifier'])
    .execute();

  await s
    .createTable('refresh_tokens')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('device_id', 'text')
    .addColumn('client_id', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('creation_date', 'text', (c) => c.notNull())
    .execute();
  await s.createIndex('refresh_tokens_user').on('refresh_tokens').column('user_id').execute();

  await s
    .createTable('login_backoff')
    .addColumn('scope_key', 'text', (c) => c.primaryKey())
    .addColumn('failures', 'integer', (c) => c.notNull())
    .addColumn('first_failure_at', 'text', (c) => c.notNull())
    .addColumn('locked_until', 'text')
    .execute();

  await s
    .createTable('two_factor_providers')
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('type', 'integer', (c) => c.notNull())
    .addColumn('enabled', 'integer', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('last_used_step', 'integer')
    .addColumn('revision_date', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('two_factor_providers_pk', ['user_id', 'type'])
    .execute();

  await s
    .createTable('email_codes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('code_hash', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('creation_date', 'text', (c) => c.notNull())
    .execute();
  await s.createIndex('email_codes_user_purpose').on('email_codes').columns(['user_id', 'purpose']).execute();

  await s
    .createTable('two_factor_remember_tokens')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('security_stamp', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('creation_date', 'text', (c) => c.notNull())
    .execute();

  await s
    .createTable('used_tokens')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('used_date', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();

  await dated(
    s
      .createTable('folders')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('name', 'text', (c) => c.notNull()),
  ).execute();

  await createOrganizationTables(db);
  await createVaultAndEventTables(db);
}

async function createOrganizationTables(db: Kysely<unknown>): Promise<void> {
  const s = db.schema;
  await dated(
    s
      .createTable('organizations')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('identifier', 'text', (c) => c.unique())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('business_name', 'text')
      .addColumn('business_address1', 'text')
      .addColumn('business_address2', 'text')
      .addColumn('business_address3', 'text')
      .addColumn('business_country', 'text')
      .addColumn('business_tax_number', 'text')
      .addColumn('billing_email', 'text', (c) => c.notNull())
      .addColumn('plan_type', 'integer', (c) => c.notNull())
      .addColumn('seats', 'integer')
      .addColumn('max_autoscale_seats', 'integer')
      .addColumn('max_collections', 'integer')
      .addColumn('max_storage_gb', 'integer')
      .addColumn('sm_seats', 'integer')
      .addColumn('sm_service_accounts', 'integer')
      .addColumn('max_autoscale_sm_seats', 'integer')
      .addColumn('max_autoscale_sm_service_accounts', 'integer')
      .addColumn('features', 'text', (c) => c.notNull())
      .addColumn('status', 'integer', (c) => c.notNull())
      .addColumn('enabled', 'integer', (c) => c.notNull())
      .addColumn('public_key', 'text')
      .addColumn('private_key', 'text')
      .addColumn('limit_collection_creation', 'integer', (c) => c.notNull())
      .addColumn('limit_collection_deletion', 'integer', (c) => c.notNull())
      .addColumn('limit_item_deletion', 'integer', (c) => c.notNull())
      .addColumn('allow_admin_access_to_all_collection_items', 'integer', (c) => c.notNull())
      .addColumn('license_key', 'text'),
  ).execute();

  await s
    .createTable('organization_api_keys')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('type', 'integer', (c) => c.notNull())
    .addColumn('api_key', 'text', (c) => c.notNull())
    .addColumn('revision_date', 'text', (c) => c.notNull())
    .addUniqueConstraint('organization_api_keys_org_type', ['organization_id', 'type'])
    .execute();

  await dated(
    s
      .createTable('organization_users')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
      .addColumn('user_id', 'text', (c) => c.references('users.id').onDelete('cascade'))
      .addColumn('email', 'text')
      .addColumn('key', 'text')
      .addColumn('reset_password_key', 'text')
      .addColumn('type', 'integer', (c) => c.notNull())
      .addColumn('status', 'integer', (c) => c.notNull())
      .addColumn('external_id', 'text')
      .addColumn('access_secrets_manager', 'integer', (c) => c.notNull())
      .addColumn('access_pam', 'integer', (c) => c.notNull())
      .addColumn('permissions', 'text')
      .addColumn('revocation_reason', 'integer'),
  )
    .addUniqueConstraint('organization_users_org_user', ['organization_id', 'user_id'])
    .execute();
  await s.createIndex('organization_users_user').on('organization_users').column('user_id').execute();

  await dated(
    s
      .createTable('groups')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('external_id', 'text'),
  ).execute();
  await s.createIndex('groups_org').on('groups').column('organization_id').execute();

  await s
    .createTable('group_users')
    .addColumn('group_id', 'text', (c) => c.notNull().references('groups.id').onDelete('cascade'))
    .addColumn('organization_user_id', 'text', (c) =>
      c.notNull().references('organization_users.id').onDelete('cascade'),
    )
    .addPrimaryKeyConstraint('group_users_pk', ['group_id', 'organization_user_id'])
    .execute();

  await dated(
    s
      .createTable('collections')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('external_id', 'text')
      .addColumn('type', 'integer', (c) => c.notNull())
      .addColumn('default_user_collection_email', 'text'),
  ).execute();
  await s.createIndex('collections_org').on('collections').column('organization_id').execute();

  for (const [table, member, ref] of [
    ['collection_users', 'organization_user_id', 'organization_users.id'],
    ['collection_groups', 'group_id', 'groups.id'],
  ] as const) {
    await s
      .createTable(table)
      .addColumn('collection_id', 'text', (c) => c.notNull().references('collections.id').onDelete('cascade'))
      .addColumn(member, 'text', (c) => c.notNull().references(ref).onDelete('cascade'))
      .addColumn('read_only', 'integer', (c) => c.notNull())
      .addColumn('hide_passwords', 'integer', (c) => c.notNull())
      .addColumn('manage', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint(`${table}_pk`, ['collection_id', member])
      .execute();
  }

  await dated(
    s
      .createTable('policies')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
      .addColumn('type', 'integer', (c) => c.notNull())
      .addColumn('enabled', 'integer', (c) => c.notNull())
      .addColumn('data', 'text'),
  )
    .addUniqueConstraint('policies_org_type', ['organization_id', 'type'])
    .execute();

  await dated(
    s
      .createTable('sso_configs')
      .addColumn('organization_id', 'text', (c) => c.primaryKey().references('organizations.id').onDelete('cascade'))
      .addColumn('enabled', 'integer', (c) => c.notNull())
      .addColumn('data', 'text'),
  ).execute();
}

async function createVaultAndEventTables(db: Kysely<unknown>): Promise<void> {
  const s = db.schema;
  await s
    .createTable('ciphers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.references('users.id').onDelete('cascade'))
    .addColumn('organization_id', 'text', (c) => c.references('organizations.id').onDelete('cascade'))
    .addColumn('type', 'integer', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('folder_id', 'text')
    .addColumn('favorite', 'integer', (c) => c.notNull())
    .addColumn('reprompt', 'integer', (c) => c.notNull())
    .addColumn('key', 'text')
    .addColumn('creation_date', 'text', (c) => c.notNull())
    .addColumn('revision_date', 'text', (c) => c.notNull())
    .addColumn('deleted_date', 'text')
    .addColumn('archived_date', 'text')
    .execute();
  await s.createIndex('ciphers_org').on('ciphers').column('organization_id').execute();
  await s.createIndex('ciphers_user').on('ciphers').column('user_id').execute();

  await s
    .createTable('collection_ciphers')
    .addColumn('collection_id', 'text', (c) => c.notNull().references('collections.id').onDelete('cascade'))
    .addColumn('cipher_id', 'text', (c) => c.notNull().references('ciphers.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('collection_ciphers_pk', ['collection_id', 'cipher_id'])
    .execute();

  // Events outlive what they describe: no foreign keys.
  let events = s
    .createTable('events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('type', 'integer', (c) => c.notNull())
    .addColumn('date', 'text', (c) => c.notNull());
  for (const col of [
    'user_id',
    'organization_id',
    'provider_id',
    'cipher_id',
    'collection_id',
    'group_id',
    'policy_id',
    'organization_user_id',
    'provider_user_id',
    'provider_organization_id',
    'acting_user_id',
    'installation_id',
    'ip_address',
    'domain_name',
    'secret_id',
    'project_id',
    'service_account_id',
    'granted_service_account_id',
    'send_id',
  ]) {
    events = events.addColumn(col, 'text');
  }
  await events.addColumn('device_type', 'integer').addColumn('system_user', 'integer').execute();
  await s.createIndex('events_org_date').on('events').columns(['organization_id', 'date', 'id']).execute();
  await s.createIndex('events_provider_date').on('events').columns(['provider_id', 'date', 'id']).execute();
  await s.createIndex('events_user_date').on('events').columns(['user_id', 'date', 'id']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'events',
    'collection_ciphers',
    'ciphers',
    'sso_configs',
    'policies',
    'collection_groups',
    'collection_users',
    'collections',
    'group_users',
    'groups',
    'organization_users',
    'organization_api_keys',
    'organizations',
    'folders',
    'used_tokens',
    'two_factor_remember_tokens',
    'email_codes',
    'two_factor_providers',
    'login_backoff',
    'refresh_tokens',
    'devices',
    'users',
    'server_keys',
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
