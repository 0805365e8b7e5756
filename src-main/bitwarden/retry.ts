/**
 * Retries with exponential backoff, for idempotent requests only: a POST that timed out may have happened, so
 * repeating it could create a second client or rotate a refresh token twice.
 */

export interface RetryPolicy {
  /** Extra attempts after the first. */
  retries: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { retries: 2, baseDelayMs: 400, maxDelayMs: 4_000 };

/** Statuses worth another try: the request did not reach the application, or a proxy gave up waiting. */
export const RETRY_STATUSES = new Set([408, 502, 503, 504]);

export function backoffDelay(attempt: number, policy: RetryPolicy, random = Math.random): number {
  const exponential = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt);
  // Full jitter on the upper half keeps many clients from retrying in step.
  return Math.round(exponential / 2 + (random() * exponential) / 2);
}

export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

export const sleep: Sleep = (ms, signal) =>
  new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });

export const IDEMPOTENT_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
