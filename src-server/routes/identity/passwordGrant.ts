// grant_type=password (bitwarden-api.md §3.3, §3.7; bitwarden-accounts.md §4.4, §5).
import type { FastifyRequest } from 'fastify';
import type { ServerContext } from '../../context';
import type { User } from '../../db/schema';
import { normalizeEmail } from '../../db/values';
import { clearFailures, recordFailure, refundAttempt } from '../../domain/backoff';
import { countDevices, findDevice, saveDevice } from '../../domain/devices';
import { CodePurpose, issueEmailCode, verifyEmailCode } from '../../domain/emailCodes';
import { EventType } from '../../domain/eventTypes';
import { writeEvent } from '../../domain/events';
import { combinedMasterPasswordPolicy, identityPolicyBody } from '../../domain/masterPasswordPolicy';
import { verifyPasswordOrDummy } from '../../domain/passwordHash';
import { issueRefreshToken, STATIC_CLIENTS } from '../../domain/refreshTokens';
import { checkRememberToken, issueRememberToken } from '../../domain/rememberTokens';
import { loginBody } from '../../domain/tokenResponse';
import { safeEqual } from '../../domain/secrets';
import {
  enabledProviders,
  recordTotpStep,
  redactEmail,
  resetTwoFactor,
  TwoFactorType,
  type ProviderRow,
} from '../../domain/twoFactor';
import { verifyTotp } from '../../domain/totp';
import { findUserByEmail, findUserById } from '../../domain/users';
import { ApiError, identityError } from '../../http/errors';
import { signAccessToken } from '../../http/jwt';
import { sendQuietly } from '../../mail/mailer';
import { failedTwoFactorAttempt, newDeviceCode } from '../../mail/templates';
import {
  backoffKeys,
  enforceBackoff,
  failureDelay,
  issuer,
  requireClientVersion,
  requireDevice,
  type DeviceFields,
  type TokenForm,
} from './tokenRequest';

const BAD_CREDENTIALS = 'Username or password is incorrect. Try again.';

function twoFactorChallenge(user: User, providers: ProviderRow[], policy: Record<string, unknown>) {
  const providers2: Record<string, unknown> = {};
  for (const p of providers)
    providers2[String(p.type)] =
      p.type === TwoFactorType.Email ? { Email: redactEmail(p.data.email ?? user.email) } : null;
  const email = providers.some((p) => p.type === TwoFactorType.Email);
  return new ApiError(400, {
    error: 'invalid_grant',
    error_description: 'Two factor required.',
    TwoFactorProviders: providers.map((p) => String(p.type)),
    TwoFactorProviders2: providers2,
    ...(email ? { SsoEmail2faSessionToken: null, Email: user.email } : {}),
    MasterPasswordPolicy: policy,
    ErrorModel: { Message: 'Two factor required.', Object: 'error' },
  });
}

/** Checks a second factor; true when it passes. Recovery codes reset two-step login and pass. */
async function checkSecondFactor(
  ctx: ServerContext,
  user: User,
  providers: ProviderRow[],
  type: number,
  code: string,
): Promise<boolean> {
  if (type === TwoFactorType.Remember) return checkRememberToken(ctx.db, user, code);
  if (type === TwoFactorType.RecoveryCode) {
    const given = code.replace(/\s+/g, '').toLowerCase();
    if (!user.two_factor_recovery_code || !safeEqual(given, user.two_factor_recovery_code)) return false;
    await ctx.db.transaction().execute(async (trx) => {
      await resetTwoFactor(trx, user.id);
      await writeEvent(trx, { type: EventType.User_Recovered2fa, userId: user.id, actingUserId: user.id });
    });
    return true;
  }
  const provider = providers.find((p) => p.type === type);
  if (!provider) return false;
  if (type === TwoFactorType.Authenticator) {
    const step = verifyTotp(provider.data.key ?? '', code, provider.lastUsedStep);
    if (step === null) return false;
    await recordTotpStep(ctx.db, user.id, step);
    return true;
  }
  if (type === TwoFactorType.Email) return verifyEmailCode(ctx.db, user.id, CodePurpose.TwoFactorLogin, code);
  return false;
}

/** New-device verification (accounts §5.1): only when enabled in the configuration and no 2FA was required. */
async function needsDeviceVerification(ctx: ServerContext, user: User, device: DeviceFields): Promise<boolean> {
  if (!ctx.config.newDeviceVerification || user.verify_devices !== 1) return false;
  if (Date.now() - Date.parse(user.creation_date) < 24 * 3600 * 1000) return false;
  if (await findDevice(ctx.db, user.id, device.identifier)) return false;
  return (await countDevices(ctx.db, user.id)) > 0;
}

