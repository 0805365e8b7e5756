// Shared pieces of the token grants: form access, client version and device checks, backoff.
import type { FastifyRequest } from 'fastify';
import type { ServerContext } from '../../context';
import { chargeAttempt, loginKeys } from '../../domain/backoff';
import { identityError, identityErrorBody, tooManyRequests } from '../../http/errors';

/** Form fields, read case-insensitively. */
export class TokenForm {
  private readonly fields = new Map<string, string>();
  constructor(body: unknown) {
    if (body && typeof body === 'object') {
      for (const [k, v] of Object.entries(body))
        if (typeof v === 'string' && v.length <= 10_000) this.fields.set(k.toLowerCase(), v);
    }
  }
  get(name: string): string | undefined {
    const v = this.fields.get(name.toLowerCase());
    return v === undefined || v === '' ? undefined : v;
  }
}

export interface DeviceFields {
  identifier: string;
  type: number;
  name: string;
  pushToken: string | null;
}

/** `Bitwarden-Client-Version` must parse as a version (§3.8). */
export function requireClientVersion(request: FastifyRequest): void {
  const header = request.headers['bitwarden-client-version'];
  const value = Array.isArray(header) ? header[0] : header;
  if (!value || !/^\d+\.\d+(\.\d+)?([-+.].*)?$/.test(value.trim())) {
    const text = 'Bitwarden-Client-Version header is required and must be a valid version.';
    throw identityError('version_header_missing', text, text);
  }
}

export function requireDevice(form: TokenForm): DeviceFields {
  const identifier = form.get('deviceIdentifier');
  const typeText = form.get('deviceType');
  const name = form.get('deviceName');
  const type = Number(typeText);
  if (
    !identifier ||
    !name ||
    !typeText ||
    !Number.isInteger(type) ||
    type < 0 ||
    type > 26 ||
    identifier.length > 300 ||
    name.length > 100
  ) {
    throw identityError('device_error', 'no device information provided', 'No device information provided');
  }
  return { identifier, type, name, pushToken: form.get('devicePushToken') ?? null };
}

/** The token endpoint's 429 (Retry-After, the identity error shape). */
export function backoffRefusal(wait: number) {
  return tooManyRequests(
    wait,
    identityErrorBody(
      'invalid_grant',
      `Too many failed login attempts. Try again in ${wait} seconds.`,
      'too_many_attempts',
    ),
  );
}

/**
 * Charges this attempt to the backoff of the account at this address and of the address (domain/backoff.ts): it
 * counts as a failure unless refunded. 429 with Retry-After while locked.
 */
export async function enforceBackoff(ctx: ServerContext, keys: string[]): Promise<void> {
  const wait = await chargeAttempt(ctx.db, ctx.config, keys);
  if (wait !== null) throw backoffRefusal(wait);
}

export const backoffKeys = (request: FastifyRequest, account: string) => loginKeys(account, request.ip);

/** The 2 s pause Bitwarden makes before answering a failed secret check. */
export const failureDelay = (ctx: ServerContext) => new Promise((r) => setTimeout(r, ctx.config.failedAuthDelayMs));

export const issuer = (ctx: ServerContext) => `${ctx.baseUrl()}/identity`;
