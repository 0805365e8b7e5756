import { z } from 'zod';
import { accountLoggedOutSchema, connectionChangedSchema, sessionChangedSchema } from './session';
import { clientOrgPushEvents } from './clientOrg/channels';
import { portalPushEvents } from './portal/channels';
import { settingsSchema } from './settings';
import { syncBatchSchema, syncProgressSchema, syncRequestedSchema } from './sync';

/** Push events from main to the renderer, each with the schema of its payload. */
export const pushEvents = {
  'settings.changed': settingsSchema,
  /** The native menu's "About Provider Desk" was chosen. */
  'app.showAbout': z.object({}).strict(),
  /** Accounts, the active one, lock state or connectivity changed; the payload is the whole session state. */
  'session.changed': sessionChangedSchema,
  /** An account was logged out: drop its whole cache (Dexie rows and sync state). */
  'session.loggedOut': accountLoggedOutSchema,
  /** An account's server became reachable or unreachable. */
  'connection.changed': connectionChangedSchema,
  /** Main wants a sync: answer with `sync.start` and the cached sync state. */
  'sync.requested': syncRequestedSchema,
  /** A sync phase started, advanced, finished or failed. */
  'sync.progress': syncProgressSchema,
  /** Data to write, each batch in one Dexie transaction. */
  'sync.batch': syncBatchSchema,
  /** Provider Portal pushes (portal/channels.ts): `links.opened`. */
  ...portalPushEvents,
  /** Client admin console pushes (clientOrg/channels.ts): `org.import.progress`. */
  ...clientOrgPushEvents,
} as const;

export type PushEvents = typeof pushEvents;
export type PushEventName = keyof PushEvents;
export type PushEventPayload<E extends PushEventName> = z.output<PushEvents[E]>;

export function isPushEventName(value: unknown): value is PushEventName {
  return typeof value === 'string' && Object.hasOwn(pushEvents, value);
}
