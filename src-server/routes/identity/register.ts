// Account registration (bitwarden-accounts.md §1): send-verification-email → verification-email-clicked → finish.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { RouteModule, ServerContext } from '../../context';
import { normalizeEmail } from '../../db/values';
import { kdfRangeError, kdfRequest, type Kdf } from '../../domain/kdf';
import { OrgUserStatus } from '../../domain/orgRoles';
import { TokenPurpose, signToken, verifyToken } from '../../domain/signedTokens';
import { buildUserRow, findUserByEmail } from '../../domain/users';
import { ApiError, badRequest, validationFailed } from '../../http/errors';
import { base64, email, encString, guid, keyId } from '../../http/schemas';
import { enforceMailRateLimit } from '../../http/mailRateLimit';
import { parseBody } from '../../http/validate';
import { sendQuietly } from '../../mail/mailer';
import { registrationEmail } from '../../mail/templates';
import { isValidProviderInviteForRegistration } from '../../domain/providers/invites'; // issue 5

const REGISTRATION_TTL_MS = 15 * 60 * 1000;
const REGISTRATION_DISABLED = 'Open registration has been disabled by the system administrator.';

interface RegistrationClaims {
  email: string;
  name: string | null;
  receiveMarketingEmails: boolean;
}

/** Org invitation token payload (written by the members routes with `TokenPurpose.OrgInvite`). */
export interface OrgInviteClaims {
  orgUserId: string;
  email: string;
}

const sendBody = z.object({
  email: email(),
  name: z.string().max(50).nullish(),
  receiveMarketingEmails: z.boolean().optional(),
  fromMarketing: z.string().max(50).nullish(),
  openOrgInvite: z.unknown().optional(),
});

const clickedBody = z.object({ email: email(), emailVerificationToken: z.string().min(1).max(4096) });

const kdfFields = {
  kdf: z.number().int().min(0).max(1).nullish(),
  kdfIterations: z.number().int().nullish(),
  kdfMemory: z.number().int().nullish(),
  kdfParallelism: z.number().int().nullish(),
};

const finishBody = z.object({
  email: email(),
  masterPasswordHint: z.string().max(50).nullish(),
  masterPasswordHash: z.string().min(12).max(1000).nullish(),
  userSymmetricKey: encString().nullish(),
  userAsymmetricKeys: z.object({ publicKey: base64(), encryptedPrivateKey: encString() }).nullish(),
  ...kdfFields,
  masterPasswordAuthentication: z
    .object({
      kdf: kdfRequest,
      masterPasswordAuthenticationHash: z.string().min(12).max(1000),
      salt: z.string().min(1).max(256),
    })
    .nullish(),
  masterPasswordUnlock: z
    .object({
      kdf: kdfRequest,
      masterKeyWrappedUserKey: encString(),
      salt: z.string().min(1).max(256),
      containedKeyId: keyId().nullish(),
    })
    .nullish(),
  accountKeys: z
    .object({
      userKeyEncryptedAccountPrivateKey: encString().nullish(),
      accountPublicKey: base64().nullish(),
      publicKeyEncryptionKeyPair: z
        .object({
          wrappedPrivateKey: encString(),
          publicKey: base64(),
          signedPublicKey: z.string().max(10_000).nullish(),
        })
        .nullish(),
      signatureKeyPair: z
        .object({
          signatureAlgorithm: z.enum(['ed25519', 'mldsa44']),
          wrappedSigningKey: encString(),
          verifyingKey: z.string().min(1).max(10_000),
        })
        .nullish(),
      securityState: z.object({ securityState: z.string().max(10_000), securityVersion: z.number().int() }).nullish(),
    })
    .nullish(),
  emailVerificationToken: z.string().max(4096).nullish(),
  orgInviteToken: z.string().max(4096).nullish(),
  organizationUserId: guid().nullish(),
  providerInviteToken: z.string().max(4096).nullish(),
  providerUserId: guid().nullish(),
});
type FinishBody = z.output<typeof finishBody>;

const sameKdf = (a: z.output<typeof kdfRequest>, b: z.output<typeof kdfRequest>) =>
  a.kdfType === b.kdfType &&
  a.iterations === b.iterations &&
  (a.memory ?? null) === (b.memory ?? null) &&
  (a.parallelism ?? null) === (b.parallelism ?? null);

