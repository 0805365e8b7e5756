// Provider billing without a payment processor (bitwarden-api.md §6.7): subscription, invoices and their CSV
// client report, and the vnext address / payment method / credit / warnings routes.
import type { FastifyRequest } from 'fastify';
import type { RouteModule } from '../../../context';
import { isSet, nowIso } from '../../../db/values';
import { isGuid } from '../../../domain/orgRoles';
import { requireBillableProvider } from '../../../domain/providers/access';
import { invoiceCsv, invoiceList, issueDueInvoices } from '../../../domain/providers/invoices';
import { snapshotProviderSeats } from '../../../domain/providers/snapshots';
import {
  describePaymentMethod,
  readBillingAddress,
  readPaymentMethod,
  subscriptionResponse,
} from '../../../domain/providers/subscription';
import { requireAuth } from '../../../http/auth';
import { notFound } from '../../../http/errors';
import { parseBody } from '../../../http/validate';
import { billingAddressBody, paymentMethodBody } from './schemas';

type R = FastifyRequest<{ Params: { pid: string } }>;

const billing: RouteModule = (app, ctx) => {
  const billable = (request: R, admin: boolean) =>
    requireBillableProvider(ctx.db, request.params.pid, requireAuth(request).userId, admin);
  const cfg = ctx.config.providerBilling;

  app.get<{ Params: { pid: string } }>('/providers/:pid/billing/subscription', async (request) => {
    const { provider } = await billable(request, false);
    await ctx.db.transaction().execute((trx) => snapshotProviderSeats(trx, provider.id));
    return subscriptionResponse(ctx.db, provider, cfg);
  });

  app.get<{ Params: { pid: string } }>('/providers/:pid/billing/invoices', async (request) => {
    const { provider } = await billable(request, true);
    await ctx.db.transaction().execute((trx) => snapshotProviderSeats(trx, provider.id));
    await issueDueInvoices(ctx.db, provider, cfg);
    return invoiceList(ctx.db, provider.id, ctx.baseUrl());
  });

  app.get<{ Params: { pid: string; invoiceId: string } }>(
    '/providers/:pid/billing/invoices/:invoiceId',
    async (request, reply) => {
      const { provider } = await billable(request, true);
      const report = isGuid(request.params.invoiceId)
        ? await invoiceCsv(ctx.db, provider.id, request.params.invoiceId.toLowerCase(), cfg.currency)
        : null;
      if (!report) throw notFound();
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="provider-invoice-${report.number}.csv"`)
        .send(report.csv);
    },
  );

  const vnext = '/providers/:pid/billing/vnext';

  app.get<{ Params: { pid: string } }>(`${vnext}/address`, async (request, reply) => {
    const { provider } = await billable(request, true);
    return reply.type('application/json').send(JSON.stringify(readBillingAddress(provider)));
  });

  app.put<{ Params: { pid: string } }>(`${vnext}/address`, async (request) => {
    const { provider } = await billable(request, true);
    const b = parseBody(billingAddressBody, request.body);
    await ctx.db.transaction().execute((trx) =>
      trx
        .updateTable('providers')
        .set({
          billing_address: JSON.stringify(b),
          business_country: b.country.toUpperCase(),
          business_tax_number: b.taxId?.value ?? null,
          revision_date: nowIso(),
        })
        .where('id', '=', provider.id)
        .execute(),
    );
    return b;
  });

  app.get<{ Params: { pid: string } }>(`${vnext}/payment-method`, async (request, reply) => {
    const { provider } = await billable(request, true);
    const method = readPaymentMethod(provider);
    return reply
      .type('application/json')
      .send(JSON.stringify(method ? { type: method.type, description: method.description } : null));
  });

  // Re-enables a disabled provider (a payment method fixes a suspension).
  app.put<{ Params: { pid: string } }>(`${vnext}/payment-method`, async (request) => {
    const { provider } = await billable(request, true);
    const b = parseBody(paymentMethodBody, request.body);
    const method = describePaymentMethod(b.type);
    await ctx.db.transaction().execute((trx) =>
      trx
        .updateTable('providers')
        .set({ payment_method: JSON.stringify(method), enabled: 1, revision_date: nowIso() })
        .where('id', '=', provider.id)
        .execute(),
    );
    return { type: method.type, description: method.description };
  });

  app.get<{ Params: { pid: string } }>(`${vnext}/credit`, async (request, reply) => {
    await billable(request, true);
    return reply.type('application/json').send('0');
  });

  app.get<{ Params: { pid: string } }>(`${vnext}/warnings`, async (request) => {
    const { provider } = await billable(request, false);
    const address = readBillingAddress(provider);
    return {
      suspension: isSet(provider.enabled) ? null : { resolution: 'add_payment_method', subscriptionCancelsAt: null },
      taxId: address?.taxId ? null : { type: 'tax_id_missing' },
    };
  });
};

export default billing;
