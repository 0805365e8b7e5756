// Typed Kysely schema. Conventions that keep one migration set working on SQLite and PostgreSQL:
// - ids are text UUIDs (`newId()`), dates are ISO-8601 UTC text (`nowIso()`), so they sort as text;
// - booleans are integers 0/1 (`flag()` / `isSet()` in `db/values.ts`);
// - no database defaults (values are set in code); a defaulted column would be typed `Generated<>`;
// - free-form objects (permissions, policy data, SSO data, cipher bodies) are JSON text.
import type { Insertable, Selectable, Updateable } from 'kysely';
import type { ProviderTables } from './providerSchema';

export * from './providerSchema';

export interface UsersTable {
  id: string;
  email: string; // lower-cased
  name: string | null;
  email_verified: number;
  master_password_hash: string | null; // server-side re-hash (`domain/passwordHash.ts`), never the client hash
  master_password_hint: string | null;
  master_password_salt: string | null;
  culture: string;
  security_stamp: string;
  key: string | null; // user key wrapped by the stretched master key (EncString)
  public_key: string | null;
  private_key: string | null;
  signed_public_key: string | null;
  signature_key_pair: string | null; // JSON
  security_state: string | null; // JSON
  user_key_id: string | null;
  kdf: number;
  kdf_iterations: number;
  kdf_memory: number | null;
  kdf_parallelism: number | null;
  api_key: string;
  premium: number;
  verify_devices: number;
  force_password_reset: number;
  avatar_color: string | null;
  two_factor_recovery_code: string | null;
  creation_date: string;
  revision_date: string;
  account_revision_date: string;
}

export interface DevicesTable {
  id: string;
  user_id: string;
  identifier: string;
  type: number;
  name: string;
  push_token: string | null;
  creation_date: string;
  revision_date: string;
}

export interface RefreshTokensTable {
  token_hash: string;
  user_id: string;
  device_id: string | null;
  client_id: string;
  expires_at: string;
  creation_date: string;
  security_stamp: string; // the user's stamp at issue; refused once it changes
  family_id: string; // shared by every token rotated from one login
  used_date: string | null; // set when rotated; presenting it again revokes the family
}

/** Counters of `domain/backoff.ts`: `login:<account>|<address>`, `ip:<address>`, `mail-ip:<address>`, `mail-to:<email>`. */
export interface LoginBackoffTable {
  scope_key: string;
  failures: number;
  first_failure_at: string;
  locked_until: string | null;
}

export interface TwoFactorProvidersTable {
  user_id: string;
  type: number;
  enabled: number;
  data: string; // JSON: { key } for Authenticator, { email } for Email
  last_used_step: number | null; // TOTP replay guard
  revision_date: string;
}

/** Emailed one-time codes: 2FA login (`2fa-login`), 2FA email set-up (`2fa-setup:<email>`), new device (`new-device`). */
export interface EmailCodesTable {
  id: string;
  user_id: string;
  purpose: string;
  code_hash: string;
  attempts: number;
  expires_at: string;
  creation_date: string;
}

export interface TwoFactorRememberTokensTable {
  token_hash: string;
  user_id: string;
  security_stamp: string;
  expires_at: string;
  creation_date: string;
}

/** Single-use guard for signed tokens (registration, invitations): a row per token already redeemed. */
export interface UsedTokensTable {
  token_hash: string;
  purpose: string;
  used_date: string;
  expires_at: string;
}

export interface ServerKeysTable {
  name: string;
  value: string;
}

export interface FoldersTable {
  id: string;
  user_id: string;
  name: string;
  creation_date: string;
  revision_date: string;
}

export interface OrganizationsTable {
  id: string;
  identifier: string | null;
  name: string; // plaintext, stored HTML-encoded
  business_name: string | null;
  business_address1: string | null;
  business_address2: string | null;
  business_address3: string | null;
  business_country: string | null;
  business_tax_number: string | null;
  billing_email: string;
  plan_type: number;
  seats: number | null;
  max_autoscale_seats: number | null;
  max_collections: number | null;
  max_storage_gb: number | null;
  sm_seats: number | null;
  sm_service_accounts: number | null;
  max_autoscale_sm_seats: number | null;
  max_autoscale_sm_service_accounts: number | null;
  features: string; // JSON map of the response's `use*` flags plus selfHost, usersGetPremium
  status: number; // OrganizationStatusType
  enabled: number;
  public_key: string | null;
  private_key: string | null;
  limit_collection_creation: number;
  limit_collection_deletion: number;
  limit_item_deletion: number;
  allow_admin_access_to_all_collection_items: number;
  license_key: string | null;
  creation_date: string;
  revision_date: string;
}

export interface OrganizationApiKeysTable {
  id: string;
  organization_id: string;
  type: number;
  api_key: string;
  revision_date: string;
}

