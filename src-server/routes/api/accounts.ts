// Account routes (bitwarden-accounts.md §3; api §4): profile, revision date, keys, API key, user-key id, and the
// routes that end sessions (§3.8: deauthorize sessions, change the master password).
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { RouteModule, ServerContext } from '../../context';
import type { User } from '../../db/schema';
import { normalizeEmail, nowIso } from '../../db/values';
import { CodePurpose, issueEmailCode } from '../../domain/emailCodes';
import { EventType } from '../../domain/eventTypes';
import { eventOrigin, writeEvent } from '../../domain/events';
import { combinedMasterPasswordPolicy } from '../../domain/masterPasswordPolicy';
import { isGuid } from '../../domain/orgRoles';
import { profileResponse } from '../../domain/profile';
import { hashPassword, verifyPassword, verifyPasswordOrDummy } from '../../domain/passwordHash';
import { rotateSecurityStamp } from '../../domain/securityStamp';
import { requireSecret, secretBody, type SecretBody } from '../../domain/verifySecret';
import { accountKeys, findUserByEmail, findUserById, newApiKey } from '../../domain/users';
import { requireAuth } from '../../http/auth';
import { badRequest, notFound, unauthorized, validationFailed } from '../../http/errors';
import { email, encString } from '../../http/schemas';
import { enforceMailRateLimit } from '../../http/mailRateLimit';
import { parseBody } from '../../http/validate';
import { sendQuietly } from '../../mail/mailer';
import { newDeviceCode } from '../../mail/templates';

const profileBody = z.object({
  name: z.string().max(50).nullish(),
  masterPasswordHint: z.string().max(50).nullish(),
  culture: z.string().max(10).nullish(),
});
const userKeyIdBody = z.object({ userKeyId: z.string().max(100) });
const resendBody = secretBody.extend({ email: email() });
const verifyDevicesBody = secretBody.extend({ verifyDevices: z.boolean() });
// PasswordRequestModel. `authenticationData` / `unlockData` (newer clients) are accepted, as a pair, and not used:
// a password change keeps the KDF, salt and user key.
const passwordBody = secretBody
  .extend({
    newMasterPasswordHash: z.string().min(1).max(300),
    masterPasswordHint: z.string().max(50).nullish(),
    key: encString(),
    authenticationData: z.record(z.string(), z.unknown()).nullish(),
    unlockData: z.record(z.string(), z.unknown()).nullish(),
  })
  .superRefine((b, issue) => {
    if (!b.authenticationData === !b.unlockData) return;
    for (const path of ['authenticationData', 'unlockData'])
      issue.addIssue({ code: 'custom', path: [path], message: 'AuthenticationData and UnlockData must be provided.' });
  });

async function currentUser(ctx: ServerContext, request: FastifyRequest) {
  const user = await findUserById(ctx.db, requireAuth(request).userId);
  if (!user) throw unauthorized();
  return user;
}

/** As UserService's PasswordMismatch: after the delay, 400 `{"": ["Incorrect password."]}`. */
async function requireMasterPassword(ctx: ServerContext, user: User, b: SecretBody) {
  if (!b.masterPasswordHash && !b.otp && !b.authRequestAccessCode)
    throw validationFailed({ '': ['MasterPasswordHash, OTP, or AccessCode must be supplied.'] });
  if (b.masterPasswordHash && (await verifyPassword(b.masterPasswordHash, user.master_password_hash))) return;
  await new Promise((r) => setTimeout(r, ctx.config.failedAuthDelayMs));
  throw validationFailed({ '': ['Incorrect password.'] });
}

