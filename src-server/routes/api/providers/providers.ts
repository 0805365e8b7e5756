// Providers: details, update, setup (bitwarden-api.md §6.3).
import type { FastifyRequest } from 'fastify';
import type { RouteModule, ServerContext } from '../../../context';
import type { Provider } from '../../../db/schema';
import { nowIso } from '../../../db/values';
import { htmlEncode } from '../../../domain/htmlNames';
import { findProvider, requireProvider } from '../../../domain/providers/access';
import { bumpProviderUsers } from '../../../domain/providers/clients';
import { ProviderStatus, ProviderUserStatus } from '../../../domain/providers/enums';
import { checkSetupToken } from '../../../domain/providers/invites';
import { setupAdminRow, statusAfterSetup } from '../../../domain/providers/lifecycle';
import { providerResponse } from '../../../domain/providers/responses';
import { describePaymentMethod } from '../../../domain/providers/subscription';
import { bumpUserRevision } from '../../../domain/revisions';
import { consumeToken } from '../../../domain/signedTokens';
import { requireAuth } from '../../../http/auth';
import { badRequest, forbidden, notFound } from '../../../http/errors';
import { isGuid } from '../../../domain/orgRoles';
import { parseBody } from '../../../http/validate';
import { setupBody, updateProviderBody } from './schemas';

type Req = FastifyRequest<{ Params: { pid: string } }>;

async function updateProvider(ctx: ServerContext, request: Req) {
  const auth = requireAuth(request);
  const { provider } = await requireProvider(ctx.db, request.params.pid, auth.userId, { admin: true });
  const b = parseBody(updateProviderBody, request.body);
  const updated = await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('providers')
      .set({
        name: htmlEncode(b.name),
        business_name: b.businessName ? htmlEncode(b.businessName) : null,
        billing_email: b.billingEmail.toLowerCase(),
        revision_date: nowIso(),
      })
      .where('id', '=', provider.id)
      .execute();
    await bumpProviderUsers(trx, provider.id);
    return trx.selectFrom('providers').selectAll().where('id', '=', provider.id).executeTakeFirstOrThrow();
  });
  return providerResponse(updated);
}

async function setupProvider(ctx: ServerContext, request: Req) {
  const auth = requireAuth(request);
  if (!isGuid(request.params.pid)) throw notFound();
  const provider = await findProvider(ctx.db, request.params.pid);
  const row = provider ? await setupAdminRow(ctx.db, provider.id, auth.userId, auth.email) : undefined;
  if (!provider || !row) throw forbidden();
  const b = parseBody(setupBody, request.body);
  if (provider.status !== ProviderStatus.Pending) throw badRequest('Provider is already setup.');
  const user = await ctx.db
    .selectFrom('users')
    .select(['id', 'email'])
    .where('id', '=', auth.userId)
    .executeTakeFirstOrThrow();
  const check = checkSetupToken(ctx.keys.hmac, b.token, provider.id, user.email);
  if (!check) throw badRequest('Invalid token.');
  const address = b.billingAddress ?? null;
  const now = nowIso();
  const changes: Partial<Provider> = {
    name: htmlEncode(b.name),
    business_name: b.businessName ? htmlEncode(b.businessName) : null,
    billing_email: b.billingEmail.toLowerCase(),
    business_address1: address?.line1 ?? null,
    business_address2: address?.line2 ?? null,
    business_address3: address
      ? [address.postalCode, address.city, address.state].filter(Boolean).join(' ') || null
      : null,
    business_country: address?.country.toUpperCase() ?? null,
    business_tax_number: address?.taxId?.value ?? null,
    billing_address: address ? JSON.stringify(address) : null,
    payment_method: b.paymentMethod ? JSON.stringify(describePaymentMethod(b.paymentMethod.type)) : null,
    status: statusAfterSetup(provider.type),
    revision_date: now,
  };
  const updated = await ctx.db.transaction().execute(async (trx) => {
    const current = await trx
      .selectFrom('providers')
      .select('status')
      .where('id', '=', provider.id)
      .executeTakeFirstOrThrow();
    if (current.status !== ProviderStatus.Pending) throw badRequest('Provider is already setup.');
    if (!(await consumeToken(trx, b.token, check.expiresAt))) throw badRequest('Invalid token.');
    await trx.updateTable('providers').set(changes).where('id', '=', provider.id).execute();
    await trx
      .updateTable('provider_users')
      .set({ user_id: user.id, email: null, key: b.key, status: ProviderUserStatus.Confirmed, revision_date: now })
      .where('id', '=', row.id)
      .execute();
    await bumpUserRevision(trx, user.id);
    return trx.selectFrom('providers').selectAll().where('id', '=', provider.id).executeTakeFirstOrThrow();
  });
  return providerResponse(updated);
}

const providers: RouteModule = (app, ctx) => {
  app.get<{ Params: { pid: string } }>('/providers/:pid', async (request) => {
    const auth = requireAuth(request);
    const { provider } = await requireProvider(ctx.db, request.params.pid, auth.userId, { allowPending: true });
    return providerResponse(provider);
  });
  for (const method of ['put', 'post'] as const)
    app[method]<{ Params: { pid: string } }>('/providers/:pid', (request) => updateProvider(ctx, request));
  app.post<{ Params: { pid: string } }>('/providers/:pid/setup', (request) => setupProvider(ctx, request));
};

export default providers;
