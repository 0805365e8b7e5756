// Portal tests against a real backend: a desk signed in as a provider user, with a renderer-cache stand-in that
// stores every sync batch, so a test can check that the cache follows each change.
import type { SyncBatch } from '../../src-shared/contract';
import { DeskError } from '../../src-shared/contract';
import type { TestServer } from '../server/harness';
import type { TestUser } from '../server/users';
import { selfHosted, startDesk, type DeskUnderTest } from './deskHarness';
import { CacheStandIn } from './syncHarness';

export interface SignedIn {
  d: DeskUnderTest;
  cache: CacheStandIn;
  accountId: string;
}

/**
 * Signs `user` in through `session.login` and runs a first sync into the cache stand-in. Like the renderer, the
 * stand-in answers `sync.requested` with `sync.start` and its state (unless `answerRequests` is false).
 */
export async function signIn(
  t: TestServer,
  user: TestUser,
  o: { sync?: boolean; answerRequests?: boolean } = {},
): Promise<SignedIn> {
  const d = startDesk();
  const cache = new CacheStandIn();
  d.desk.subscribe((event, payload) => {
    if (event === 'sync.batch') cache.write(payload as SyncBatch);
    if (event === 'sync.requested' && o.answerRequests !== false) {
      void d.call('sync.start', { state: cache.snapshot() }).catch(() => {});
    }
  });
  const ready = await d.call('session.login', {
    server: selfHosted(t.url),
    email: user.email,
    masterPassword: user.password,
  });
  if (ready.status !== 'ready') throw new Error('expected a ready login');
  const signedIn = { d, cache, accountId: ready.accountId };
  if (o.sync !== false) await syncNow(signedIn);
  return signedIn;
}

/** A sync started as the renderer starts it (with the cache's state), awaited. */
export async function syncNow(s: SignedIn): Promise<void> {
  const { runId } = await s.d.call('sync.start', { state: s.cache.snapshot() });
  await waitFor(() => finished(s).includes(runId));
}

const finished = (s: SignedIn) =>
  s.d
    .pushed('sync.progress')
    .filter((p) => p.phase === 'done' || p.phase === 'failed')
    .map((p) => p.runId);

/** Runs `action`, then waits for a sync that started after the action began (the refresh it asked for) to end. */
export async function andSynced<T>(s: SignedIn, action: () => Promise<T>): Promise<T> {
  const from = s.d.pushes.length;
  const result = await action();
  const startedSince = () =>
    s.d.pushes
      .slice(from)
      .filter((p) => p.event === 'sync.progress' && (p.payload as { phase: string }).phase === 'started')
      .map((p) => (p.payload as { runId: string }).runId);
  await waitFor(() => startedSince().some((runId) => finished(s).includes(runId)));
  return result;
}

export async function waitFor(condition: () => boolean, timeoutMs = 20_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** The error a call failed with (fails the test if it succeeded). */
export async function failure(call: Promise<unknown>): Promise<DeskError> {
  try {
    await call;
  } catch (error) {
    if (error instanceof DeskError) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
}