const accounts: RouteModule = (app, ctx) => {
  app.get('/accounts/profile', async (request) => profileResponse(ctx.db, await currentUser(ctx, request)));

  for (const method of ['put', 'post'] as const) {
    app[method]('/accounts/profile', async (request) => {
      const user = await currentUser(ctx, request);
      const b = parseBody(profileBody, request.body);
      const now = nowIso();
      await ctx.db.transaction().execute((trx) =>
        trx
          .updateTable('users')
          .set({
            name: b.name ?? null,
            master_password_hint: b.masterPasswordHint ?? null,
            culture: b.culture ?? user.culture,
            revision_date: now,
            account_revision_date: now,
          })
          .where('id', '=', user.id)
          .execute(),
      );
      return profileResponse(ctx.db, (await findUserById(ctx.db, user.id))!);
    });
  }

  app.get('/accounts/revision-date', async (request, reply) => {
    const user = await currentUser(ctx, request);
    return reply.type('application/json').send(JSON.stringify(Date.parse(user.account_revision_date)));
  });

  app.get('/accounts/keys', async (request) => {
    const user = await currentUser(ctx, request);
    return {
      object: 'keys',
      key: user.key,
      publicKey: user.public_key,
      privateKey: user.private_key,
      accountKeys: accountKeys(user),
    };
  });

  app.get<{ Params: { id: string } }>('/users/:id/public-key', async (request) => {
    requireAuth(request);
    if (!isGuid(request.params.id)) throw notFound();
    const user = await findUserById(ctx.db, request.params.id.toLowerCase());
    if (!user) throw notFound();
    return { object: 'userKey', userId: user.id, publicKey: user.public_key };
  });

  const apiKey = (rotate: boolean) => async (request: FastifyRequest) => {
    const user = await currentUser(ctx, request);
    await requireSecret(ctx, user, parseBody(secretBody, request.body));
    if (!rotate) return { object: 'apiKey', apiKey: user.api_key, revisionDate: user.revision_date };
    const now = nowIso();
    const key = newApiKey();
    await ctx.db
      .transaction()
      .execute((trx) =>
        trx.updateTable('users').set({ api_key: key, revision_date: now }).where('id', '=', user.id).execute(),
      );
    return { object: 'apiKey', apiKey: key, revisionDate: now };
  };
  app.post('/accounts/api-key', apiKey(false));
  app.post('/accounts/rotate-api-key', apiKey(true));

  app.post('/accounts/verify-password', async (request) => {
    const user = await currentUser(ctx, request);
    const b = parseBody(secretBody, request.body);
    if (!b.masterPasswordHash || !(await verifyPassword(b.masterPasswordHash, user.master_password_hash))) {
      await new Promise((r) => setTimeout(r, ctx.config.failedAuthDelayMs));
      throw validationFailed({ MasterPasswordHash: ['Invalid password.'] });
    }
    const p = await combinedMasterPasswordPolicy(ctx.db, user.id);
    return {
      object: 'masterPasswordPolicy',
      minComplexity: p?.minComplexity ?? null,
      minLength: p?.minLength ?? null,
      requireLower: p?.requireLower ?? null,
      requireUpper: p?.requireUpper ?? null,
      requireNumbers: p?.requireNumbers ?? null,
      requireSpecial: p?.requireSpecial ?? null,
      enforceOnLogin: p?.enforceOnLogin ?? null,
    };
  });

  for (const method of ['put', 'post'] as const) {
    app[method]('/accounts/verify-devices', async (request, reply) => {
      const user = await currentUser(ctx, request);
      const b = parseBody(verifyDevicesBody, request.body);
      await requireSecret(ctx, user, b);
      await ctx.db.transaction().execute((trx) =>
        trx
          .updateTable('users')
          .set({ verify_devices: b.verifyDevices ? 1 : 0, revision_date: nowIso() })
          .where('id', '=', user.id)
          .execute(),
      );
      return reply.status(200).send();
    });
  }

  // Deauthorize sessions: a new stamp ends every access, refresh and remember-device token (accounts §3.8).
  app.post('/accounts/security-stamp', async (request, reply) => {
    const user = await currentUser(ctx, request);
    const b = parseBody(secretBody, request.body);
    await requireMasterPassword(ctx, user, b);
    await ctx.db.transaction().execute((trx) => rotateSecurityStamp(trx, user.id));
    return reply.status(200).send();
  });

  // Change the master password: the client re-wraps the user key with the new master key (accounts §3.8).
  app.post('/accounts/password', async (request, reply) => {
    const user = await currentUser(ctx, request);
    const b = parseBody(passwordBody, request.body);
    await requireMasterPassword(ctx, user, b);
    const newHash = await hashPassword(b.newMasterPasswordHash, ctx.config.passwordHashIterations);
    await ctx.db.transaction().execute(async (trx) => {
      await trx
        .updateTable('users')
        .set({ master_password_hash: newHash, master_password_hint: b.masterPasswordHint ?? null, key: b.key })
        .where('id', '=', user.id)
        .execute();
      await rotateSecurityStamp(trx, user.id);
      await writeEvent(trx, { ...eventOrigin(request), type: EventType.User_ChangedPassword, userId: user.id });
    });
    return reply.status(200).send();
  });

  // New-device OTP resend (accounts §5.3): always 200, a code only when the secret verifies.
  app.post('/accounts/resend-new-device-otp', { config: { anonymous: true } }, async (request, reply) => {
    const b = parseBody(resendBody, request.body);
    const address = normalizeEmail(b.email);
    await enforceMailRateLimit(ctx, request, address);
    const user = await findUserByEmail(ctx.db, address);
    // The same PBKDF2 work for an unknown address: the answer's timing does not tell whether the account exists.
    const proven = await verifyPasswordOrDummy(
      b.masterPasswordHash ?? '',
      user?.master_password_hash,
      ctx.config.passwordHashIterations,
    );
    if (user && proven) {
      const code = await issueEmailCode(ctx.db, user.id, CodePurpose.NewDevice);
      await sendQuietly(ctx.mailer, request.log, newDeviceCode(user.email, code));
    }
    return reply.status(200).send();
  });

  app.post('/accounts/key-management/user-key-id', async (request, reply) => {
    const user = await currentUser(ctx, request);
    const { userKeyId } = parseBody(userKeyIdBody, request.body);
    if (!/^[0-9a-f]{32}$/.test(userKeyId)) throw badRequest('UserKeyId is not a valid key id.');
    if (user.user_key_id) throw badRequest('User key id is already set.');
    const now = nowIso();
    await ctx.db
      .transaction()
      .execute((trx) =>
        trx
          .updateTable('users')
          .set({ user_key_id: userKeyId, revision_date: now, account_revision_date: now })
          .where('id', '=', user.id)
          .where('user_key_id', 'is', null)
          .execute(),
      );
    return reply.status(200).send();
  });
};

export default accounts;
