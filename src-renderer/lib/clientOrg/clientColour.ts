/**
 * A stable colour per client organization, so a technician recognises which client they act in at a glance
 * (provider-portal.md §12: the acting client shown at all times). The org id is hashed (FNV-1a) onto one of twelve
 * hues; each hue has a light- and a dark-theme shade with at least 3:1 contrast against the surface, as WCAG asks
 * of non-text marks. The colour never carries meaning alone: the client's name is always written next to it.
 */
export interface ClientColour {
  /** Human name of the hue (tooltips, tests). */
  name: string;
  /** Shade for the light theme. */
  light: string;
  /** Shade for the dark theme. */
  dark: string;
  /** `light-dark(light, dark)`: follows the app's theme in CSS. */
  css: string;
}

const hues: ReadonlyArray<Omit<ClientColour, 'css'>> = [
  { name: 'Red', light: '#c62828', dark: '#ff8a80' },
  { name: 'Orange', light: '#b45309', dark: '#ffb74d' },
  { name: 'Amber', light: '#8d6e00', dark: '#ffd54f' },
  { name: 'Olive', light: '#5b7a00', dark: '#c5e17a' },
  { name: 'Green', light: '#1b7f3b', dark: '#7fdc9a' },
  { name: 'Teal', light: '#00796b', dark: '#64d8cb' },
  { name: 'Cyan', light: '#00728f', dark: '#6fd3f0' },
  { name: 'Blue', light: '#1f5fbf', dark: '#8ab4ff' },
  { name: 'Indigo', light: '#4338ca', dark: '#a5b4fc' },
  { name: 'Violet', light: '#7b2fbf', dark: '#d0a6ff' },
  { name: 'Magenta', light: '#a21caf', dark: '#f0a3f7' },
  { name: 'Rose', light: '#be185d', dark: '#ff9cc4' },
];

export const clientColours: readonly ClientColour[] = hues.map((hue) => ({
  ...hue,
  css: `light-dark(${hue.light}, ${hue.dark})`,
}));

/** FNV-1a over the lower-cased id: ids differ in case between servers, the colour must not. */
function hash(text: string): number {
  let value = 0x811c9dc5;
  for (const char of text.toLowerCase()) {
    value ^= char.codePointAt(0) ?? 0;
    value = Math.imul(value, 0x01000193) >>> 0;
  }
  return value;
}

export function clientColour(organizationId: string): ClientColour {
  return clientColours[hash(organizationId) % clientColours.length]!;
}
