import { afterEach, describe, expect, it } from 'vitest';
import {
  ClientFavourites,
  favouritesKey,
  maxRecent,
} from '../../../../src-renderer/lib/portal/clients/favourites.svelte';

afterEach(() => localStorage.clear());

describe('ClientFavourites', () => {
  it('keeps the recent clients newest first, without repeats, at most eight', () => {
    const favourites = new ClientFavourites();
    for (let i = 1; i <= 10; i++) favourites.touch('a1', `org-${i}`);
    favourites.touch('a1', 'org-5');
    const { recent } = favourites.of('a1');
    expect(recent).toHaveLength(maxRecent);
    expect(recent.slice(0, 3)).toEqual(['org-5', 'org-10', 'org-9']);
    expect(new Set(recent).size).toBe(recent.length);
  });

  it('pins and unpins, in pin order, per account, and remembers across restarts', () => {
    const favourites = new ClientFavourites();
    expect(favourites.togglePin('a1', 'org-2')).toBe(true);
    favourites.togglePin('a1', 'org-1');
    favourites.togglePin('a2', 'org-9');
    expect(favourites.of('a1').pinned).toEqual(['org-2', 'org-1']);
    expect(favourites.togglePin('a1', 'org-2')).toBe(false);
    expect(new ClientFavourites().of('a1').pinned).toEqual(['org-1']);
    expect(new ClientFavourites().of('a2').pinned).toEqual(['org-9']);
  });

  it('forgets an unlinked client from both lists', () => {
    const favourites = new ClientFavourites();
    favourites.togglePin('a1', 'org-1');
    favourites.touch('a1', 'org-1');
    favourites.touch('a1', 'org-2');
    favourites.forget('a1', 'org-1');
    expect(favourites.of('a1')).toEqual({ pinned: [], recent: ['org-2'] });
  });

  it('ignores unreadable or tampered storage', () => {
    localStorage.setItem(favouritesKey('a1'), '{not json');
    expect(new ClientFavourites().of('a1')).toEqual({ pinned: [], recent: [] });
    localStorage.setItem(favouritesKey('a1'), JSON.stringify({ pinned: ['ok', 7, null, 'ok'], recent: 'x' }));
    expect(new ClientFavourites().of('a1')).toEqual({ pinned: ['ok'], recent: [] });
  });
});
