// The provider tables (issue 5, migration 003_providers): providers, their users, client links, plans, seat
// snapshots and invoices, and the seed markers. Same conventions as schema.ts; `Database` extends `ProviderTables`.
import type { Selectable } from 'kysely';

export interface ProvidersTable {
  id: string;
  name: string | null; // stored HTML-encoded; null until set up
  business_name: string | null;
  business_address1: string | null;
  business_address2: string | null;
  business_address3: string | null;
  business_country: string | null;
  business_tax_number: string | null;
  billing_email: string | null;
  billing_address: string | null; // JSON { country, postalCode, line1, line2, city, state, taxId: { code, value } }
  payment_method: string | null; // JSON { type, description } (no processor tokens are kept)
  type: number; // ProviderType
  status: number; // ProviderStatusType
  enabled: number;
  use_events: number;
  discount_percentage: number | null;
  creation_date: string;
  revision_date: string;
}

export interface ProviderUsersTable {
  id: string;
  provider_id: string;
  user_id: string | null;
  email: string | null; // invited email until accepted
  key: string | null; // provider key RSA-wrapped to the member (type 4)
  type: number; // ProviderUserType
  status: number; // ProviderUserStatusType
  permissions: string | null;
  creation_date: string;
  revision_date: string;
}

export interface ProviderOrganizationsTable {
  id: string;
  provider_id: string;
  organization_id: string;
  key: string | null; // org key under the provider key (type 2)
  settings: string | null;
  creation_date: string;
  revision_date: string;
}

export interface ProviderPlansTable {
  id: string;
  provider_id: string;
  plan_type: number;
  seat_minimum: number;
  purchased_seats: number;
  allocated_seats: number;
  creation_date: string;
  revision_date: string;
}

export interface ProviderSeatSnapshotsTable {
  provider_id: string;
  organization_id: string;
  day: string; // YYYY-MM-DD (UTC)
  organization_name: string;
  plan_type: number;
  assigned_seats: number;
  used_seats: number;
}

export interface ProviderInvoicesTable {
  id: string;
  provider_id: string;
  number: string;
  period_start: string; // YYYY-MM-DD, first day of the month
  period_end: string; // YYYY-MM-DD, first day of the next month (exclusive)
  date: string;
  due_date: string;
  total_cents: number;
  status: string; // open | paid | uncollectible
  creation_date: string;
}

export interface ProviderInvoiceItemsTable {
  invoice_id: string;
  organization_id: string;
  client_name: string;
  plan_type: number;
  assigned_seats: number;
  used_seats: number;
  total_cents: number;
}

export interface SeedMarkersTable {
  name: string;
  value: string | null;
  creation_date: string;
}

/** The provider tables, part of `Database` (schema.ts). */
export interface ProviderTables {
  providers: ProvidersTable;
  provider_users: ProviderUsersTable;
  provider_organizations: ProviderOrganizationsTable;
  provider_plans: ProviderPlansTable;
  provider_seat_snapshots: ProviderSeatSnapshotsTable;
  provider_invoices: ProviderInvoicesTable;
  provider_invoice_items: ProviderInvoiceItemsTable;
  seed_markers: SeedMarkersTable;
}

export type Provider = Selectable<ProvidersTable>;
export type ProviderUser = Selectable<ProviderUsersTable>;
export type ProviderOrganization = Selectable<ProviderOrganizationsTable>;
export type ProviderPlan = Selectable<ProviderPlansTable>;
