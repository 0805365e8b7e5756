/**
 * The identity service (bitwarden-api.md §3; bitwarden-accounts.md §4–5): prelogin, the token grants, and the
 * two anonymous "send the code again" routes. Outcomes that need the user again (two-step login, new-device
 * code) come back as values; everything else is a `DeskError`.
 */
import { DeskError } from '../../src-shared/contract';
import { kdfFromPrelogin, type KdfConfig } from '../crypto';
import { CLIENT_ID, type DeviceInfo } from './clientInfo';
import type { BitwardenHttp, BitwardenResponse } from './http';
import { errorOf, parseOk } from './http';
import { HttpStatusError, serverMessage } from './httpErrors';
import {
  identityErrorSchema,
  refreshSuccessSchema,
  tokenSuccessSchema,
  type IdentityError,
  type RefreshSuccess,
  type TokenSuccess,
} from './identitySchemas';

export interface TwoFactorChallenge {
  /** Provider type → its details (Email: `{ email: "so*****@example.com" }`). */
  providers: Map<number, unknown>;
  ssoEmail2faSessionToken: string | null;
}

export type TokenOutcome =
  | { kind: 'success'; token: TokenSuccess }
  | { kind: 'twoFactor'; challenge: TwoFactorChallenge }
  | { kind: 'newDevice' };

export interface PasswordGrant {
  email: string;
  masterPasswordHash: string;
  device: DeviceInfo;
  twoFactor?: { provider: number; token: string; remember: boolean };
  newDeviceOtp?: string;
}

export async function prelogin(http: BitwardenHttp, email: string): Promise<KdfConfig> {
  const request = { service: 'identity' as const, method: 'POST' as const, json: { email } };
  let response = await http.send({ ...request, path: '/accounts/prelogin/password' });
  // Older servers only have the obsolete route.
  if (response.status === 404) response = await http.send({ ...request, path: '/accounts/prelogin' });
  if (response.status < 200 || response.status > 299) throw errorOf(response);
  try {
    return kdfFromPrelogin(response.body);
  } catch (error) {
    const weak = (error as { code?: string }).code === 'kdf_too_weak';
    throw new DeskError(
      'server',
      weak
        ? 'The server asked for KDF settings that are too weak to be safe; sign-in was stopped.'
        : 'The server sent no usable key derivation settings.',
    );
  }
}

export async function passwordGrant(http: BitwardenHttp, grant: PasswordGrant): Promise<TokenOutcome> {
  const form: Record<string, string> = {
    grant_type: 'password',
    client_id: CLIENT_ID,
    scope: 'api offline_access',
    username: grant.email,
    password: grant.masterPasswordHash,
    ...deviceFields(grant.device),
  };
  if (grant.twoFactor) {
    form.twoFactorProvider = String(grant.twoFactor.provider);
    form.twoFactorToken = grant.twoFactor.token;
    form.twoFactorRemember = grant.twoFactor.remember ? '1' : '0';
  }
  if (grant.newDeviceOtp) form.newDeviceOtp = grant.newDeviceOtp;
  return tokenOutcome(await http.send(tokenRequest(form)));
}

export async function clientCredentialsGrant(
  http: BitwardenHttp,
  credentials: { clientId: string; clientSecret: string; device: DeviceInfo },
): Promise<TokenSuccess> {
  const response = await http.send(
    tokenRequest({
      grant_type: 'client_credentials',
      scope: 'api',
      client_id: credentials.clientId,
      client_secret: credentials.clientSecret,
      ...deviceFields(credentials.device),
    }),
  );
  const outcome = tokenOutcome(response, 'The API key (client_id or client_secret) is not valid.');
  if (outcome.kind !== 'success') throw new DeskError('server', 'The server asked for more than an API key.');
  return outcome.token;
}

