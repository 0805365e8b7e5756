import { describe, expect, it } from 'vitest';
import { generateSymmetricKey, wipe } from '../../../../src-main/crypto';

describe('wipe', () => {
  it('zeroes every buffer in place', () => {
    const a = generateSymmetricKey();
    const b = generateSymmetricKey();
    wipe(a, b);
    expect(a.every((byte) => byte === 0)).toBe(true);
    expect(b.every((byte) => byte === 0)).toBe(true);
    expect(a).toHaveLength(64);
  });
  it('zeroes only the viewed range of a subarray, and skips missing keys', () => {
    const whole = new Uint8Array(8).fill(7);
    wipe(whole.subarray(2, 4), undefined, null);
    expect([...whole]).toEqual([7, 7, 0, 0, 7, 7, 7, 7]);
  });
  it('accepts no arguments', () => {
    expect(() => wipe()).not.toThrow();
  });
});
