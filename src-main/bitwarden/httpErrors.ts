/**
 * Turns transport failures and HTTP error answers into the bridge's error codes (bitwarden-api.md §10), with
 * messages a person can act on. Server messages are passed on; request bodies never appear in them.
 */
import { z } from 'zod';
import { DeskError, type ErrorCode } from '../../src-shared/contract';

/** An error answer from the server; `status` lets callers tell a 401 (refresh and retry) from the rest. */
export class HttpStatusError extends DeskError {
  constructor(
    code: ErrorCode,
    message: string,
    readonly status: number,
    readonly body: unknown,
  ) {
    super(code, message);
  }
}

const errorBodySchema = z
  .object({
    message: z.string().nullish(),
    errorModel: z.object({ message: z.string().nullish() }).nullish(),
    error_description: z.string().nullish(),
    validationErrors: z.record(z.string(), z.array(z.string()).nullish()).nullish(),
    errors: z.record(z.string(), z.unknown()).nullish(),
    title: z.string().nullish(),
  })
  .loose();

const GENERIC_VALIDATION = 'The model state is invalid.';

/** The most specific message in an error body (either casing, camelized before this). */
export function serverMessage(body: unknown): string | null {
  const parsed = errorBodySchema.safeParse(body);
  if (!parsed.success) return null;
  const b = parsed.data;
  const firstValidation = Object.values(b.validationErrors ?? {})
    .flatMap((messages) => messages ?? [])
    .find((message) => message.trim());
  const candidates = [b.errorModel?.message, firstValidation, b.message, b.error_description, b.title];
  const useful = candidates.filter((m): m is string => !!m?.trim()).filter((m) => m !== GENERIC_VALIDATION);
  return useful[0] ?? b.message ?? null;
}

export function retryAfterSeconds(header: string | undefined, now = Date.now()): number | null {
  if (!header) return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.ceil(seconds);
  const date = Date.parse(header);
  return Number.isNaN(date) ? null : Math.max(0, Math.ceil((date - now) / 1000));
}

export function rateLimitMessage(retryAfter: number | null): string {
  const wait =
    retryAfter === null
      ? 'a little while'
      : retryAfter < 90
        ? `${retryAfter} second${retryAfter === 1 ? '' : 's'}`
        : `${Math.ceil(retryAfter / 60)} minutes`;
  return `Too many attempts: the server is limiting requests. Try again in ${wait}.`;
}

/** Maps a non-2xx answer. `what` names the request for the generic messages ("GET /sync"). */
export function httpStatusError(status: number, body: unknown, retryAfterHeader?: string): HttpStatusError {
  const message = serverMessage(body);
  const make = (code: ErrorCode, fallback: string) => new HttpStatusError(code, message ?? fallback, status, body);
  if (status === 429) {
    return new HttpStatusError('server', rateLimitMessage(retryAfterSeconds(retryAfterHeader)), status, body);
  }
  if (status === 400 || status === 413 || status === 422) return make('validation', 'The server refused the request.');
  if (status === 401) return make('unauthorized', 'Your session has expired. Sign in again.');
  if (status === 403) return make('forbidden', 'You do not have permission to do that.');
  if (status === 404) return make('not_found', 'Not found on the server.');
  if (status === 409) return make('conflict', 'That conflicts with a change made elsewhere. Reload and try again.');
  if (status === 502 || status === 503 || status === 504) {
    return new HttpStatusError('offline', `The server is unavailable right now (HTTP ${status}).`, status, body);
  }
  return make('server', `The server had a problem (HTTP ${status}).`);
}

const TLS_CODES: Record<string, string> = {
  DEPTH_ZERO_SELF_SIGNED_CERT: 'it is self-signed',
  SELF_SIGNED_CERT_IN_CHAIN: 'it comes from an untrusted (self-signed) certificate authority',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'its issuer cannot be verified',
  UNABLE_TO_GET_ISSUER_CERT: 'its issuer cannot be verified',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'its issuer is not trusted on this computer',
  CERT_HAS_EXPIRED: 'it has expired',
  CERT_NOT_YET_VALID: 'it is not valid yet',
  CERT_REVOKED: 'it was revoked',
  ERR_TLS_CERT_ALTNAME_INVALID: 'it was issued for a different address',
  CERT_SIGNATURE_FAILURE: 'its signature is invalid',
};

const OFFLINE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENETDOWN',
  'EPIPE',
  'ETIMEDOUT',
  'ESOCKETTIMEDOUT',
  'ECONNABORTED',
  'ERR_SOCKET_CONNECTION_TIMEOUT',
  'UND_ERR_CONNECT_TIMEOUT',
]);

/** True for failures where no answer came back, which an idempotent request may retry. */
export function isTransientNetworkError(error: unknown): boolean {
  const code = errorCode(error);
  return code !== undefined && OFFLINE_CODES.has(code);
}

/** Maps an error thrown before any HTTP answer arrived (DNS, TCP, TLS, timeout). */
export function networkError(error: unknown, host: string): DeskError {
  if (error instanceof DeskError) return error;
  const code = errorCode(error);
  if (code && TLS_CODES[code]) {
    return new DeskError(
      'server',
      `The certificate of ${host} is not trusted: ${TLS_CODES[code]}. If this server uses a private certificate ` +
        'authority, install that authority on this computer (or set NODE_EXTRA_CA_CERTS).',
    );
  }
  if (code === 'ETIMEDOUT' || code === 'ESOCKETTIMEDOUT' || code === 'ERR_SOCKET_CONNECTION_TIMEOUT') {
    return new DeskError('offline', `${host} did not answer in time. Check your connection.`);
  }
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
    return new DeskError('offline', `Cannot find ${host}. Check the server address and your connection.`);
  }
  if (code && OFFLINE_CODES.has(code)) {
    return new DeskError('offline', `Cannot reach ${host}. Check your connection; cached data stays available.`);
  }
  if (code?.startsWith('ERR_TLS') || code?.startsWith('ERR_SSL') || /certificate/i.test(messageOf(error))) {
    return new DeskError('server', `A secure connection to ${host} could not be made (${code ?? 'TLS error'}).`);
  }
  return new DeskError('offline', `Cannot reach ${host} (${code ?? 'network error'}).`);
}

function errorCode(error: unknown): string | undefined {
  const direct = (error as { code?: unknown } | null)?.code;
  if (typeof direct === 'string' && direct !== 'ERR_GOT_REQUEST_ERROR') return direct;
  const cause = (error as { cause?: { code?: unknown } } | null)?.cause?.code;
  if (typeof cause === 'string') return cause;
  return typeof direct === 'string' ? direct : undefined;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