/** The `Validate()` rules of RegisterFinishRequestModel; returns the resolved password material. */
function resolveMaterial(b: FinishBody) {
  const fail = (message: string) => validationFailed({ '': [message] });
  const auth = b.masterPasswordAuthentication;
  const unlock = b.masterPasswordUnlock;
  if (auth && b.masterPasswordHash && auth.masterPasswordAuthenticationHash !== b.masterPasswordHash)
    throw fail('Master password hashes do not match.');
  const hash = auth?.masterPasswordAuthenticationHash ?? b.masterPasswordHash;
  if (!hash) throw fail('MasterPasswordHash or MasterPasswordAuthentication must be supplied.');
  let kdf: Kdf;
  if (auth && unlock) {
    if (!sameKdf(auth.kdf, unlock.kdf))
      throw fail('AuthenticationData and UnlockData must have the same KDF configuration.');
    if (auth.salt !== unlock.salt) throw fail('Invalid master password salt.');
    kdf = {
      kdf: unlock.kdf.kdfType,
      iterations: unlock.kdf.iterations,
      memory: unlock.kdf.memory ?? null,
      parallelism: unlock.kdf.parallelism ?? null,
    };
  } else if (auth || unlock) {
    throw fail(auth ? 'MasterPasswordUnlock must be supplied.' : 'MasterPasswordAuthentication must be supplied.');
  } else {
    if (b.kdf == null || b.kdfIterations == null)
      throw validationFailed({ Kdf: ['Kdf and KdfIterations are required.'] });
    kdf = {
      kdf: b.kdf,
      iterations: b.kdfIterations,
      memory: b.kdfMemory ?? null,
      parallelism: b.kdfParallelism ?? null,
    };
  }
  if (kdf.kdf === 0) kdf = { ...kdf, memory: null, parallelism: null };
  const rangeError = kdfRangeError(kdf);
  if (rangeError) throw validationFailed({ KdfIterations: [rangeError] });
  const key = unlock?.masterKeyWrappedUserKey ?? b.userSymmetricKey;
  if (!key) throw validationFailed({ UserSymmetricKey: ['UserSymmetricKey or MasterPasswordUnlock is required.'] });
  return { hash, kdf, key, salt: unlock?.salt ?? null };
}

function resolveKeys(b: FinishBody) {
  const ak = b.accountKeys;
  if (ak) {
    const publicKey = ak.publicKeyEncryptionKeyPair?.publicKey ?? ak.accountPublicKey;
    const privateKey = ak.publicKeyEncryptionKeyPair?.wrappedPrivateKey ?? ak.userKeyEncryptedAccountPrivateKey;
    if (!publicKey || !privateKey)
      throw validationFailed({ AccountKeys: ['AccountPublicKey and UserKeyEncryptedAccountPrivateKey are required.'] });
    const v2 = [ak.publicKeyEncryptionKeyPair?.signedPublicKey, ak.signatureKeyPair, ak.securityState].filter(
      (x) => x != null,
    ).length;
    if (v2 !== 0 && v2 !== 3)
      throw validationFailed({
        AccountKeys: ['SignedPublicKey, SignatureKeyPair and SecurityState must be sent together.'],
      });
    return {
      publicKey,
      privateKey,
      signedPublicKey: ak.publicKeyEncryptionKeyPair?.signedPublicKey ?? null,
      signatureKeyPair: ak.signatureKeyPair
        ? {
            wrappedSigningKey: ak.signatureKeyPair.wrappedSigningKey,
            verifyingKey: ak.signatureKeyPair.verifyingKey,
            signatureAlgorithm: ak.signatureKeyPair.signatureAlgorithm,
          }
        : null,
      securityState: ak.securityState ?? null,
      v2: v2 === 3,
    };
  }
  if (b.userAsymmetricKeys)
    return {
      publicKey: b.userAsymmetricKeys.publicKey,
      privateKey: b.userAsymmetricKeys.encryptedPrivateKey,
      signedPublicKey: null,
      signatureKeyPair: null,
      securityState: null,
      v2: false,
    };
  throw validationFailed({ '': ['AccountKeys or UserAsymmetricKeys must be supplied.'] });
}

