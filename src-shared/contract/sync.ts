import { z } from 'zod';
import { errorCodes } from './errors';

/**
 * Sync: main fetches, the renderer stores. The renderer owns the Dexie cache and the sync state in it; it hands
 * that state to `sync.start`, and writes each `sync.batch` (data plus the state to keep) in one transaction. So a
 * sync that is cut off resumes where the last stored batch ended and nothing is fetched twice.
 *
 * Data-set keys: `profile`, `clients:<providerId>`, `members:<providerId>`. Event scope keys: `provider:<providerId>`,
 * and `org:<organizationId>` for a client org's log (fetched on demand: `sync.start` with `orgEvents`).
 */

const isoDate = z.string().min(1).max(40);
const eventKey = z.string().min(1).max(64);

/** One event scope's progress; the renderer stores what the last batch gave it and hands it back unchanged. */
export const eventScopeStateSchema = z.object({
  /** Every event dated up to this (server time) is cached, from the first sync's window on. */
  completeThrough: isoDate.nullable(),
  /** Keys of cached events dated exactly `completeThrough` (a later run skips these when it sees them again). */
  boundaryKeys: z.array(eventKey).max(1000),
  /**
   * When (this machine's clock) the last finished run began. The next run reaches back an overlap before both this
   * and `completeThrough`, so events written late or dated before the newest cached one are still fetched.
   */
  lastRunStartedAt: isoDate.nullable().optional(),
  /** A run in progress: newest first from `end` down to `start`; `continuationToken` is where it stopped. */
  run: z
    .object({
      start: isoDate,
      end: isoDate,
      continuationToken: z.string().max(4096).nullable(),
      newest: isoDate.nullable(),
      newestKeys: z.array(eventKey).max(1000),
      /** When (this machine's clock) the run began. */
      startedAt: isoDate.optional(),
    })
    .nullable(),
});
export type EventScopeState = z.infer<typeof eventScopeStateSchema>;

export const syncStateSchema = z.object({
  /** Last successful fetch per data set. */
  datasets: z.record(z.string().max(200), z.object({ lastSyncedAt: isoDate })).default({}),
  eventScopes: z.record(z.string().max(200), eventScopeStateSchema).default({}),
});
export type SyncState = z.infer<typeof syncStateSchema>;

export const syncStartInputSchema = z
  .object({
    /** Defaults to the active account. */
    accountId: z.string().min(1).max(200).optional(),
    state: syncStateSchema,
    /** Refetch snapshots even if they were synced moments ago. */
    force: z.boolean().default(false),
    /**
     * Fetch only this client org's event log (scope `org:<organizationId>`, its state from `state.eventScopes`),
     * on demand when the log opens. The call answers when the org's events are in (`fetched`), or fails.
     */
    orgEvents: z
      .object({ organizationId: z.string().min(1).max(64), providerId: z.string().min(1).max(64) })
      .strict()
      .optional(),
  })
  .strict();

export const syncStartOutputSchema = z.object({
  runId: z.string(),
  /** A sync of this account (or of this org's events) was already running; `runId` is that one. */
  alreadyRunning: z.boolean(),
  /** `orgEvents` only: events fetched by the run. */
  fetched: z.number().int().optional(),
});

/** The event scope of a client org's log in the cache. */
export function orgEventScope(organizationId: string): string {
  return `org:${organizationId}`;
}

export const syncStatusInputSchema = z
  .object({ accountId: z.string().min(1).max(200).optional() })
  .strict()
  .nullish();

const runOutcome = z.enum(['done', 'failed', 'cancelled']);

export const syncStatusSchema = z.object({
  accountId: z.string().nullable(),
  running: z.boolean(),
  runId: z.string().nullable(),
  lastRun: z
    .object({ runId: z.string(), outcome: runOutcome, finishedAt: isoDate, message: z.string().nullable() })
    .nullable(),
  /** When main will next ask for a background sync (`sync.requested`), if scheduled. */
  nextScheduledAt: isoDate.nullable(),
});
export type SyncStatus = z.infer<typeof syncStatusSchema>;

/** Main wants a sync (after sign-in or unlock, or the interval elapsed): answer with `sync.start` and the state. */
export const syncRequestedSchema = z.object({
  accountId: z.string(),
  /** `reconnect`: the server answers again after the account was offline. */
  reason: z.enum(['login', 'unlock', 'interval', 'reconnect']),
});

/**
 * The renderer reports the OS network state (`navigator.onLine` changes): coming online, main probes every offline
 * account at once instead of waiting for its backoff, and syncs the ones that answer.
 */
export const syncConnectivityInputSchema = z.object({ online: z.boolean() }).strict();
export const syncConnectivityOutputSchema = z.object({
  /** Offline accounts main is probing now. */
  probing: z.number().int(),
});

