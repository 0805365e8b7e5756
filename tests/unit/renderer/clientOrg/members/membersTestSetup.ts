import 'fake-indexeddb/auto';
import { headerHeight } from '../../../../../src-renderer/lib/components/DataTable.svelte';
import { forgetOrgData } from '../../../../../src-renderer/lib/clientOrg/orgData.svelte';
import { orgContext } from '../../../../../src-renderer/lib/clientOrg/orgContext.svelte';
import { session } from '../../../../../src-renderer/lib/session/sessionStore.svelte';
import { fakeScrollLayout, type FakeScroller } from '../../fakes/layout';
import { account, sessionState } from '../../session/sessionFixtures';
import { ORG } from './orgFixtures';

/**
 * A console page as the frame leaves it: an unlocked account, the org entered, nothing remembered, and a table
 * viewport jsdom can lay out. Returns the function that undoes it.
 */
export function enterConsole(online = true): () => void {
  localStorage.clear();
  forgetOrgData();
  session.apply(sessionState([account({ online })]));
  orgContext.open(ORG);
  const layout: FakeScroller = fakeScrollLayout('[data-table-viewport]', {
    height: 600,
    contentHeight: (el) => headerHeight + parseFloat(el.querySelector('tbody')?.style.height ?? '0'),
  });
  return () => {
    layout.restore();
    orgContext.reset();
    forgetOrgData();
    session.reset();
  };
}
