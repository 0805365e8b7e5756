import { describe, expect, it } from 'vitest';
import { createMatcher, fold, matchPositions } from '../../../../../src-renderer/lib/palette/match';

const labels = (names: readonly string[], query: string, limit?: number) =>
  createMatcher(names, (name) => name).search(query, limit).items;

describe('palette matching', () => {
  it('matches every query character in order, ignoring case and accents', () => {
    const names = ['Acme Corp', 'Zürich Dental', 'Bright Cloud', 'Northwind'];
    expect(labels(names, 'ACME')).toEqual(['Acme Corp']);
    expect(labels(names, 'zurich')).toEqual(['Zürich Dental']);
    expect(labels(names, 'ntl')).toEqual(['Zürich Dental']);
    expect(labels(names, 'cp')).toEqual(['Acme Corp']);
    expect(labels(names, 'pc')).toEqual([]);
    expect(labels(names, 'xyz')).toEqual([]);
  });

  it('ranks exact, then prefix, then word start, then initials, then substring, then scattered', () => {
    const names = [
      'Macro Soft', // scattered: c … o … r (m-a-C-R-O? no: "cro" is a substring at 2) — substring, mid-word
      'Blue Crow Outfitters', // "cro" at a word start
      'Cro',
      'Crossway Legal', // prefix
      'Coast Runners Org', // initials c-r-o
      'Candid Roofs and Oaks', // scattered (c, r, o across words) but also initials c-r-o? c, r, a, o: yes
      'Cabinet Repair Outlet x',
    ];
    const ranked = labels(names, 'cro');
    expect(ranked[0]).toBe('Cro');
    expect(ranked[1]).toBe('Crossway Legal');
    expect(ranked[2]).toBe('Blue Crow Outfitters');
    expect(ranked.slice(3, 6).sort()).toEqual([
      'Cabinet Repair Outlet x',
      'Candid Roofs and Oaks',
      'Coast Runners Org',
    ]);
    expect(ranked[6]).toBe('Macro Soft');
  });

  it('prefers a tighter scattered match and an earlier substring', () => {
    expect(labels(['a-b-c-d-e-f-g Zeta', 'a-b Zet Quartz'], 'azt')).toEqual(['a-b Zet Quartz', 'a-b-c-d-e-f-g Zeta']);
    expect(labels(['xxxxacmex', 'xacmex'], 'acm')).toEqual(['xacmex', 'xxxxacmex']);
  });

  it('keeps the items’ own order among equal matches, so recent and pinned items can lead', () => {
    expect(labels(['Client Beta', 'Client Alpha', 'Client Gamma'], 'client')).toEqual([
      'Client Beta',
      'Client Alpha',
      'Client Gamma',
    ]);
  });

  it('lists everything in order for an empty query, up to the limit, and reports the total', () => {
    const names = Array.from({ length: 120 }, (_, i) => `Client ${i}`);
    const matcher = createMatcher(names, (n) => n);
    expect(matcher.search('   ', 10)).toEqual({ items: names.slice(0, 10), total: 120 });
    const some = matcher.search('client 1', 5);
    // "Client 1", 10–19, 100–119, and the scattered 21, 31, … 91.
    expect(some.total).toBe(39);
    expect(some.items[0]).toBe('Client 1');
  });

  it('treats runs of spaces in the query as one, and matches across words', () => {
    expect(labels(['Acme Corp', 'Acmecorp'], 'acme   corp')).toEqual(['Acme Corp']);
    expect(labels(['Acme Corp'], 'acme corp')).toEqual(['Acme Corp']);
  });

  it('searches 5,000 items correctly, with results that are real matches and in rank order', () => {
    const words = ['Acme', 'Bright', 'Cloud', 'Dental', 'Northwind', 'Legal', 'Partners', 'Health', 'Zeta', 'Orbit'];
    const names = Array.from(
      { length: 5000 },
      (_, i) => `${words[i % 10]} ${words[Math.floor(i / 10) % 10]} ${words[Math.floor(i / 100) % 10]} ${i}`,
    );
    const matcher = createMatcher(names, (n) => n);
    for (const query of ['a', 'ac', 'acm', 'acme', 'acme d', 'nw', 'zeta orbit 49', 'xq', 'ht', 'dental 4993']) {
      const { items, total } = matcher.search(query, 50);
      const q = fold(query).replace(/ /g, '');
      const expected = names.filter((name) => {
        let from = 0;
        const text = fold(name);
        for (const char of q) {
          from = text.indexOf(char, from) + 1;
          if (from === 0) return false;
        }
        return true;
      });
      // Spaces in a query must match spaces; the reference check above ignores them, so it is an upper bound.
      expect(total).toBeLessThanOrEqual(expected.length);
      if (!query.includes(' ')) expect(total).toBe(expected.length);
      expect(items.length).toBe(Math.min(50, total));
      for (const item of items) expect(expected).toContain(item);
    }
    expect(matcher.search('dental 4993').items).toEqual(['Dental Orbit Orbit 4993']);
    // Prefix matches lead, the shortest (most fully matched) first, then the items' order.
    const acme = matcher.search('acme').items;
    expect(acme.slice(0, 3)).toEqual(['Acme Acme Acme 0', 'Acme Zeta Acme 80', 'Acme Cloud Acme 20']);
    expect(acme.every((name) => name.startsWith('Acme '))).toBe(true);
    expect(acme.map((name) => name.length)).toEqual(acme.map((name) => name.length).sort((a, b) => a - b));
  });
});

describe('matchPositions', () => {
  it('marks a contiguous match, preferring one at a word start', () => {
    expect(matchPositions('corp', 'Acme Corp')).toEqual([5, 6, 7, 8]);
    expect(matchPositions('an', 'Banana Anchor')).toEqual([7, 8]);
    expect(matchPositions('an', 'Banana')).toEqual([1, 2]);
  });

  it('marks in-order characters for a scattered match, and nothing for a miss', () => {
    expect(matchPositions('acp', 'Acme Corp')).toEqual([0, 1, 8]);
    expect(matchPositions('zz', 'Acme Corp')).toEqual([]);
    expect(matchPositions('', 'Acme Corp')).toEqual([]);
  });

  it('works through accents', () => {
    expect(matchPositions('zur', 'Zürich')).toEqual([0, 1, 2]);
  });
});
