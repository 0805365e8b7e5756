// Provider users: public keys, confirm (single and bulk), change type, remove (single and bulk)
// (bitwarden-api.md §6.4; last-admin guard, self-removal refused, events 1801–1803).
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { RouteModule, ServerContext } from '../../../context';
import type { Database, Provider, ProviderUser } from '../../../db/schema';
import type { Kysely, Transaction } from 'kysely';
import { nowIso } from '../../../db/values';
import { EventType } from '../../../domain/eventTypes';
import { eventOrigin, type EventInput } from '../../../domain/events';
import { htmlDecode } from '../../../domain/htmlNames';
import { isGuid } from '../../../domain/orgRoles';
import { requireProvider, type ProviderAccess } from '../../../domain/providers/access';
import { ProviderUserStatus, ProviderUserType } from '../../../domain/providers/enums';
import { writeProviderEvents } from '../../../domain/providers/events';
import { providerConfirmedEmail, providerRemovedEmail } from '../../../domain/providers/mail';
import { hasConfirmedAdminExcept, LAST_ADMIN, providerUsersByIds } from '../../../domain/providers/members';
import { bulkResult } from '../../../domain/providers/responses';
import { bumpUserRevision } from '../../../domain/revisions';
import { requireAuth } from '../../../http/auth';
import { badRequest, notFound } from '../../../http/errors';
import { parseBody } from '../../../http/validate';
import { sendQuietly } from '../../../mail/mailer';
import { bulkConfirmBody, idsBody, keyBody, userTypeBody } from './schemas';

type Db = Kysely<Database> | Transaction<Database>;
type P = { Params: { pid: string; id: string } };
type Results = { id: string; error: string }[];

async function emailsOf(db: Db, rows: ProviderUser[]): Promise<Map<string, string>> {
  const userIds = rows.map((r) => r.user_id).filter((id): id is string => !!id);
  const users = userIds.length
    ? await db.selectFrom('users').select(['id', 'email']).where('id', 'in', userIds).execute()
    : [];
  const byId = new Map(users.map((u) => [u.id, u.email]));
  return new Map(rows.map((r) => [r.id, (r.user_id ? byId.get(r.user_id) : null) ?? r.email ?? '']));
}

async function confirmMany(
  ctx: ServerContext,
  request: FastifyRequest,
  provider: Provider,
  keys: { id: string; key: string }[],
): Promise<Results> {
  const origin = eventOrigin(request);
  const { results, confirmed } = await ctx.db.transaction().execute(async (trx) => {
    const found = await providerUsersByIds(
      trx,
      provider.id,
      keys.map((k) => k.id),
    );
    const results: Results = [];
    const confirmed: ProviderUser[] = [];
    const now = nowIso();
    for (const { id, key } of keys) {
      const target = found.get(id.toLowerCase());
      if (!target || target.status !== ProviderUserStatus.Accepted || !target.user_id) {
        results.push({ id, error: 'Invalid user.' });
        continue;
      }
      await trx
        .updateTable('provider_users')
        .set({ status: ProviderUserStatus.Confirmed, key, revision_date: now })
        .where('id', '=', target.id)
        .execute();
      target.status = ProviderUserStatus.Confirmed;
      confirmed.push(target);
      results.push({ id, error: '' });
    }
    const events: EventInput[] = confirmed.map((t) => ({
      ...origin,
      type: EventType.ProviderUser_Confirmed,
      providerId: provider.id,
      providerUserId: t.id,
      userId: t.user_id,
    }));
    await writeProviderEvents(trx, provider, events);
    await bumpUserRevision(
      trx,
      confirmed.map((t) => t.user_id!),
    );
    return { results, confirmed };
  });
  const emails = await emailsOf(ctx.db, confirmed);
  for (const t of confirmed)
    await sendQuietly(
      ctx.mailer,
      request.log,
      providerConfirmedEmail(emails.get(t.id)!, htmlDecode(provider.name) ?? 'your provider'),
    );
  return results;
}

async function removeMany(
  ctx: ServerContext,
  request: FastifyRequest,
  access: ProviderAccess,
  ids: string[],
): Promise<Results> {
  const { provider, providerUser: caller } = access;
  const origin = eventOrigin(request);
  const { results, removed, emails } = await ctx.db.transaction().execute(async (trx) => {
    if (
      !(await hasConfirmedAdminExcept(
        trx,
        provider.id,
        ids.map((id) => id.toLowerCase()),
      ))
    )
      throw badRequest(LAST_ADMIN);
    const found = await providerUsersByIds(trx, provider.id, ids);
    const results: Results = [];
    const removed: ProviderUser[] = [];
    for (const id of ids) {
      const target = found.get(id.toLowerCase());
      if (!target) results.push({ id, error: 'Invalid user.' });
      else if (target.id === caller.id) results.push({ id, error: 'You cannot remove yourself.' });
      else {
        removed.push(target);
        results.push({ id, error: '' });
      }
    }
    const emails = await emailsOf(trx, removed);
    if (removed.length)
      await trx
        .deleteFrom('provider_users')
        .where(
          'id',
          'in',
          removed.map((r) => r.id),
        )
        .execute();
    await writeProviderEvents(
      trx,
      provider,
      removed.map((t) => ({
        ...origin,
        type: EventType.ProviderUser_Removed,
        providerId: provider.id,
        providerUserId: t.id,
        userId: t.user_id,
      })),
    );
    await bumpUserRevision(
      trx,
      removed.map((r) => r.user_id).filter((id): id is string => !!id),
    );
    return { results, removed, emails };
  });
  for (const t of removed) {
    const to = emails.get(t.id);
    if (to)
      await sendQuietly(
        ctx.mailer,
        request.log,
        providerRemovedEmail(to, htmlDecode(provider.name) ?? 'your provider'),
      );
  }
  return results;
}

