// Error bodies and status codes of the reference (bitwarden-api.md §10, bitwarden-accounts.md §0.3, §3.8).
// Route code throws these; `installErrorHandler` turns them (and Fastify's own errors) into responses.
import type { FastifyError, FastifyInstance } from 'fastify';

export type ValidationErrors = Record<string, string[]>;

export const MODEL_STATE_INVALID = 'The model state is invalid.';

export function errorBody(message: string, validationErrors: ValidationErrors | null = null) {
  return {
    object: 'error',
    message,
    validationErrors,
    exceptionMessage: null,
    exceptionStackTrace: null,
    innerExceptionMessage: null,
  };
}

/** An error with a ready response. `body === null` answers with an empty body. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
    readonly headers: Record<string, string> = {},
  ) {
    super(
      typeof body === 'object' && body && 'message' in body
        ? String((body as { message: unknown }).message)
        : `HTTP ${status}`,
    );
  }
}

/** 400 with a rule message (`BadRequestException(message)`). */
export const badRequest = (message: string) => new ApiError(400, errorBody(message));
/** 400 "The model state is invalid." with `validationErrors`. */
export const validationFailed = (errors: ValidationErrors) => new ApiError(400, errorBody(MODEL_STATE_INVALID, errors));
/** 400 keyed rule failure (`BadRequestException(key, message)`). */
export const invalidField = (key: string, message: string) => validationFailed({ [key]: [message] });
export const notFound = () => new ApiError(404, errorBody('Resource not found.'));
export const unauthorized = () => new ApiError(401, errorBody('Unauthorized.'));
/** Newer admin-console endpoints: 401 with an empty body. */
export const unauthorizedEmpty = () => new ApiError(401, null);
/** Failed authorization policy (e.g. wrong client): 403, empty body. */
export const forbidden = () => new ApiError(403, null);
export const conflict = (message: string) => new ApiError(409, errorBody(message));
export const tooManyRequests = (
  retryAfterSeconds: number,
  body: unknown = errorBody('Too many requests. Try again later.'),
) => new ApiError(429, body, { 'retry-after': String(Math.max(1, Math.ceil(retryAfterSeconds))) });

/** Identity token endpoint error (bitwarden-api.md §3.8): snake_case OAuth keys + PascalCase Bitwarden keys. */
export function identityErrorBody(
  error: string,
  message: string,
  description?: string,
  extra: Record<string, unknown> = {},
) {
  return {
    error,
    ...(description === undefined ? {} : { error_description: description }),
    ErrorModel: { Message: message, Object: 'error' },
    ...extra,
  };
}

export const identityError = (error: string, message: string, description?: string, extra?: Record<string, unknown>) =>
  new ApiError(400, identityErrorBody(error, message, description, extra));

export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError | ApiError, request, reply) => {
    if (err instanceof ApiError) {
      reply.headers(err.headers).status(err.status);
      return err.body === null ? reply.send() : reply.send(err.body);
    }
    const status = err.statusCode ?? 500;
    if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE')
      return reply.status(413).send(errorBody('Request body is too large.'));
    if (err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE')
      return reply.status(415).send(errorBody('Unsupported media type.'));
    if (status === 400 && (err.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || err instanceof SyntaxError)) {
      return reply.status(400).send(errorBody(MODEL_STATE_INVALID, { '': ['The request body is not valid JSON.'] }));
    }
    if (status < 500) return reply.status(status).send(errorBody(err.message));
    request.log.error({ err }, 'unhandled error');
    return reply.status(500).send(errorBody('An unhandled server error has occurred.'));
  });
  app.setNotFoundHandler((_request, reply) => reply.status(404).send(errorBody('Resource not found.')));
}
