/**
 * The Provider Portal services (issue 7), built once by `createDesk`: each area in its own file, sharing one
 * context (account, keys, authorized calls) and one sync follower that keeps the renderer's cache current.
 */
import type { PushEventName, PushEventPayload, SyncBatch, SyncState } from '../../../src-shared/contract';
import type { SessionService } from '../../session/sessionService';
import { createBillingService } from './billingService';
import { createClientsService } from './clientsService';
import { portalHandlers } from './handlers';
import { createLinksService } from './linksService';
import { createPortalContext } from './portalContext';
import { createProviderMembersService } from './providerMembersService';
import { createProviderSettingsService } from './providerSettingsService';
import { createQueueService } from './queueService';
import { createSyncFollower, type SyncStarter } from './syncFollower';

export interface PortalDeps {
  session: SessionService;
  sync: SyncStarter;
  emit: <E extends PushEventName>(event: E, payload: PushEventPayload<E>) => void;
  now?: () => number;
}

export function createPortal(deps: PortalDeps) {
  const follower = createSyncFollower({ sync: deps.sync, emit: deps.emit });
  const ctx = createPortalContext({
    session: deps.session,
    refresh: follower.refresh,
    ...(deps.now ? { now: deps.now } : {}),
  });
  const links = createLinksService({ ctx, session: deps.session, emit: deps.emit });
  const handlers = portalHandlers({
    clients: createClientsService(ctx),
    members: createProviderMembersService(ctx),
    billing: createBillingService(ctx),
    settings: createProviderSettingsService(ctx),
    links,
    queue: createQueueService(ctx),
  });
  const unsubscribe = deps.session.onAccountEvent((event) => {
    if (event.type === 'loggedOut') follower.forget(event.accountId);
  });
  return {
    handlers,
    /** A link the OS opened (`providerdesk://…`): validated, then pushed as `links.opened`. */
    openLink: (url: string) => links.open(url),
    /** The renderer started a sync with its cache's state (`sync.start`). */
    noteSyncStart: (accountId: string | null, state: SyncState) => {
      if (accountId) follower.noteStart(accountId, state);
    },
    /** Every `sync.batch` main pushes, replayed onto the followed state. */
    noteBatch: (batch: SyncBatch) => follower.noteBatch(batch),
    dispose: unsubscribe,
  };
}