/** Proof of email: a registration token or an org invitation for this email. Returns the name carried by the token. */
async function resolveProof(ctx: ServerContext, b: FinishBody, address: string): Promise<{ name: string | null }> {
  if (b.emailVerificationToken) {
    if (ctx.config.disableUserRegistration) throw badRequest(REGISTRATION_DISABLED);
    const check = verifyToken<RegistrationClaims>(ctx.keys.hmac, TokenPurpose.Registration, b.emailVerificationToken);
    if (!check.ok || normalizeEmail(check.payload.email) !== address)
      throw badRequest('Invalid email verification token.');
    return { name: check.payload.name };
  }
  if (b.orgInviteToken && b.organizationUserId) {
    const check = verifyToken<OrgInviteClaims>(ctx.keys.hmac, TokenPurpose.OrgInvite, b.orgInviteToken);
    if (!check.ok) throw badRequest(check.reason === 'expired' ? 'Expired token.' : 'Invalid token.');
    if (check.payload.orgUserId !== b.organizationUserId || normalizeEmail(check.payload.email) !== address)
      throw badRequest('Invalid token.');
    const invite = await ctx.db
      .selectFrom('organization_users')
      .select(['id', 'status'])
      .where('id', '=', b.organizationUserId)
      .executeTakeFirst();
    if (!invite || invite.status !== OrgUserStatus.Invited) throw badRequest('Invalid organization user invitation.');
    return { name: null };
  }
  if (b.providerInviteToken && b.providerUserId) {
    // Issue 5: registering from a provider invitation (domain/providers/invites.ts); needs open registration.
    if (ctx.config.disableUserRegistration) throw badRequest(REGISTRATION_DISABLED);
    if (
      !(await isValidProviderInviteForRegistration(
        ctx.db,
        ctx.keys.hmac,
        b.providerInviteToken,
        b.providerUserId,
        address,
      ))
    )
      throw badRequest('Invalid provider invite token.');
    return { name: null };
  }
  throw validationFailed({ '': ['No valid registration token provided'] });
}

function sendToken(request: FastifyRequest, reply: FastifyReply, token: string) {
  const wantsJson = String(request.headers.accept ?? '').includes('application/json');
  return wantsJson
    ? reply.type('application/json').send(JSON.stringify(token))
    : reply.type('text/plain; charset=utf-8').send(token);
}

const register: RouteModule = (app, ctx) => {
  app.post('/accounts/register/send-verification-email', async (request, reply) => {
    const b = parseBody(sendBody, request.body);
    if (ctx.config.disableUserRegistration) throw badRequest(REGISTRATION_DISABLED);
    if (b.fromMarketing != null && b.fromMarketing !== 'premium')
      throw badRequest('Marketing initiative type must be one of: premium');
    if (b.openOrgInvite != null) throw new ApiError(404, null);
    const address = normalizeEmail(b.email);
    const existing = await findUserByEmail(ctx.db, address);
    const token = signToken(
      ctx.keys.hmac,
      TokenPurpose.Registration,
      { email: address, name: b.name ?? null, receiveMarketingEmails: b.receiveMarketingEmails ?? false },
      REGISTRATION_TTL_MS,
    );
    if (!ctx.config.emailVerification) {
      if (existing) throw badRequest(`Email ${b.email} is already taken`);
      return sendToken(request, reply, token);
    }
    await enforceMailRateLimit(ctx, request, address); // counted for taken addresses too
    if (!existing) await sendQuietly(ctx.mailer, request.log, registrationEmail(ctx.baseUrl(), address, token));
    return reply.status(204).send();
  });

  app.post('/accounts/register/verification-email-clicked', async (request, reply) => {
    const b = parseBody(clickedBody, request.body);
    const address = normalizeEmail(b.email);
    const check = verifyToken<RegistrationClaims>(ctx.keys.hmac, TokenPurpose.Registration, b.emailVerificationToken);
    const valid =
      check.ok && normalizeEmail(check.payload.email) === address && !(await findUserByEmail(ctx.db, address));
    if (!valid)
      throw badRequest('Expired link. Please restart registration or try logging in. You may already have an account');
    return reply.status(200).send();
  });

  app.post('/accounts/register/finish', async (request) => {
    const b = parseBody(finishBody, request.body);
    const address = normalizeEmail(b.email);
    const material = resolveMaterial(b);
    const keys = resolveKeys(b);
    const proof = await resolveProof(ctx, b, address);
    const row = await buildUserRow(
      {
        email: address,
        name: proof.name,
        masterPasswordHash: material.hash,
        masterPasswordHint: b.masterPasswordHint ?? null,
        masterPasswordSalt: material.salt,
        kdf: material.kdf,
        key: material.key,
        publicKey: keys.publicKey,
        privateKey: keys.privateKey,
        signedPublicKey: keys.signedPublicKey,
        signatureKeyPair: keys.signatureKeyPair,
        securityState: keys.securityState,
        userKeyId: keys.v2 ? (b.masterPasswordUnlock?.containedKeyId ?? null) : null,
        emailVerified: true,
      },
      ctx.config.passwordHashIterations,
    );
    const inserted = await ctx.db
      .insertInto('users')
      .values(row)
      .onConflict((oc) => oc.column('email').doNothing())
      .executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0)
      throw validationFailed({ '': [`Email '${address}' is already taken.`] });
    return { object: 'registerFinish' };
  });
};

export default register;