export interface OrganizationUsersTable {
  id: string;
  organization_id: string;
  user_id: string | null;
  email: string | null; // invited email until accepted
  key: string | null; // org key wrapped to the member (type 4)
  reset_password_key: string | null;
  type: number;
  status: number;
  external_id: string | null;
  access_secrets_manager: number;
  access_pam: number;
  permissions: string | null; // JSON Permissions
  revocation_reason: number | null;
  creation_date: string;
  revision_date: string;
}

export interface GroupsTable {
  id: string;
  organization_id: string;
  name: string;
  external_id: string | null;
  creation_date: string;
  revision_date: string;
}

export interface GroupUsersTable {
  group_id: string;
  organization_user_id: string;
}

export interface CollectionsTable {
  id: string;
  organization_id: string;
  name: string; // EncString
  external_id: string | null;
  type: number;
  default_user_collection_email: string | null;
  creation_date: string;
  revision_date: string;
}

export interface CollectionAccessColumns {
  read_only: number;
  hide_passwords: number;
  manage: number;
}

export interface CollectionUsersTable extends CollectionAccessColumns {
  collection_id: string;
  organization_user_id: string;
}

export interface CollectionGroupsTable extends CollectionAccessColumns {
  collection_id: string;
  group_id: string;
}

export interface PoliciesTable {
  id: string;
  organization_id: string;
  type: number;
  enabled: number;
  data: string | null; // JSON
  creation_date: string;
  revision_date: string;
}

export interface SsoConfigsTable {
  organization_id: string;
  enabled: number;
  data: string | null; // JSON SsoConfigurationData
  creation_date: string;
  revision_date: string;
}

export interface CiphersTable {
  id: string;
  user_id: string | null;
  organization_id: string | null;
  type: number;
  data: string; // JSON: the encrypted cipher body as received (name, notes, login, fields, …)
  folder_id: string | null;
  favorite: number;
  reprompt: number;
  key: string | null;
  creation_date: string;
  revision_date: string;
  deleted_date: string | null;
  archived_date: string | null;
}

export interface CollectionCiphersTable {
  collection_id: string;
  cipher_id: string;
}

export interface EventsTable {
  id: string;
  type: number;
  date: string;
  user_id: string | null;
  organization_id: string | null;
  provider_id: string | null;
  cipher_id: string | null;
  collection_id: string | null;
  group_id: string | null;
  policy_id: string | null;
  organization_user_id: string | null;
  provider_user_id: string | null;
  provider_organization_id: string | null;
  acting_user_id: string | null;
  installation_id: string | null;
  device_type: number | null;
  ip_address: string | null;
  system_user: number | null;
  domain_name: string | null;
  secret_id: string | null;
  project_id: string | null;
  service_account_id: string | null;
  granted_service_account_id: string | null;
  send_id: string | null;
}

/** Which self-hosted installations downloaded an org's license (002_org_admin). */
export interface OrganizationInstallationsTable {
  organization_id: string;
  installation_id: string;
  creation_date: string;
  revision_date: string;
}

/** Every table: the core and org-admin ones here, the provider ones in providerSchema.ts. */
export interface Database extends ProviderTables {
  users: UsersTable;
  devices: DevicesTable;
  refresh_tokens: RefreshTokensTable;
  login_backoff: LoginBackoffTable;
  two_factor_providers: TwoFactorProvidersTable;
  email_codes: EmailCodesTable;
  two_factor_remember_tokens: TwoFactorRememberTokensTable;
  used_tokens: UsedTokensTable;
  server_keys: ServerKeysTable;
  folders: FoldersTable;
  organizations: OrganizationsTable;
  organization_api_keys: OrganizationApiKeysTable;
  organization_users: OrganizationUsersTable;
  groups: GroupsTable;
  group_users: GroupUsersTable;
  collections: CollectionsTable;
  collection_users: CollectionUsersTable;
  collection_groups: CollectionGroupsTable;
  policies: PoliciesTable;
  sso_configs: SsoConfigsTable;
  ciphers: CiphersTable;
  collection_ciphers: CollectionCiphersTable;
  events: EventsTable;
  organization_installations: OrganizationInstallationsTable;
}

export type User = Selectable<UsersTable>;
export type NewUser = Insertable<UsersTable>;
export type UserUpdate = Updateable<UsersTable>;
export type Organization = Selectable<OrganizationsTable>;
export type OrganizationUser = Selectable<OrganizationUsersTable>;
export type Collection = Selectable<CollectionsTable>;
export type Policy = Selectable<PoliciesTable>;
export type EventRow = Selectable<EventsTable>;
export type NewEvent = Insertable<EventsTable>;

// ---- Seat use per org (issue 9, migration 004_seat_counts): kept by triggers on organization_users. ----

export interface OrganizationSeatCountsTable {
  organization_id: string;
  /** Invited, Accepted and Confirmed members. */
  occupied: number;
  /** Confirmed members. */
  confirmed: number;
}

export interface Database {
  organization_seat_counts: OrganizationSeatCountsTable;
}
