// Provider users: list, get, invite, reinvite, accept (bitwarden-api.md §6.4, bitwarden-accounts.md §6.2).
import type { FastifyRequest } from 'fastify';
import type { RouteModule } from '../../../context';
import type { ProviderUser } from '../../../db/schema';
import { newId, normalizeEmail, nowIso } from '../../../db/values';
import { EventType } from '../../../domain/eventTypes';
import { eventOrigin } from '../../../domain/events';
import { findProvider, requireProvider } from '../../../domain/providers/access';
import { ProviderUserStatus } from '../../../domain/providers/enums';
import { writeProviderEvents } from '../../../domain/providers/events';
import { checkProviderInviteToken } from '../../../domain/providers/invites';
import { providerUsersByIds, sendProviderInvites } from '../../../domain/providers/members';
import { bulkResult, providerUserDetails, providerUserResponse } from '../../../domain/providers/responses';
import { consumeToken } from '../../../domain/signedTokens';
import { isGuid } from '../../../domain/orgRoles';
import { requireAuth } from '../../../http/auth';
import { badRequest, notFound } from '../../../http/errors';
import { parseBody } from '../../../http/validate';
import { idsBody, inviteBody, tokenBody } from './schemas';

type P = { Params: { pid: string; id: string } };

const providerUsers: RouteModule = (app, ctx) => {
  const admin = async (request: FastifyRequest<{ Params: { pid: string } }>) =>
    requireProvider(ctx.db, request.params.pid, requireAuth(request).userId, { admin: true });
  const row = async (providerId: string, id: string) => {
    if (!isGuid(id)) throw notFound();
    const found = (await providerUsersByIds(ctx.db, providerId, [id])).get(id.toLowerCase());
    if (!found) throw notFound();
    return found;
  };

  app.get<{ Params: { pid: string } }>('/providers/:pid/users', async (request) => {
    const { provider } = await admin(request);
    const rows = await ctx.db
      .selectFrom('provider_users as pu')
      .leftJoin('users as u', 'u.id', 'pu.user_id')
      .selectAll('pu')
      .select(['u.name as userName', 'u.email as userEmail'])
      .where('pu.provider_id', '=', provider.id)
      .orderBy('pu.creation_date')
      .execute();
    const data = rows.map(({ userName, userEmail, ...pu }) =>
      providerUserDetails(pu, userEmail ? { name: userName, email: userEmail } : undefined),
    );
    return { object: 'list', data, continuationToken: null };
  });

  app.get<P>('/providers/:pid/users/:id', async (request) => {
    const { provider } = await admin(request);
    return providerUserResponse(await row(provider.id, request.params.id));
  });

  app.post<{ Params: { pid: string } }>('/providers/:pid/users/invite', async (request, reply) => {
    const { provider } = await admin(request);
    const b = parseBody(inviteBody, request.body);
    const emails = [...new Set(b.emails.map(normalizeEmail))];
    const origin = eventOrigin(request);
    const created = await ctx.db.transaction().execute(async (trx) => {
      const invited = await trx
        .selectFrom('provider_users')
        .select('email')
        .where('provider_id', '=', provider.id)
        .where('email', 'in', emails)
        .execute();
      const members = await trx
        .selectFrom('provider_users as pu')
        .innerJoin('users as u', 'u.id', 'pu.user_id')
        .select('u.email')
        .where('pu.provider_id', '=', provider.id)
        .where('u.email', 'in', emails)
        .execute();
      const skip = new Set([...invited.map((r) => r.email), ...members.map((r) => r.email)]);
      const now = nowIso();
      const rows: ProviderUser[] = emails
        .filter((e) => !skip.has(e))
        .map((email) => ({
          id: newId(),
          provider_id: provider.id,
          user_id: null,
          email,
          key: null,
          type: b.type,
          status: ProviderUserStatus.Invited,
          permissions: null,
          creation_date: now,
          revision_date: now,
        }));
      if (rows.length === 0) return rows;
      await trx.insertInto('provider_users').values(rows).execute();
      await writeProviderEvents(
        trx,
        provider,
        rows.map((r) => ({
          ...origin,
          type: EventType.ProviderUser_Invited,
          providerId: provider.id,
          providerUserId: r.id,
        })),
      );
      return rows;
    });
    await sendProviderInvites(ctx, request.log, provider, created);
    return reply.status(200).send();
  });

  app.post<{ Params: { pid: string } }>('/providers/:pid/users/reinvite', async (request) => {
    const { provider } = await admin(request);
    const b = parseBody(idsBody(8000), request.body);
    const found = await providerUsersByIds(ctx.db, provider.id, b.ids);
    const ok = [...found.values()].filter((r) => r.status === ProviderUserStatus.Invited);
    await sendProviderInvites(ctx, request.log, provider, ok);
    const data = b.ids.map((id) => bulkResult(id, ok.some((r) => r.id === id.toLowerCase()) ? '' : 'User invalid.'));
    return { object: 'list', data, continuationToken: null };
  });

  app.post<P>('/providers/:pid/users/:id/reinvite', async (request, reply) => {
    const { provider } = await admin(request);
    const target = await row(provider.id, request.params.id);
    if (target.status !== ProviderUserStatus.Invited) throw badRequest('User invalid.');
    await sendProviderInvites(ctx, request.log, provider, [target]);
    return reply.status(200).send();
  });

  // Any authenticated user (the invitee). Errors in Bitwarden's order (ProviderService.AcceptUserAsync).
  app.post<P>('/providers/:pid/users/:id/accept', async (request, reply) => {
    const auth = requireAuth(request);
    if (!isGuid(request.params.pid) || !isGuid(request.params.id)) throw notFound();
    const b = parseBody(tokenBody, request.body);
    const provider = await findProvider(ctx.db, request.params.pid);
    const target = provider
      ? (await providerUsersByIds(ctx.db, provider.id, [request.params.id])).get(request.params.id.toLowerCase())
      : undefined;
    if (!provider || !target) throw badRequest('User invalid.');
    if (target.status !== ProviderUserStatus.Invited) throw badRequest('Already accepted.');
    const user = await ctx.db
      .selectFrom('users')
      .select(['id', 'email'])
      .where('id', '=', auth.userId)
      .executeTakeFirstOrThrow();
    const check = checkProviderInviteToken(ctx.keys.hmac, b.token, target.id, user.email);
    if (!check) throw badRequest('Invalid token.');
    if (!target.email || normalizeEmail(target.email) !== user.email)
      throw badRequest('User email does not match invite.');
    await ctx.db.transaction().execute(async (trx) => {
      const member = await trx
        .selectFrom('provider_users')
        .select('id')
        .where('provider_id', '=', provider.id)
        .where('user_id', '=', user.id)
        .executeTakeFirst();
      if (member) throw badRequest('You are already a member of this provider.');
      if (!(await consumeToken(trx, b.token, check.expiresAt))) throw badRequest('Invalid token.');
      const updated = await trx
        .updateTable('provider_users')
        .set({ status: ProviderUserStatus.Accepted, user_id: user.id, email: null, revision_date: nowIso() })
        .where('id', '=', target.id)
        .where('status', '=', ProviderUserStatus.Invited)
        .executeTakeFirst();
      if (Number(updated.numUpdatedRows) === 0) throw badRequest('Already accepted.');
    });
    return reply.status(200).send();
  });
};

export default providerUsers;