async function verifyNewDevice(
  ctx: ServerContext,
  request: FastifyRequest,
  form: TokenForm,
  user: User,
): Promise<void> {
  const otp = form.get('newDeviceOtp');
  if (otp) {
    if (await verifyEmailCode(ctx.db, user.id, CodePurpose.NewDevice, otp)) return;
    throw identityError('device_error', 'invalid new device otp', 'Invalid New Device OTP');
  }
  const code = await issueEmailCode(ctx.db, user.id, CodePurpose.NewDevice);
  await sendQuietly(ctx.mailer, request.log, newDeviceCode(user.email, code));
  throw identityError('device_error', 'new device verification required', 'New device verification required');
}

export async function passwordGrant(ctx: ServerContext, request: FastifyRequest, form: TokenForm) {
  requireClientVersion(request);
  const clientId = form.get('client_id') ?? '';
  if (!STATIC_CLIENTS.includes(clientId)) throw new ApiError(400, { error: 'invalid_client' });
  const device = requireDevice(form);
  const email = normalizeEmail(form.get('username') ?? '');
  const keys = backoffKeys(request, email);
  await enforceBackoff(ctx, keys);

  const found = email ? await findUserByEmail(ctx.db, email) : undefined;
  // Same PBKDF2 work for an unknown account (accounts leak by timing otherwise).
  const passwordOk = await verifyPasswordOrDummy(
    form.get('password') ?? '',
    found?.master_password_hash,
    ctx.config.passwordHashIterations,
  );
  if (!found || !passwordOk) {
    // The attempt charged by enforceBackoff stays a failure.
    if (found)
      await writeEvent(ctx.db, {
        type: EventType.User_FailedLogIn,
        userId: found.id,
        deviceType: device.type,
        ipAddress: request.ip,
      });
    await failureDelay(ctx);
    throw identityError('invalid_grant', BAD_CREDENTIALS);
  }
  await refundAttempt(ctx.db, keys); // the password is right: not a failure (a wrong second factor records one)
  let user = found;
  const policy = identityPolicyBody(await combinedMasterPasswordPolicy(ctx.db, user.id));

  const providers = await enabledProviders(ctx.db, user.id);
  let rememberToken: string | undefined;
  if (providers.length > 0) {
    const code = form.get('twoFactorToken');
    const type = Number(form.get('twoFactorProvider'));
    if (!code || !Number.isInteger(type)) throw twoFactorChallenge(user, providers, policy);
    const passed = await checkSecondFactor(ctx, user, providers, type, code);
    if (!passed && type === TwoFactorType.Remember) throw twoFactorChallenge(user, providers, policy);
    if (!passed) {
      await recordFailure(ctx.db, ctx.config, keys);
      await writeEvent(ctx.db, {
        type: EventType.User_FailedLogIn2fa,
        userId: user.id,
        deviceType: device.type,
        ipAddress: request.ip,
      });
      await sendQuietly(ctx.mailer, request.log, failedTwoFactorAttempt(user.email));
      await failureDelay(ctx);
      throw identityError('invalid_grant', 'Two-step token is invalid. Try again.', 'invalid_username_or_password');
    }
    user = (await findUserById(ctx.db, user.id)) ?? user; // a recovery code rotated the stamp
    if (form.get('twoFactorRemember') === '1' && type !== TwoFactorType.Remember)
      rememberToken = await issueRememberToken(ctx.db, user);
  } else if (await needsDeviceVerification(ctx, user, device)) {
    await verifyNewDevice(ctx, request, form, user);
  }

  await clearFailures(ctx.db, [keys[0]!]);
  const scope = form.get('scope') ?? 'api offline_access';
  const scopes = scope.split(/\s+/).filter(Boolean);
  const refreshToken = await ctx.db.transaction().execute(async (trx) => {
    const deviceId = await saveDevice(trx, user.id, device);
    await writeEvent(trx, {
      type: EventType.User_LoggedIn,
      userId: user.id,
      actingUserId: user.id,
      deviceType: device.type,
      ipAddress: request.ip,
    });
    return scopes.includes('offline_access') ? issueRefreshToken(trx, user, clientId, deviceId) : null;
  });
  const accessToken = await signAccessToken(ctx.db, ctx.keys.jwt, issuer(ctx), {
    user,
    clientId,
    scope: scopes.includes('api') ? scopes : ['api', ...scopes],
    deviceIdentifier: device.identifier,
    deviceType: device.type,
  });
  return loginBody({
    user,
    accessToken,
    refreshToken,
    scope,
    masterPasswordPolicy: policy,
    twoFactorToken: rememberToken,
  });
}
