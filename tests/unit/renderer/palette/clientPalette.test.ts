import { describe, expect, it, vi } from 'vitest';
import { clientGates } from '../../../../src-renderer/lib/portal/clients/clientActions';
import { clientActionItems, clientPaletteItems } from '../../../../src-renderer/lib/portal/clients/clientPalette';
import { createMatcher } from '../../../../src-renderer/lib/palette/match';
import { client } from '../portal/clients/clientFixtures';

const acme = client('Acme Corp');
const apex = client('Apex Dental', { plan: 'Enterprise (Monthly)' });
const birch = client('Birch Veterinary');
const cedar = client('Cedar Law');
const all = [cedar, birch, apex, acme];

describe('clientPaletteItems', () => {
  it('puts pinned clients first in pin order, then recent ones newest first, then the rest by name', () => {
    const open = vi.fn();
    const { leading, rest } = clientPaletteItems(
      all,
      { pinned: [cedar.organizationId, apex.organizationId], recent: [apex.organizationId, birch.organizationId] },
      open,
    );
    expect(leading.map((i) => [i.label, i.kind])).toEqual([
      ['Cedar Law', 'Pinned client'],
      ['Apex Dental', 'Pinned client'],
      ['Birch Veterinary', 'Recent client'],
    ]);
    expect(rest.map((i) => i.label)).toEqual(['Acme Corp']);
    expect(leading[1]!.detail).toBe('Enterprise');
    leading[2]!.run();
    expect(open).toHaveBeenCalledWith(birch);
  });

  it('skips pinned or recent clients that are no longer linked, and ids are unique', () => {
    const { leading, rest } = clientPaletteItems(
      all,
      { pinned: ['gone'], recent: ['gone', acme.organizationId] },
      vi.fn(),
    );
    expect(leading.map((i) => i.label)).toEqual(['Acme Corp']);
    const ids = [...leading, ...rest].map((i) => i.id);
    expect(new Set(ids).size).toBe(4);
  });

  it('keeps pinned and recent clients ahead of equally good matches', () => {
    const { leading, rest } = clientPaletteItems(all, { pinned: [apex.organizationId], recent: [] }, vi.fn());
    const matcher = createMatcher([...rest, ...leading], (i) => i.label, { preferred: (i) => i.preferred === true });
    // "Acme Corp" and "Apex Dental" both start with "a" (the shorter would win): the pinned one ranks first.
    expect(
      matcher
        .search('a')
        .items.slice(0, 2)
        .map((i) => i.label),
    ).toEqual(['Apex Dental', 'Acme Corp']);
    // An exact match of another client still beats it.
    expect(matcher.search('acme corp').items.map((i) => i.label)).toEqual(['Acme Corp']);
    expect(matcher.search('e').items[0]!.label).toBe('Apex Dental');
  });
});

describe('clientActionItems', () => {
  const base = { current: null, pinned: false, openDialog: vi.fn(), togglePin: vi.fn() };

  it('offers New client and Add existing organization to provider admins only', () => {
    const admin = clientActionItems({ ...base, gates: clientGates(null, true, null) }).map((i) => i.label);
    expect(admin).toEqual(['New client', 'Add existing organization']);
    expect(clientActionItems({ ...base, gates: clientGates(null, false, null) })).toEqual([]);
  });

  it("names the open client in its actions, unlink for admins only, and opens that client's dialogs", () => {
    const openDialog = vi.fn();
    const togglePin = vi.fn();
    const admin = clientActionItems({
      gates: clientGates(null, true, null),
      current: acme,
      pinned: true,
      openDialog,
      togglePin,
    });
    expect(admin.map((i) => i.label)).toEqual([
      'New client',
      'Add existing organization',
      'Manage seats: Acme Corp',
      'Rename Acme Corp',
      'Unpin Acme Corp',
      'Unlink Acme Corp…',
    ]);
    admin.find((i) => i.label === 'Unlink Acme Corp…')!.run();
    expect(openDialog).toHaveBeenCalledWith({ kind: 'unlink', client: acme });
    admin.find((i) => i.label === 'Unpin Acme Corp')!.run();
    expect(togglePin).toHaveBeenCalledWith(acme);

    const service = clientActionItems({ ...base, gates: clientGates(null, false, null), current: acme });
    expect(service.map((i) => i.label)).toEqual(['Manage seats: Acme Corp', 'Rename Acme Corp', 'Pin Acme Corp']);
  });
});
