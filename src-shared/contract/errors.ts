/**
 * Errors that cross the bridge. Electron reduces thrown errors to a message, so every failure travels as a
 * `{ code, message }` envelope and is rebuilt on the renderer side as a `DeskError` (STYLE.md, "One contract").
 * This file imports nothing, so the preload bundle stays tiny.
 */
export const errorCodes = [
  'validation',
  'unauthorized',
  'forbidden',
  'not_found',
  'conflict',
  'offline',
  'server',
  'internal',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

export interface DeskErrorPayload {
  code: ErrorCode;
  message: string;
}

export type Envelope<T> = { ok: true; result: T } | { ok: false; error: DeskErrorPayload };

export class DeskError extends Error {
  override readonly name = 'DeskError';
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (errorCodes as readonly string[]).includes(value);
}

/**
 * Errors rejected through Electron's contextBridge keep only their message, so the code rides in it as a
 * `[code] ` prefix; `toDeskError` reads either form back.
 */
export function encodeErrorMessage(error: DeskErrorPayload): string {
  return `[${error.code}] ${error.message}`;
}

export function toDeskError(error: unknown): DeskError {
  if (error instanceof DeskError) return error;
  const candidate = error as { code?: unknown; message?: unknown } | null;
  const message = typeof candidate?.message === 'string' ? candidate.message : String(error);
  if (isErrorCode(candidate?.code)) return new DeskError(candidate.code, message);
  const match = /^(?:Error invoking remote method '[^']*': (?:\w*Error: )?)?\[([a-z_]+)\] ([\s\S]*)$/.exec(message);
  if (match && isErrorCode(match[1])) return new DeskError(match[1], match[2] ?? '');
  return new DeskError('internal', message);
}

/** Turns an envelope into its result, or throws the typed error it carries. */
export function unwrapEnvelope<T>(envelope: Envelope<T>): T {
  if (envelope.ok) return envelope.result;
  throw new DeskError(envelope.error.code, envelope.error.message);
}
