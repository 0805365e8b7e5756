// Two-step login set-up for Authenticator and Email (bitwarden-accounts.md §4.2–4.3). The controller requires a
// `web` client token; `send-email-login` is anonymous.
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { RouteModule, ServerContext } from '../../context';
import type { User } from '../../db/schema';
import { normalizeEmail } from '../../db/values';
import { CodePurpose, issueEmailCode, verifyEmailCode } from '../../domain/emailCodes';
import { EventType } from '../../domain/eventTypes';
import { eventOrigin, writeEvent } from '../../domain/events';
import { chargeAttempt, loginKeys, refundAttempt } from '../../domain/backoff';
import { verifyPasswordOrDummy } from '../../domain/passwordHash';
import { TokenPurpose, signToken, verifyToken } from '../../domain/signedTokens';
import { newTotpSecret, verifyTotp } from '../../domain/totp';
import { disableProvider, enableProvider, listProviders, TwoFactorType } from '../../domain/twoFactor';
import { requireSecret, secretBody } from '../../domain/verifySecret';
import { findUserByEmail, findUserById } from '../../domain/users';
import { requireAuth } from '../../http/auth';
import { badRequest, errorBody, invalidField, tooManyRequests, unauthorized } from '../../http/errors';
import { enforceMailRateLimit } from '../../http/mailRateLimit';
import { email } from '../../http/schemas';
import { parseBody } from '../../http/validate';
import { sendQuietly } from '../../mail/mailer';
import { twoFactorLoginCode, twoFactorSetupCode } from '../../mail/templates';

const UV_TTL_MS = 30 * 60 * 1000;
const NO_USER = '00000000-0000-0000-0000-000000000000';
const web = { config: { clients: ['web'] } };

interface UvClaims {
  userId: string;
  type: number;
  key?: string;
}

const uv = z.string().min(1).max(4096);
const authenticatorBody = z.object({
  token: z.string().min(1).max(50),
  key: z.string().min(1).max(50),
  userVerificationToken: uv,
});
const authenticatorDeleteBody = z.object({ key: z.string().min(1).max(50), userVerificationToken: uv });
const sendEmailBody = z.object({ email: email(), userVerificationToken: uv });
const emailBody = z.object({ email: email(), token: z.string().min(1).max(50), userVerificationToken: uv });
const uvBody = z.object({ userVerificationToken: uv });
const emailLoginBody = z.object({
  email: email(),
  masterPasswordHash: z.string().max(300).nullish(),
  otp: z.string().max(50).nullish(),
  authRequestId: z.string().max(100).nullish(),
  authRequestAccessCode: z.string().max(300).nullish(),
  ssoEmail2FaSessionToken: z.string().max(4096).nullish(),
});

async function caller(ctx: ServerContext, request: FastifyRequest): Promise<User> {
  const user = await findUserById(ctx.db, requireAuth(request).userId);
  if (!user) throw unauthorized();
  return user;
}

const issueUv = (ctx: ServerContext, claims: UvClaims) =>
  signToken(ctx.keys.hmac, TokenPurpose.TwoFactorUserVerification, claims, UV_TTL_MS);

function requireUv(ctx: ServerContext, user: User, token: string, type: number, key?: string): void {
  const check = verifyToken<UvClaims>(ctx.keys.hmac, TokenPurpose.TwoFactorUserVerification, token);
  const ok =
    check.ok &&
    check.payload.userId === user.id &&
    check.payload.type === type &&
    (key === undefined || check.payload.key === key);
  if (!ok) throw invalidField('UserVerificationToken', 'User verification failed.');
}

async function changed(ctx: ServerContext, request: FastifyRequest, user: User, type: number, data: object | null) {
  await ctx.db.transaction().execute(async (trx) => {
    if (data) await enableProvider(trx, user.id, type, data);
    else await disableProvider(trx, user.id, type);
    await writeEvent(trx, {
      ...eventOrigin(request),
      type: data ? EventType.User_Updated2fa : EventType.User_Disabled2fa,
      userId: user.id,
    });
  });
}

