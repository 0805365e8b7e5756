import { beforeEach, describe, expect, it } from 'vitest';
import { clampWidth, prefsKey, readTablePrefs, writeTablePrefs } from '../../../../../src-renderer/lib/table/prefs';

beforeEach(() => localStorage.clear());

describe('table preferences', () => {
  it('round-trips sort and widths per table id', () => {
    writeTablePrefs('clients', { sort: { key: 'name', direction: 'descending' }, widths: { name: 240 } });
    writeTablePrefs('members', { widths: { email: 300 } });
    expect(readTablePrefs('clients')).toEqual({
      sort: { key: 'name', direction: 'descending' },
      widths: { name: 240 },
    });
    expect(readTablePrefs('members')).toEqual({ widths: { email: 300 } });
    expect(localStorage.getItem(prefsKey('clients'))).toContain('"descending"');
  });

  it('starts empty for an unknown table', () => {
    expect(readTablePrefs('nothing-yet')).toEqual({ widths: {} });
  });

  it('ignores malformed or tampered values instead of trusting them', () => {
    localStorage.setItem(prefsKey('a'), '{not json');
    expect(readTablePrefs('a')).toEqual({ widths: {} });
    localStorage.setItem(prefsKey('b'), JSON.stringify({ sort: { key: 'name', direction: 'sideways' }, widths: 3 }));
    expect(readTablePrefs('b')).toEqual({ widths: {} });
    localStorage.setItem(
      prefsKey('c'),
      JSON.stringify({ sort: { key: 7 }, widths: { name: 'wide', seats: 1e9, plan: 2, ok: 150.4 } }),
    );
    expect(readTablePrefs('c')).toEqual({ widths: { seats: 2000, plan: 48, ok: 150 } });
    localStorage.setItem(prefsKey('d'), 'null');
    expect(readTablePrefs('d')).toEqual({ widths: {} });
  });

  it('survives storage that throws', () => {
    const broken = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    } as unknown as Storage;
    expect(readTablePrefs('clients', broken)).toEqual({ widths: {} });
    expect(() => writeTablePrefs('clients', { widths: {} }, broken)).not.toThrow();
  });

  it('clamps widths to a usable range', () => {
    expect(clampWidth(10)).toBe(48);
    expect(clampWidth(10, 80)).toBe(80);
    expect(clampWidth(123.6)).toBe(124);
    expect(clampWidth(99999)).toBe(2000);
  });
});
