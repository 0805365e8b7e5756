import 'fake-indexeddb/auto';
import { waitFor } from '@testing-library/svelte';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { accountCache, dropAccountCache } from '../../../../../src-renderer/lib/cache/accountCache';
import { clientColour } from '../../../../../src-renderer/lib/clientOrg/clientColour';
import { orgContext } from '../../../../../src-renderer/lib/clientOrg/orgContext.svelte';
import { session } from '../../../../../src-renderer/lib/session/sessionStore.svelte';
import { deferred, installFakeDesk } from '../../fakes/desk';
import { account, sessionState } from '../../session/sessionFixtures';
import { CLIENT_NAME, ORG, overview } from '../members/orgFixtures';

const OTHER = '6f1c2a3b-0000-4000-8000-0000000000b2';

async function cacheClient(organizationId: string, name: string) {
  await accountCache('acct-ava').clients.put({
    id: `po-${organizationId}`,
    providerId: 'p1',
    organizationId,
    name,
    seats: 5,
    occupiedSeats: 1,
    remainingSeats: 4,
    userCount: 1,
    plan: 'Teams',
    creationDate: null,
    enabled: true,
    productTierType: 2,
    keyAvailable: true,
  });
}

beforeEach(async () => {
  session.apply(sessionState([account({ online: false })]));
  await cacheClient(ORG, CLIENT_NAME);
});

afterEach(async () => {
  orgContext.reset();
  session.reset();
  await dropAccountCache('acct-ava');
});

describe('orgContext', { timeout: 20_000 }, () => {
  it('names the org from the cached client list, offline too, with its colour and channel input', async () => {
    orgContext.open(ORG.toUpperCase());
    expect(orgContext.displayName).toBe('Client organization');
    await waitFor(() => expect(orgContext.name).toBe(CLIENT_NAME));
    expect(orgContext.colour).toEqual(clientColour(ORG));
    expect(orgContext.input).toEqual({ accountId: 'acct-ava', organizationId: ORG.toUpperCase() });
    expect(orgContext.overview).toBeNull();
  });

  it('loads the overview when online and remembers it when switching back', async () => {
    await cacheClient(OTHER, 'Bayside Logistics');
    const slow = deferred<ReturnType<typeof overview>>();
    let calls = 0;
    installFakeDesk({
      'org.overview': ({ organizationId }) => {
        calls += 1;
        return organizationId === ORG ? overview() : slow.promise;
      },
    });
    session.apply(sessionState([account({ online: true })]));
    orgContext.open(ORG);
    await waitFor(() => expect(orgContext.overview?.actingAs.kind).toBe('provider'));

    orgContext.open(OTHER);
    // Another org: nothing of the first one shows while its overview is on its way.
    expect(orgContext.overview).toBeNull();
    await waitFor(() => expect(orgContext.name).toBe('Bayside Logistics'));

    orgContext.open(ORG);
    expect(orgContext.overview?.name).toBe(CLIENT_NAME);
    await waitFor(() => expect(calls).toBeGreaterThanOrEqual(3));
    slow.resolve(overview({ organizationId: OTHER, name: 'Bayside Logistics' }));
  });

  it('keeps the overview error for the frame to show', async () => {
    installFakeDesk({
      'org.overview': () => {
        throw new Error('[forbidden] You are not a member of this provider.');
      },
    });
    session.apply(sessionState([account({ online: true })]));
    orgContext.open(ORG);
    await waitFor(() => expect(orgContext.overviewError?.code).toBe('forbidden'));
  });
});
