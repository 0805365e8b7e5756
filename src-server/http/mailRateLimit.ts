// Rate limit of the anonymous routes that send mail (resend-new-device-otp, send-email-login, registration's
// verification email): per client address and per target address, known or not (domain/backoff.ts).
import type { FastifyRequest } from 'fastify';
import type { ServerContext } from '../context';
import { mailRateLimited } from '../domain/backoff';
import { errorBody, tooManyRequests } from './errors';

/** 429 with Retry-After and Bitwarden's rate-limit body (`CustomIpRateLimitMiddleware`) when over the limit. */
export async function enforceMailRateLimit(ctx: ServerContext, request: FastifyRequest, email: string): Promise<void> {
  const wait = await mailRateLimited(ctx.db, ctx.config, request.ip, email);
  if (wait !== null) throw tooManyRequests(wait, errorBody(`Slow down! Too many requests. Try again in ${wait}s.`));
}
