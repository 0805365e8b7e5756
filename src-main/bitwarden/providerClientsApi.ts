/**
 * Client organizations of a provider (bitwarden-api.md §6.5–6.6): create with consolidated billing, change seats
 * and name, list addable orgs, add an existing org, unlink. Ids in paths are ProviderOrganization ids.
 */
import type { ClientOrganizationPayload } from '../crypto';
import { apiRequest, providerPath, segment } from './apiRequest';
import type { Authorized } from './providerApi';
import { addableSchema } from './portalSchemas';

export interface CreateClientBody extends ClientOrganizationPayload {
  name: string;
  ownerEmail: string;
  planType: number;
  seats: number;
}

export function createClient(a: Authorized, providerId: string, body: CreateClientBody): Promise<void> {
  return a.http.call(apiRequest(a, 'POST', providerPath(providerId, '/clients'), { json: body }));
}

export function updateClient(
  a: Authorized,
  providerId: string,
  providerOrganizationId: string,
  body: { assignedSeats: number; name: string },
): Promise<void> {
  const path = providerPath(providerId, `/clients/${segment(providerOrganizationId)}`);
  return a.http.call(apiRequest(a, 'PUT', path, { json: body }));
}

export function fetchAddableOrganizations(a: Authorized, providerId: string) {
  return a.http.json(apiRequest(a, 'GET', providerPath(providerId, '/clients/addable')), addableSchema);
}

export function addExistingOrganization(
  a: Authorized,
  providerId: string,
  body: { key: string; organizationId: string },
): Promise<void> {
  return a.http.call(apiRequest(a, 'POST', providerPath(providerId, '/clients/existing'), { json: body }));
}

export function unlinkOrganization(a: Authorized, providerId: string, providerOrganizationId: string): Promise<void> {
  const path = providerPath(providerId, `/organizations/${segment(providerOrganizationId)}`);
  return a.http.call(apiRequest(a, 'DELETE', path));
}
