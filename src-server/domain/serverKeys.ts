// Secrets shared by every server instance. The HMAC key is kept in the database so the backend stays stateless
// (any instance behind a load balancer verifies the same registration and invitation tokens). The access-token
// signing key is not: it comes from the configuration or a 0600 file (`jwtKeys.ts`, issue 13).
import { randomBytes } from 'node:crypto';
import type { Db } from '../db/database';
import type { JwtKeys } from './jwtKeys';

export interface ServerKeys {
  /** HS256 key that signs new access tokens. */
  jwt: Uint8Array;
  /** Earlier HS256 keys, still accepted when verifying (rollover). */
  jwtPrevious: Uint8Array[];
  /** HMAC key for signed tokens (registration, invitations) and fake prelogin KDFs. */
  hmac: Buffer;
}

export async function loadServerKeys(db: Db, jwt: JwtKeys): Promise<ServerKeys> {
  await db
    .insertInto('server_keys')
    .values({ name: 'hmac', value: randomBytes(32).toString('base64') })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
  const row = await db.selectFrom('server_keys').select('value').where('name', '=', 'hmac').executeTakeFirst();
  if (!row) throw new Error('server key hmac missing');
  return { jwt: jwt.current, jwtPrevious: jwt.previous, hmac: Buffer.from(row.value, 'base64') };
}
