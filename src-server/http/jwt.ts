// Access tokens: HS256 JWTs with the claims of bitwarden-api.md §3.9 / §13.2.
import { SignJWT, jwtVerify } from 'jose';
import type { Db } from '../db/database';
import type { User } from '../db/schema';
import { isSet } from '../db/values';

export const ACCESS_TOKEN_SECONDS = 3600;

export interface AccessClaims {
  sub: string;
  email: string;
  sstamp: string;
  client_id: string;
  device?: string;
  devicetype?: number;
  scope: string[];
  amr: string[];
}

const ORG_ROLE_CLAIMS: Record<number, string> = { 0: 'orgowner', 1: 'orgadmin', 2: 'orguser', 4: 'orgcustom' };

/** Membership claims, rebuilt from the database on every token (so new memberships appear after a refresh). */
async function membershipClaims(db: Db, userId: string): Promise<Record<string, string[]>> {
  const rows = await db
    .selectFrom('organization_users')
    .select(['organization_id', 'type', 'permissions'])
    .where('user_id', '=', userId)
    .where('status', '=', 2)
    .execute();
  const claims: Record<string, string[]> = {};
  for (const row of rows) {
    const name = ORG_ROLE_CLAIMS[row.type];
    if (name) (claims[name] ??= []).push(row.organization_id);
    if (row.type === 4 && row.permissions) {
      const perms = JSON.parse(row.permissions) as Record<string, unknown>;
      for (const [perm, on] of Object.entries(perms))
        if (on === true) (claims[perm.toLowerCase()] ??= []).push(row.organization_id);
    }
  }
  return claims;
}

export interface TokenSubject {
  user: User;
  clientId: string;
  scope: string[];
  deviceIdentifier?: string | undefined;
  deviceType?: number | undefined;
}

export async function signAccessToken(db: Db, key: Uint8Array, issuer: string, s: TokenSubject): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const claims = {
    client_id: s.clientId,
    email: s.user.email,
    email_verified: isSet(s.user.email_verified),
    name: s.user.name ?? '',
    premium: isSet(s.user.premium),
    sstamp: s.user.security_stamp,
    ...(s.deviceIdentifier ? { device: s.deviceIdentifier } : {}),
    ...(s.deviceType !== undefined ? { devicetype: String(s.deviceType) } : {}),
    idp: 'bitwarden',
    amr: ['Application'],
    scope: s.scope,
    auth_time: now,
    jti: crypto.randomUUID(),
    ...(await membershipClaims(db, s.user.id)),
  };
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256', typ: 'at+jwt' })
    .setSubject(s.user.id)
    .setIssuer(issuer)
    .setIssuedAt(now)
    .setNotBefore(now)
    .setExpirationTime(now + ACCESS_TOKEN_SECONDS)
    .sign(key);
}

/** Returns the verified claims or null (bad signature, expired, wrong issuer, not an Application token). */
export async function verifyAccessToken(key: Uint8Array, token: string): Promise<AccessClaims | null> {
  try {
    const { payload } = await jwtVerify(token, key, { algorithms: ['HS256'] });
    const scope = Array.isArray(payload.scope) ? payload.scope.map(String) : String(payload.scope ?? '').split(' ');
    const amr = Array.isArray(payload.amr) ? payload.amr.map(String) : [];
    if (
      typeof payload.sub !== 'string' ||
      !scope.includes('api') ||
      !amr.some((a) => a === 'Application' || a === 'external')
    )
      return null;
    return {
      sub: payload.sub,
      email: String(payload.email ?? ''),
      sstamp: String(payload.sstamp ?? ''),
      client_id: String(payload.client_id ?? ''),
      ...(typeof payload.device === 'string' ? { device: payload.device } : {}),
      ...(payload.devicetype !== undefined ? { devicetype: Number(payload.devicetype) } : {}),
      scope,
      amr,
    };
  } catch {
    return null;
  }
}
