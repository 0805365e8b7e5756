// Bearer authentication for the API service. Every route needs a valid access token unless it is declared
// with `config: { anonymous: true }`. The user's security stamp is checked on every request, so rotating it
// (password change, API key rotation, 2FA change) ends existing sessions at once.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ServerContext } from '../context';
import { safeEqual } from '../domain/secrets';
import { ApiError, forbidden } from './errors';
import { verifyAccessToken } from './jwt';

export interface AuthContext {
  userId: string;
  email: string;
  clientId: string;
  deviceIdentifier: string | null;
  deviceType: number | null;
}

declare module 'fastify' {
  interface FastifyRequest {
    auth: AuthContext | null;
  }
  interface FastifyContextConfig {
    /** The route needs no access token. */
    anonymous?: boolean;
    /** The route needs a token issued to one of these client ids (e.g. `web` for two-factor set-up). */
    clients?: string[];
  }
}

const unauthenticated = () => new ApiError(401, null, { 'www-authenticate': 'Bearer' });

export function bearerToken(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (!header) return null;
  const match = /^Bearer\s+(.+)$/i.exec(header);
  return match ? match[1]!.trim() : null;
}

export async function authenticate(ctx: ServerContext, request: FastifyRequest): Promise<AuthContext | null> {
  const token = bearerToken(request);
  if (!token) return null;
  // Rollover (issue 13): tokens signed with a previous key stay valid until they expire.
  let claims = await verifyAccessToken(ctx.keys.jwt, token);
  for (const key of ctx.keys.jwtPrevious) claims ??= await verifyAccessToken(key, token);
  if (!claims) return null;
  const user = await ctx.db
    .selectFrom('users')
    .select(['id', 'security_stamp'])
    .where('id', '=', claims.sub)
    .executeTakeFirst();
  if (!user || !safeEqual(user.security_stamp, claims.sstamp)) return null;
  return {
    userId: user.id,
    email: claims.email,
    clientId: claims.client_id,
    deviceIdentifier: claims.device ?? null,
    deviceType: claims.devicetype ?? null,
  };
}

/** Installs the bearer check on a scope (the `/api` and `/events` prefixes). */
export function installAuth(app: FastifyInstance, ctx: ServerContext): void {
  app.addHook('onRequest', async (request) => {
    const config = request.routeOptions.config;
    request.auth = await authenticate(ctx, request);
    if (config.anonymous) return;
    if (!request.auth) throw unauthenticated();
    if (config.clients && !config.clients.includes(request.auth.clientId)) throw forbidden();
  });
}

/** The caller of an authenticated route (throws 401 if the route was anonymous and no token came). */
export function requireAuth(request: FastifyRequest): AuthContext {
  if (!request.auth) throw unauthenticated();
  return request.auth;
}
