/**
 * Provider administration calls (bitwarden-api.md §6.3–6.4): details, update, setup, and the provider-user
 * lifecycle (invite, reinvite, public keys, confirm, change type, remove, accept).
 */
import { apiRequest, providerPath, segment } from './apiRequest';
import type { Authorized } from './providerApi';
import {
  bulkAnswerSchema,
  providerWireSchema,
  publicKeysSchema,
  type ProviderWire,
  type PublicKeyRow,
} from './portalSchemas';

export type BulkAnswer = { id: string; error: string | null }[];

export function fetchProvider(a: Authorized, providerId: string): Promise<ProviderWire> {
  return a.http.json(apiRequest(a, 'GET', providerPath(providerId)), providerWireSchema);
}

export function updateProvider(
  a: Authorized,
  providerId: string,
  body: { name: string; businessName: string; billingEmail: string },
): Promise<ProviderWire> {
  return a.http.json(apiRequest(a, 'PUT', providerPath(providerId), { json: body }), providerWireSchema);
}

export interface SetupBody {
  name: string;
  billingEmail: string;
  token: string;
  key: string;
  billingAddress?: unknown;
}

export function setupProvider(a: Authorized, providerId: string, body: SetupBody): Promise<ProviderWire> {
  return a.http.json(apiRequest(a, 'POST', providerPath(providerId, '/setup'), { json: body }), providerWireSchema);
}

export function inviteProviderUsers(a: Authorized, providerId: string, emails: string[], type: number): Promise<void> {
  return a.http.call(apiRequest(a, 'POST', providerPath(providerId, '/users/invite'), { json: { emails, type } }));
}

export function reinviteProviderUser(a: Authorized, providerId: string, id: string): Promise<void> {
  return a.http.call(apiRequest(a, 'POST', providerPath(providerId, `/users/${segment(id)}/reinvite`)));
}

export async function reinviteProviderUsers(a: Authorized, providerId: string, ids: string[]): Promise<BulkAnswer> {
  const request = apiRequest(a, 'POST', providerPath(providerId, '/users/reinvite'), { json: { ids } });
  return (await a.http.json(request, bulkAnswerSchema)).data;
}

export async function providerUserPublicKeys(
  a: Authorized,
  providerId: string,
  ids: string[],
): Promise<PublicKeyRow[]> {
  const request = apiRequest(a, 'POST', providerPath(providerId, '/users/public-keys'), { json: { ids } });
  return (await a.http.json(request, publicKeysSchema)).data;
}

export function confirmProviderUser(a: Authorized, providerId: string, id: string, key: string): Promise<void> {
  return a.http.call(
    apiRequest(a, 'POST', providerPath(providerId, `/users/${segment(id)}/confirm`), { json: { key } }),
  );
}

export async function confirmProviderUsers(
  a: Authorized,
  providerId: string,
  keys: { id: string; key: string }[],
): Promise<BulkAnswer> {
  const request = apiRequest(a, 'POST', providerPath(providerId, '/users/confirm'), { json: { keys } });
  return (await a.http.json(request, bulkAnswerSchema)).data;
}

export function updateProviderUserType(a: Authorized, providerId: string, id: string, type: number): Promise<void> {
  return a.http.call(apiRequest(a, 'PUT', providerPath(providerId, `/users/${segment(id)}`), { json: { type } }));
}

export function deleteProviderUser(a: Authorized, providerId: string, id: string): Promise<void> {
  return a.http.call(apiRequest(a, 'DELETE', providerPath(providerId, `/users/${segment(id)}`)));
}

export async function deleteProviderUsers(a: Authorized, providerId: string, ids: string[]): Promise<BulkAnswer> {
  const request = apiRequest(a, 'DELETE', providerPath(providerId, '/users'), { json: { ids } });
  return (await a.http.json(request, bulkAnswerSchema)).data;
}

/** The invitee accepts with the emailed token (any signed-in user; the email must match). */
export function acceptProviderInvite(a: Authorized, providerId: string, providerUserId: string, token: string) {
  const path = providerPath(providerId, `/users/${segment(providerUserId)}/accept`);
  return a.http.call(apiRequest(a, 'POST', path, { json: { token } }));
}
