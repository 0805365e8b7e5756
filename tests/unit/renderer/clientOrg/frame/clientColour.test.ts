import { describe, expect, it } from 'vitest';
import { clientColour, clientColours } from '../../../../../src-renderer/lib/clientOrg/clientColour';

describe('clientColour', () => {
  it('gives each org the same colour every time, whatever the id casing', () => {
    const id = '6F1C2A3B-0000-4000-8000-00000000A1D3';
    expect(clientColour(id)).toBe(clientColour(id.toLowerCase()));
    expect(clientColours).toContain(clientColour(id));
  });

  it('spreads orgs over the twelve hues', () => {
    const used = new Set(
      Array.from(
        { length: 200 },
        (_, i) => clientColour(`00000000-0000-4000-8000-${String(i).padStart(12, '0')}`).name,
      ),
    );
    expect(clientColours).toHaveLength(12);
    expect(used.size).toBeGreaterThanOrEqual(10);
  });

  it('has a light and a dark shade for the theme to pick', () => {
    for (const colour of clientColours) {
      expect(colour.css).toBe(`light-dark(${colour.light}, ${colour.dark})`);
    }
  });
});