const twoFactor: RouteModule = (app, ctx) => {
  app.get('/two-factor', web, async (request) => {
    const user = await caller(ctx, request);
    const providers = await listProviders(ctx.db, user.id);
    return {
      object: 'list',
      data: providers.map((p) => ({ object: 'twoFactorProvider', enabled: p.enabled, type: p.type })),
      continuationToken: null,
    };
  });

  app.post('/two-factor/get-authenticator', web, async (request) => {
    const user = await caller(ctx, request);
    await requireSecret(ctx, user, parseBody(secretBody, request.body));
    const existing = (await listProviders(ctx.db, user.id)).find((p) => p.type === TwoFactorType.Authenticator);
    const key = existing?.data.key ?? newTotpSecret();
    return {
      object: 'twoFactorAuthenticator',
      authenticator: { enabled: existing?.enabled ?? false, key },
      userVerificationToken: issueUv(ctx, { userId: user.id, type: TwoFactorType.Authenticator, key }),
    };
  });

  for (const method of ['put', 'post'] as const) {
    app[method]('/two-factor/authenticator', web, async (request) => {
      const user = await caller(ctx, request);
      const b = parseBody(authenticatorBody, request.body);
      requireUv(ctx, user, b.userVerificationToken, TwoFactorType.Authenticator, b.key);
      if (verifyTotp(b.key, b.token, null) === null) throw invalidField('Token', 'Invalid token.');
      await changed(ctx, request, user, TwoFactorType.Authenticator, { key: b.key });
      return { object: 'twoFactorAuthenticatorUpdate', authenticator: { enabled: true, key: b.key } };
    });
  }

  app.delete('/two-factor/authenticator', web, async (request, reply) => {
    const user = await caller(ctx, request);
    const b = parseBody(authenticatorDeleteBody, request.body);
    requireUv(ctx, user, b.userVerificationToken, TwoFactorType.Authenticator, b.key);
    await changed(ctx, request, user, TwoFactorType.Authenticator, null);
    return reply.status(204).send();
  });

  app.post('/two-factor/get-email', web, async (request) => {
    const user = await caller(ctx, request);
    await requireSecret(ctx, user, parseBody(secretBody, request.body));
    const existing = (await listProviders(ctx.db, user.id)).find((p) => p.type === TwoFactorType.Email);
    return {
      object: 'twoFactorEmail',
      email: { enabled: existing?.enabled ?? false, email: existing?.data.email ?? null },
      userVerificationToken: issueUv(ctx, { userId: user.id, type: TwoFactorType.Email }),
    };
  });

  app.post('/two-factor/send-email', web, async (request, reply) => {
    const user = await caller(ctx, request);
    const b = parseBody(sendEmailBody, request.body);
    requireUv(ctx, user, b.userVerificationToken, TwoFactorType.Email);
    const address = normalizeEmail(b.email);
    const code = await issueEmailCode(ctx.db, user.id, CodePurpose.TwoFactorSetup(address));
    await sendQuietly(ctx.mailer, request.log, twoFactorSetupCode(address, code));
    return reply.status(200).send();
  });

  for (const method of ['put', 'post'] as const) {
    app[method]('/two-factor/email', web, async (request) => {
      const user = await caller(ctx, request);
      const b = parseBody(emailBody, request.body);
      requireUv(ctx, user, b.userVerificationToken, TwoFactorType.Email);
      const address = normalizeEmail(b.email);
      if (!(await verifyEmailCode(ctx.db, user.id, CodePurpose.TwoFactorSetup(address), b.token)))
        throw invalidField('Token', 'Invalid token.');
      await changed(ctx, request, user, TwoFactorType.Email, { email: address });
      return { object: 'twoFactorEmailUpdate', email: { enabled: true, email: address } };
    });
  }

  app.delete('/two-factor/email', web, async (request, reply) => {
    const user = await caller(ctx, request);
    const b = parseBody(uvBody, request.body);
    requireUv(ctx, user, b.userVerificationToken, TwoFactorType.Email);
    await changed(ctx, request, user, TwoFactorType.Email, null);
    return reply.status(204).send();
  });

  app.post('/two-factor/get-recover', web, async (request) => {
    const user = await caller(ctx, request);
    await requireSecret(ctx, user, parseBody(secretBody, request.body));
    return { object: 'twoFactorRecover', code: user.two_factor_recovery_code };
  });

  app.post('/two-factor/send-email-login', { config: { anonymous: true } }, async (request, reply) => {
    const b = parseBody(emailLoginBody, request.body);
    const address = normalizeEmail(b.email);
    await enforceMailRateLimit(ctx, request, address);
    // A password check: charged to the same login backoff as connect/token (domain/backoff.ts).
    const keys = loginKeys(address, request.ip);
    const wait = await chargeAttempt(ctx.db, ctx.config, keys);
    if (wait !== null)
      throw tooManyRequests(wait, errorBody(`Too many failed login attempts. Try again in ${wait} seconds.`));
    // The same queries and PBKDF2 work for an unknown address, and one answer for every failure.
    const user = await findUserByEmail(ctx.db, address);
    const provider = (await listProviders(ctx.db, user?.id ?? NO_USER)).find(
      (p) => p.type === TwoFactorType.Email && p.enabled,
    );
    const proven = await verifyPasswordOrDummy(
      b.masterPasswordHash ?? '',
      user?.master_password_hash,
      ctx.config.passwordHashIterations,
    );
    if (!user || !provider || !proven) {
      await new Promise((r) => setTimeout(r, ctx.config.failedAuthDelayMs));
      throw badRequest('Cannot send two-factor email.');
    }
    await refundAttempt(ctx.db, keys);
    const code = await issueEmailCode(ctx.db, user.id, CodePurpose.TwoFactorLogin);
    await sendQuietly(ctx.mailer, request.log, twoFactorLoginCode(provider.data.email ?? user.email, code));
    return reply.status(200).send();
  });
};

export default twoFactor;
