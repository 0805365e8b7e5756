// grant_type=client_credentials with a personal API key, client_id `user.<id>` (bitwarden-api.md §3.5).
import type { FastifyRequest } from 'fastify';
import type { ServerContext } from '../../context';
import { clearFailures, refundAttempt } from '../../domain/backoff';
import { saveDevice } from '../../domain/devices';
import { EventType } from '../../domain/eventTypes';
import { writeEvent } from '../../domain/events';
import { combinedMasterPasswordPolicy, identityPolicyBody } from '../../domain/masterPasswordPolicy';
import { isGuid } from '../../domain/orgRoles';
import { safeEqual } from '../../domain/secrets';
import { loginBody } from '../../domain/tokenResponse';
import { findUserById } from '../../domain/users';
import { ApiError } from '../../http/errors';
import { signAccessToken } from '../../http/jwt';
import {
  backoffKeys,
  enforceBackoff,
  failureDelay,
  issuer,
  requireClientVersion,
  requireDevice,
  type TokenForm,
} from './tokenRequest';

const invalidClient = () => new ApiError(400, { error: 'invalid_client' });

export async function clientCredentialsGrant(ctx: ServerContext, request: FastifyRequest, form: TokenForm) {
  const clientId = form.get('client_id') ?? '';
  const match = /^user\.(.+)$/.exec(clientId);
  if (!match || !isGuid(match[1]!)) throw invalidClient();
  requireClientVersion(request);
  const device = requireDevice(form);
  const keys = backoffKeys(request, clientId);
  await enforceBackoff(ctx, keys);
  const user = await findUserById(ctx.db, match[1]!.toLowerCase());
  const secret = form.get('client_secret') ?? '';
  if (!user || !safeEqual(secret, user.api_key)) {
    await failureDelay(ctx); // the charged attempt stays a failure
    throw invalidClient();
  }
  await refundAttempt(ctx.db, keys);
  await clearFailures(ctx.db, [keys[0]!]);
  await ctx.db.transaction().execute(async (trx) => {
    await saveDevice(trx, user.id, device);
    await writeEvent(trx, {
      type: EventType.User_LoggedIn,
      userId: user.id,
      actingUserId: user.id,
      deviceType: device.type,
      ipAddress: request.ip,
    });
  });
  const accessToken = await signAccessToken(ctx.db, ctx.keys.jwt, issuer(ctx), {
    user,
    clientId,
    scope: ['api'],
    deviceIdentifier: device.identifier,
    deviceType: device.type,
  });
  const policy = identityPolicyBody(await combinedMasterPasswordPolicy(ctx.db, user.id));
  return loginBody({
    user,
    accessToken,
    refreshToken: null,
    scope: 'api',
    masterPasswordPolicy: policy,
    apiKeyLogin: true,
  });
}
