// grant_type=refresh_token (bitwarden-api.md §3.4): rotates the refresh token within its family (reuse revokes the
// family, see domain/refreshTokens.ts); claims rebuilt from the database.
import type { ServerContext } from '../../context';
import { issueRefreshToken, redeemRefreshToken } from '../../domain/refreshTokens';
import { findUserById } from '../../domain/users';
import { ApiError } from '../../http/errors';
import { ACCESS_TOKEN_SECONDS, signAccessToken } from '../../http/jwt';
import { issuer, type TokenForm } from './tokenRequest';

const invalidGrant = () => new ApiError(400, { error: 'invalid_grant' });

export async function refreshGrant(ctx: ServerContext, form: TokenForm) {
  const presented = form.get('refresh_token');
  const clientId = form.get('client_id') ?? '';
  if (!presented) throw invalidGrant();
  const rotated = await ctx.db.transaction().execute(async (trx) => {
    const row = await redeemRefreshToken(trx, presented, clientId);
    if (!row) return null;
    const device = row.device_id
      ? await trx
          .selectFrom('devices')
          .select(['identifier', 'type'])
          .where('id', '=', row.device_id)
          .executeTakeFirst()
      : undefined;
    const owner = { id: row.user_id, security_stamp: row.user_stamp };
    return { row, device, token: await issueRefreshToken(trx, owner, clientId, row.device_id, row.family_id) };
  });
  if (!rotated) throw invalidGrant();
  const user = await findUserById(ctx.db, rotated.row.user_id);
  if (!user) throw invalidGrant();
  const scope = ['api', 'offline_access'];
  const accessToken = await signAccessToken(ctx.db, ctx.keys.jwt, issuer(ctx), {
    user,
    clientId,
    scope,
    deviceIdentifier: rotated.device?.identifier,
    deviceType: rotated.device?.type,
  });
  return {
    access_token: accessToken,
    expires_in: ACCESS_TOKEN_SECONDS,
    token_type: 'Bearer',
    refresh_token: rotated.token,
    scope: scope.join(' '),
  };
}
