// Secrets shared by every server instance, kept in the database so the backend stays stateless
// (any instance behind a load balancer signs and verifies the same tokens).
import { randomBytes } from 'node:crypto';
import type { Db } from '../db/database';

export interface ServerKeys {
  /** HS256 key for access tokens. */
  jwt: Uint8Array;
  /** HMAC key for signed tokens (registration, invitations) and fake prelogin KDFs. */
  hmac: Buffer;
}

const NAMES = ['jwt', 'hmac'] as const;

export async function loadServerKeys(db: Db): Promise<ServerKeys> {
  for (const name of NAMES) {
    await db
      .insertInto('server_keys')
      .values({ name, value: randomBytes(32).toString('base64') })
      .onConflict((oc) => oc.column('name').doNothing())
      .execute();
  }
  const rows = await db.selectFrom('server_keys').selectAll().execute();
  const get = (name: string) => {
    const row = rows.find((r) => r.name === name);
    if (!row) throw new Error(`server key ${name} missing`);
    return Buffer.from(row.value, 'base64');
  };
  return { jwt: new Uint8Array(get('jwt')), hmac: get('hmac') };
}
