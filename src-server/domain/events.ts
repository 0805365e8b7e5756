// Event rows. Call `writeEvent(trx, …)` inside the same transaction as the change it records.
import type { FastifyRequest } from 'fastify';
import type { Kysely, Transaction } from 'kysely';
import type { Database, EventRow } from '../db/schema';
import { newId, nowIso } from '../db/values';

export interface EventInput {
  type: number;
  userId?: string | null;
  organizationId?: string | null;
  providerId?: string | null;
  cipherId?: string | null;
  collectionId?: string | null;
  groupId?: string | null;
  policyId?: string | null;
  organizationUserId?: string | null;
  providerUserId?: string | null;
  providerOrganizationId?: string | null;
  actingUserId?: string | null;
  installationId?: string | null;
  deviceType?: number | null;
  ipAddress?: string | null;
  systemUser?: number | null;
  domainName?: string | null;
  sendId?: string | null;
  /** Defaults to now; seeders pass historical dates. */
  date?: string;
}

/** Who did it, from where: spread into every event written by a request. */
export interface EventOrigin {
  actingUserId: string | null;
  deviceType: number | null;
  ipAddress: string | null;
}

export function eventOrigin(request: FastifyRequest): EventOrigin {
  const headerType = Number(request.headers['device-type']);
  return {
    actingUserId: request.auth?.userId ?? null,
    deviceType: request.auth?.deviceType ?? (Number.isInteger(headerType) ? headerType : null),
    ipAddress: request.ip ?? null,
  };
}

function toRow(e: EventInput): EventRow {
  return {
    id: newId(),
    type: e.type,
    date: e.date ?? nowIso(),
    user_id: e.userId ?? null,
    organization_id: e.organizationId ?? null,
    provider_id: e.providerId ?? null,
    cipher_id: e.cipherId ?? null,
    collection_id: e.collectionId ?? null,
    group_id: e.groupId ?? null,
    policy_id: e.policyId ?? null,
    organization_user_id: e.organizationUserId ?? null,
    provider_user_id: e.providerUserId ?? null,
    provider_organization_id: e.providerOrganizationId ?? null,
    acting_user_id: e.actingUserId ?? null,
    installation_id: e.installationId ?? null,
    device_type: e.deviceType ?? null,
    ip_address: e.ipAddress ?? null,
    system_user: e.systemUser ?? null,
    domain_name: e.domainName ?? null,
    secret_id: null,
    project_id: null,
    service_account_id: null,
    granted_service_account_id: null,
    send_id: e.sendId ?? null,
  };
}

export async function writeEvent(trx: Transaction<Database> | Kysely<Database>, event: EventInput): Promise<void> {
  await trx.insertInto('events').values(toRow(event)).execute();
}

export async function writeEvents(trx: Transaction<Database> | Kysely<Database>, events: EventInput[]): Promise<void> {
  if (events.length === 0) return;
  // Chunked: SQLite limits bound parameters per statement.
  for (let i = 0; i < events.length; i += 200) {
    await trx
      .insertInto('events')
      .values(events.slice(i, i + 200).map(toRow))
      .execute();
  }
}

/** The wire shape (`object: "event"`, bitwarden-api.md §8.3). */
export function eventResponse(e: EventRow) {
  return {
    object: 'event',
    type: e.type,
    userId: e.user_id,
    organizationId: e.organization_id,
    providerId: e.provider_id,
    cipherId: e.cipher_id,
    collectionId: e.collection_id,
    groupId: e.group_id,
    policyId: e.policy_id,
    organizationUserId: e.organization_user_id,
    providerUserId: e.provider_user_id,
    providerOrganizationId: e.provider_organization_id,
    actingUserId: e.acting_user_id,
    installationId: e.installation_id,
    date: e.date,
    deviceType: e.device_type,
    ipAddress: e.ip_address,
    systemUser: e.system_user,
    domainName: e.domain_name,
    secretId: e.secret_id,
    projectId: e.project_id,
    serviceAccountId: e.service_account_id,
    grantedServiceAccountId: e.granted_service_account_id,
    sendId: e.send_id,
  };
}
