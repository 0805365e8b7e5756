/**
 * Provider events for the cache: display fields only, plus a stable `key`. Events carry no id on the wire
 * (bitwarden-api.md §8.3), so the key is a hash of every field: the same event fetched twice gets the same key,
 * and the renderer's `put` by key can never store it twice.
 */
import { createHash } from 'node:crypto';
import type { ProviderEvent } from '../../src-shared/contract';
import { eventSchema, type WireEvent } from '../bitwarden/apiSchemas';

const FIELDS = Object.keys(eventSchema.shape) as (keyof WireEvent)[];

export function eventKey(event: WireEvent): string {
  const canonical = JSON.stringify(FIELDS.map((field) => event[field] ?? null));
  return createHash('sha256').update(canonical).digest('hex').slice(0, 32);
}

export function toProviderEvent(event: WireEvent): ProviderEvent {
  return {
    key: eventKey(event),
    type: event.type,
    date: event.date,
    actingUserId: event.actingUserId,
    userId: event.userId,
    organizationId: event.organizationId,
    organizationUserId: event.organizationUserId,
    providerId: event.providerId,
    providerUserId: event.providerUserId,
    providerOrganizationId: event.providerOrganizationId,
    cipherId: event.cipherId,
    collectionId: event.collectionId,
    groupId: event.groupId,
    policyId: event.policyId,
    deviceType: event.deviceType,
    ipAddress: event.ipAddress,
    systemUser: event.systemUser,
  };
}
