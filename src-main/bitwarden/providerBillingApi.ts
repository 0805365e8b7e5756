/** Provider billing reads (bitwarden-api.md §6.7): subscription, invoices, and an invoice's client report (CSV). */
import { DeskError } from '../../src-shared/contract';
import { apiRequest, providerPath, segment } from './apiRequest';
import { errorOf } from './http';
import type { Authorized } from './providerApi';
import { invoicesWireSchema, subscriptionWireSchema, type SubscriptionWire } from './portalSchemas';

export function fetchSubscription(a: Authorized, providerId: string): Promise<SubscriptionWire> {
  return a.http.json(apiRequest(a, 'GET', providerPath(providerId, '/billing/subscription')), subscriptionWireSchema);
}

export async function fetchInvoices(a: Authorized, providerId: string) {
  const answer = await a.http.json(
    apiRequest(a, 'GET', providerPath(providerId, '/billing/invoices')),
    invoicesWireSchema,
  );
  return answer.invoices;
}

/** The `text/csv` body as sent (the client invoice report). */
export async function fetchInvoiceCsv(a: Authorized, providerId: string, invoiceId: string): Promise<string> {
  const path = providerPath(providerId, `/billing/invoices/${segment(invoiceId)}`);
  const response = await a.http.send(apiRequest(a, 'GET', path));
  if (response.status < 200 || response.status > 299) throw errorOf(response);
  if (typeof response.body !== 'string') {
    throw new DeskError('server', 'The server did not send the invoice as CSV text.');
  }
  return response.body;
}