export async function refreshGrant(http: BitwardenHttp, refreshToken: string): Promise<RefreshSuccess> {
  const response = await http.send(
    tokenRequest({ grant_type: 'refresh_token', client_id: CLIENT_ID, refresh_token: refreshToken }),
  );
  if (response.status === 400 || response.status === 401) {
    throw new HttpStatusError('unauthorized', 'Your session has expired. Sign in again.', response.status, null);
  }
  return parseOk(response, refreshSuccessSchema, 'token refresh');
}

/** Emails a two-step login code (the token endpoint does not send it by itself). */
export async function sendEmailLogin(
  http: BitwardenHttp,
  body: { email: string; masterPasswordHash: string; ssoEmail2FaSessionToken: string | null },
): Promise<void> {
  await http.call({ service: 'api', method: 'POST', path: '/two-factor/send-email-login', json: body });
}

/** Emails a new new-device code; always 200 so it reveals nothing. */
export async function resendNewDeviceOtp(
  http: BitwardenHttp,
  body: { email: string; masterPasswordHash: string },
): Promise<void> {
  await http.call({ service: 'api', method: 'POST', path: '/accounts/resend-new-device-otp', json: body });
}

function tokenRequest(form: Record<string, string>) {
  return { service: 'identity' as const, method: 'POST' as const, path: '/connect/token', form };
}

function deviceFields(device: DeviceInfo) {
  return { deviceType: String(device.type), deviceIdentifier: device.identifier, deviceName: device.name };
}

function tokenOutcome(response: BitwardenResponse, invalidClientMessage?: string): TokenOutcome {
  if (response.status >= 200 && response.status <= 299) {
    return { kind: 'success', token: parseOk(response, tokenSuccessSchema, 'sign-in') };
  }
  if (response.status !== 400) throw errorOf(response);
  const parsed = identityErrorSchema.safeParse(response.body);
  if (!parsed.success) throw errorOf(response);
  const error = parsed.data;
  if (isTwoFactorChallenge(error)) return { kind: 'twoFactor', challenge: challengeOf(error) };
  const modelMessage = (error.errorModel?.message ?? '').toLowerCase();
  if (modelMessage === 'new device verification required') return { kind: 'newDevice' };
  throw identityFailure(error, response, invalidClientMessage);
}

function isTwoFactorChallenge(error: IdentityError): boolean {
  return error.error_description === 'Two factor required.' || !!error.twoFactorProviders2;
}

function challengeOf(error: IdentityError): TwoFactorChallenge {
  const providers = new Map<number, unknown>();
  for (const [type, details] of Object.entries(error.twoFactorProviders2 ?? {})) {
    if (/^\d+$/.test(type)) providers.set(Number(type), details);
  }
  for (const type of error.twoFactorProviders ?? []) {
    const n = Number(type);
    if (Number.isInteger(n) && !providers.has(n)) providers.set(n, null);
  }
  return { providers, ssoEmail2faSessionToken: error.ssoEmail2faSessionToken ?? null };
}

function identityFailure(error: IdentityError, response: BitwardenResponse, invalidClientMessage?: string): DeskError {
  const raw = serverMessage(response.body) ?? 'Sign-in failed.';
  const message = raw === 'invalid_username_or_password' ? 'Username or password is incorrect. Try again.' : raw;
  const lower = message.toLowerCase();
  const fail = (code: DeskError['code'], text: string) => new HttpStatusError(code, text, 400, null);
  if (error.error === 'invalid_client') return fail('unauthorized', invalidClientMessage ?? message);
  if (lower.includes('invalid new device otp'))
    return fail('validation', 'The verification code is wrong or has expired.');
  if (lower.includes('two-step token is invalid')) return fail('validation', 'Two-step token is invalid. Try again.');
  if (error.error === 'version_header_missing' || error.error === 'invalid_client_version') {
    return fail('server', `This server does not accept Provider Desk's client version: ${message}`);
  }
  if (error.error === 'invalid_grant') return fail('unauthorized', message);
  return fail('validation', message);
}