export const syncProgressSchema = z.object({
  accountId: z.string(),
  runId: z.string(),
  phase: z.enum(['started', 'profile', 'clients', 'members', 'events', 'done', 'failed', 'cancelled']),
  providerId: z.string().nullable(),
  /** Items fetched so far in this phase (events: this scope, this run). */
  fetched: z.number().int(),
  message: z.string().nullable(),
  code: z.enum(errorCodes).nullable(),
  at: isoDate,
});
export type SyncProgress = z.infer<typeof syncProgressSchema>;

export const providerSummarySchema = z.object({
  id: z.string(),
  name: z.string().nullable(),
  /** The user's role: 0 ProviderAdmin, 1 ServiceUser. */
  userType: z.number().int(),
  /** The user's membership: 0 Invited, 1 Accepted, 2 Confirmed. */
  userStatus: z.number().int(),
  enabled: z.boolean(),
  useEvents: z.boolean(),
  /** ProviderStatusType: 0 Pending, 1 Created, 2 Billable. */
  providerStatus: z.number().int().nullable(),
  /** ProviderType: 0 Msp, 1 Reseller, 2 BusinessUnit. */
  providerType: z.number().int().nullable(),
});
export type ProviderSummary = z.infer<typeof providerSummarySchema>;

export const profileDataSchema = z.object({
  userId: z.string(),
  name: z.string().nullable(),
  email: z.string(),
  emailVerified: z.boolean(),
  premium: z.boolean(),
  twoFactorEnabled: z.boolean(),
  providers: z.array(providerSummarySchema),
});
export type ProfileData = z.infer<typeof profileDataSchema>;

/** A client organization as the Clients grid shows it. */
export const providerClientSchema = z.object({
  /** The ProviderOrganization id (what seat and unlink calls take). */
  id: z.string(),
  organizationId: z.string(),
  name: z.string().nullable(),
  seats: z.number().int().nullable(),
  occupiedSeats: z.number().int().nullable(),
  remainingSeats: z.number().int().nullable(),
  userCount: z.number().int().nullable(),
  plan: z.string().nullable(),
  creationDate: z.string().nullable(),
  /** From the profile: org enabled, and its ProductTierType; null when the profile did not list it. */
  enabled: z.boolean().nullable(),
  productTierType: z.number().int().nullable(),
  /** The client's org key could be read with this account's keys (false: actions inside it will fail). */
  keyAvailable: z.boolean(),
});
export type ProviderClient = z.infer<typeof providerClientSchema>;

export const providerMemberSchema = z.object({
  id: z.string(),
  userId: z.string().nullable(),
  name: z.string().nullable(),
  email: z.string().nullable(),
  /** 0 ProviderAdmin, 1 ServiceUser. */
  type: z.number().int(),
  /** 0 Invited, 1 Accepted, 2 Confirmed. */
  status: z.number().int(),
});
export type ProviderMember = z.infer<typeof providerMemberSchema>;

const nullableId = z.string().nullable();
export const providerEventSchema = z.object({
  /** Stable content hash: the cache's primary key (events have no id on the wire). */
  key: eventKey,
  type: z.number().int(),
  date: z.string(),
  actingUserId: nullableId,
  userId: nullableId,
  organizationId: nullableId,
  organizationUserId: nullableId,
  providerId: nullableId,
  providerUserId: nullableId,
  providerOrganizationId: nullableId,
  cipherId: nullableId,
  collectionId: nullableId,
  groupId: nullableId,
  policyId: nullableId,
  deviceType: z.number().int().nullable(),
  ipAddress: z.string().nullable(),
  systemUser: z.number().int().nullable(),
});
export type ProviderEvent = z.infer<typeof providerEventSchema>;

const batchBase = { accountId: z.string(), runId: z.string() };
/** Write each batch in one transaction: its data and, for snapshots, `datasets[dataset].lastSyncedAt = syncedAt`. */
export const syncBatchSchema = z.discriminatedUnion('kind', [
  z.object({
    ...batchBase,
    kind: z.literal('profile'),
    dataset: z.string(),
    syncedAt: isoDate,
    profile: profileDataSchema,
  }),
  /** Full snapshot: replace this provider's clients. */
  z.object({
    ...batchBase,
    kind: z.literal('clients'),
    dataset: z.string(),
    providerId: z.string(),
    syncedAt: isoDate,
    clients: z.array(providerClientSchema),
  }),
  /** Full snapshot: replace this provider's members. */
  z.object({
    ...batchBase,
    kind: z.literal('members'),
    dataset: z.string(),
    providerId: z.string(),
    syncedAt: isoDate,
    members: z.array(providerMemberSchema),
  }),
  /** Add these events (put by `key`) and store `state` as `eventScopes[scope]`. */
  z.object({
    ...batchBase,
    kind: z.literal('events'),
    scope: z.string(),
    providerId: z.string(),
    events: z.array(providerEventSchema),
    state: eventScopeStateSchema,
  }),
]);
export type SyncBatch = z.infer<typeof syncBatchSchema>;
