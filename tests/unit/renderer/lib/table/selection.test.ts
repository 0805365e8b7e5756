import { describe, expect, it } from 'vitest';
import { keysBetween, selectAllState, selectRange, toggleKey } from '../../../../../src-renderer/lib/table/selection';

const order = ['a', 'b', 'c', 'd', 'e'];

describe('keysBetween', () => {
  it('takes the keys between anchor and target inclusive, in display order, either way round', () => {
    expect(keysBetween(order, 'b', 'd')).toEqual(['b', 'c', 'd']);
    expect(keysBetween(order, 'd', 'b')).toEqual(['b', 'c', 'd']);
    expect(keysBetween(order, 'c', 'c')).toEqual(['c']);
  });

  it('falls back to the target alone without a usable anchor, and to nothing for an unknown target', () => {
    expect(keysBetween(order, undefined, 'c')).toEqual(['c']);
    expect(keysBetween(order, 'gone', 'c')).toEqual(['c']);
    expect(keysBetween(order, 'a', 'gone')).toEqual([]);
  });
});

describe('selectRange', () => {
  it('adds the range to the selection without touching other keys', () => {
    const next = selectRange(new Set(['e']), order, 'a', 'c');
    expect([...next].sort()).toEqual(['a', 'b', 'c', 'e']);
  });

  it('removes the range when told to deselect', () => {
    const next = selectRange(new Set(order), order, 'b', 'd', false);
    expect([...next].sort()).toEqual(['a', 'e']);
  });

  it('returns a new set', () => {
    const current = new Set<string>();
    expect(selectRange(current, order, 'a', 'b')).not.toBe(current);
    expect(current.size).toBe(0);
  });
});

describe('toggleKey', () => {
  it('adds an absent key and removes a present one, immutably', () => {
    const current = new Set(['a']);
    expect([...toggleKey(current, 'b')]).toEqual(['a', 'b']);
    expect([...toggleKey(current, 'a')]).toEqual([]);
    expect([...current]).toEqual(['a']);
  });
});

describe('selectAllState', () => {
  it('is none, some or all', () => {
    expect(selectAllState(0, 5)).toBe('none');
    expect(selectAllState(2, 5)).toBe('some');
    expect(selectAllState(5, 5)).toBe('all');
    expect(selectAllState(0, 0)).toBe('none');
  });
});
