// Devices a user has logged in from (deviceIdentifier per installation).
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema';
import { newId, nowIso } from '../db/values';

type DbOrTrx = Kysely<Database> | Transaction<Database>;

export interface DeviceInfo {
  identifier: string;
  type: number;
  name: string;
  pushToken?: string | null;
}

export async function findDevice(db: DbOrTrx, userId: string, identifier: string) {
  return db
    .selectFrom('devices')
    .selectAll()
    .where('user_id', '=', userId)
    .where('identifier', '=', identifier)
    .executeTakeFirst();
}

export async function countDevices(db: DbOrTrx, userId: string): Promise<number> {
  const row = await db
    .selectFrom('devices')
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Creates or refreshes the device row; returns its id. */
export async function saveDevice(trx: DbOrTrx, userId: string, d: DeviceInfo): Promise<string> {
  const now = nowIso();
  const existing = await findDevice(trx, userId, d.identifier);
  if (existing) {
    await trx
      .updateTable('devices')
      .set({ type: d.type, name: d.name, push_token: d.pushToken ?? existing.push_token, revision_date: now })
      .where('id', '=', existing.id)
      .execute();
    return existing.id;
  }
  const id = newId();
  await trx
    .insertInto('devices')
    .values({
      id,
      user_id: userId,
      identifier: d.identifier,
      type: d.type,
      name: d.name,
      push_token: d.pushToken ?? null,
      creation_date: now,
      revision_date: now,
    })
    .execute();
  return id;
}
