import { render, screen, within } from '@testing-library/svelte';
import { createRawSnippet } from 'svelte';
import { describe, expect, it } from 'vitest';
import { clientColour } from '../../../../../src-renderer/lib/clientOrg/clientColour';
import { actingAsText } from '../../../../../src-renderer/lib/clientOrg/frame/actingAs';
import {
  availableSections,
  clientSections,
  sectionOfRoute,
} from '../../../../../src-renderer/lib/clientOrg/frame/clientSections';
import ConsoleFrame from '../../../../../src-renderer/lib/clientOrg/frame/ConsoleFrame.svelte';
import { CLIENT_NAME, ORG, overview } from '../members/orgFixtures';

const children = createRawSnippet(() => ({ render: () => '<h1>Members</h1>' }));
const hrefs = Object.fromEntries(clientSections.map((s) => [s.path, `#/clients/${ORG}/${s.path}`])) as Record<
  (typeof clientSections)[number]['path'],
  string
>;

function renderFrame(props: Partial<Parameters<typeof render<typeof ConsoleFrame>>[1]> = {}) {
  return render(ConsoleFrame, {
    name: CLIENT_NAME,
    colour: clientColour(ORG),
    actingAs: 'via Northwind IT Partners · Provider admin',
    backHref: '#/clients',
    hrefs,
    current: 'members',
    available: clientSections.map((s) => s.path),
    children,
    ...props,
  });
}

describe('ConsoleFrame', () => {
  it('always names the acting client, with its colour and a way back to Clients', () => {
    renderFrame();
    const banner = screen.getByRole('region', { name: 'Acting client' });
    expect(within(banner).getByText(CLIENT_NAME)).toBeTruthy();
    expect(within(banner).getByText('via Northwind IT Partners · Provider admin')).toBeTruthy();
    expect(
      within(banner)
        .getByRole('link', { name: /Clients/ })
        .getAttribute('href'),
    ).toBe('#/clients');
    const console = banner.parentElement!;
    expect(console.style.getPropertyValue('--client-colour')).toBe(clientColour(ORG).css);
    expect(screen.getByRole('heading', { name: 'Members' })).toBeTruthy();
  });

  it('links every console section and marks the current one', () => {
    renderFrame({ current: 'groups' });
    const nav = screen.getByRole('navigation', { name: 'Client sections' });
    const links = within(nav).getAllByRole('link');
    expect(links.map((l) => l.textContent?.trim())).toEqual([
      'Members',
      'Groups',
      'Collections',
      'Policies',
      'Single sign-on',
      'Import',
      'Event logs',
      'Subscription',
    ]);
    expect(within(nav).getByRole('link', { name: 'Policies' }).getAttribute('href')).toBe(`#/clients/${ORG}/policies`);
    expect(within(nav).getByRole('link', { name: 'Groups' }).getAttribute('aria-current')).toBe('page');
    expect(within(nav).getByRole('link', { name: 'Members' }).getAttribute('aria-current')).toBeNull();
  });

  it('leaves out pages the client’s plan does not offer, once the overview says so', () => {
    const teams = overview({
      pages: { ...overview().pages, groups: false, sso: false, policies: false },
    });
    expect(availableSections(null)).toHaveLength(clientSections.length);
    const paths = availableSections(teams).map((s) => s.path);
    renderFrame({ available: paths });
    const nav = screen.getByRole('navigation', { name: 'Client sections' });
    expect(within(nav).queryByRole('link', { name: 'Groups' })).toBeNull();
    expect(within(nav).queryByRole('link', { name: 'Single sign-on' })).toBeNull();
    expect(within(nav).getByRole('link', { name: 'Collections' })).toBeTruthy();
  });

  it('shows why the console cannot work on this org', () => {
    renderFrame({ problem: 'This client cannot be opened with your account: Not found.' });
    expect(screen.getByRole('alert').textContent).toContain('cannot be opened');
  });
});

describe('frame helpers', () => {
  it('reads the section from the route id', () => {
    expect(sectionOfRoute('/clients/[orgId]/collections')).toBe('collections');
    expect(sectionOfRoute('/clients/[orgId]')).toBeUndefined();
    expect(sectionOfRoute('/clients')).toBeUndefined();
  });

  it('says as whom the console acts', () => {
    expect(actingAsText(overview(), null)).toBe('via Northwind IT Partners · Provider admin');
    expect(actingAsText(null, 'Northwind IT Partners')).toBe('via Northwind IT Partners');
    expect(actingAsText(overview({ actingAs: { kind: 'member', role: 'admin' } }), null)).toBe('as Admin');
  });
});