const providerUserChanges: RouteModule = (app, ctx) => {
  const admin = (request: FastifyRequest<{ Params: { pid: string } }>) =>
    requireProvider(ctx.db, request.params.pid, requireAuth(request).userId, { admin: true });
  const inProvider = async (providerId: string, id: string) => {
    const found = isGuid(id) ? (await providerUsersByIds(ctx.db, providerId, [id])).get(id.toLowerCase()) : undefined;
    if (!found) throw notFound();
    return found;
  };
  const list = (data: Results) => ({
    object: 'list',
    data: data.map((r) => bulkResult(r.id, r.error)),
    continuationToken: null,
  });

  app.post<{ Params: { pid: string } }>('/providers/:pid/users/public-keys', async (request) => {
    const { provider } = await admin(request);
    const b = parseBody(idsBody(500), request.body);
    const ids = [...new Set(b.ids.map((id) => id.toLowerCase()))];
    const rows = await ctx.db
      .selectFrom('provider_users as pu')
      .innerJoin('users as u', 'u.id', 'pu.user_id')
      .select(['pu.id', 'pu.user_id', 'u.public_key'])
      .where('pu.provider_id', '=', provider.id)
      .where('pu.id', 'in', ids)
      .where('pu.status', '=', ProviderUserStatus.Accepted)
      .execute();
    const data = rows.map((r) => ({
      object: 'providerUserPublicKeyResponseModel',
      id: r.id,
      userId: r.user_id,
      key: r.public_key,
    }));
    return { object: 'list', data, continuationToken: null };
  });

  app.post<P>('/providers/:pid/users/:id/confirm', async (request, reply) => {
    const { provider } = await admin(request);
    const target = await inProvider(provider.id, request.params.id);
    const b = parseBody(keyBody, request.body);
    const [result] = await confirmMany(ctx, request, provider, [{ id: target.id, key: b.key }]);
    if (result?.error) throw badRequest(result.error);
    return reply.status(200).send();
  });

  app.post<{ Params: { pid: string } }>('/providers/:pid/users/confirm', async (request) => {
    const { provider } = await admin(request);
    const b = parseBody(bulkConfirmBody, request.body);
    return list(await confirmMany(ctx, request, provider, b.keys));
  });

  for (const method of ['put', 'post'] as const) {
    app[method]<P>('/providers/:pid/users/:id', async (request, reply) => {
      const { provider } = await admin(request);
      const target = await inProvider(provider.id, request.params.id);
      const b = parseBody(userTypeBody, request.body);
      const origin = eventOrigin(request);
      await ctx.db.transaction().execute(async (trx) => {
        if (
          b.type !== ProviderUserType.ProviderAdmin &&
          !(await hasConfirmedAdminExcept(trx, provider.id, [target.id]))
        )
          throw badRequest(LAST_ADMIN);
        await trx
          .updateTable('provider_users')
          .set({ type: b.type, revision_date: nowIso() })
          .where('id', '=', target.id)
          .execute();
        await writeProviderEvents(trx, provider, [
          {
            ...origin,
            type: EventType.ProviderUser_Updated,
            providerId: provider.id,
            providerUserId: target.id,
            userId: target.user_id,
          },
        ]);
        if (target.user_id) await bumpUserRevision(trx, target.user_id);
      });
      return reply.status(200).send();
    });
  }

  const removeOne = async (request: FastifyRequest<P>, reply: FastifyReply) => {
    const access = await admin(request);
    const target = await inProvider(access.provider.id, request.params.id);
    const [result] = await removeMany(ctx, request, access, [target.id]);
    if (result?.error) throw badRequest(result.error);
    return reply.status(200).send();
  };
  app.delete<P>('/providers/:pid/users/:id', removeOne);
  app.post<P>('/providers/:pid/users/:id/delete', removeOne);

  const removeBulk = async (request: FastifyRequest<{ Params: { pid: string } }>) => {
    const access = await admin(request);
    const b = parseBody(idsBody(500), request.body);
    return list(await removeMany(ctx, request, access, b.ids));
  };
  app.delete<{ Params: { pid: string } }>('/providers/:pid/users', removeBulk);
  app.post<{ Params: { pid: string } }>('/providers/:pid/users/delete', removeBulk);
};

export default providerUserChanges;
