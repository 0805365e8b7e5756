import { describe, expect, it } from 'vitest';
import { sectionFor } from '../../../../src-renderer/lib/sections';
import {
  isMac,
  isSearchShortcut,
  sectionForShortcut,
  sectionShortcutLabel,
} from '../../../../src-renderer/lib/shortcuts';

const key = (init: KeyboardEventInit) => new KeyboardEvent('keydown', init);

describe('the / search shortcut', () => {
  it('takes a bare / outside text fields while single-key shortcuts are on', () => {
    expect(isSearchShortcut(key({ key: '/' }), true)).toBe(true);
    expect(isSearchShortcut(key({ key: '/', ctrlKey: true }), true)).toBe(false);
    expect(isSearchShortcut(key({ key: '?' }), true)).toBe(false);
  });

  it('does nothing once the setting turns single-key shortcuts off (WCAG 2.1.4)', () => {
    expect(isSearchShortcut(key({ key: '/' }), false)).toBe(false);
  });

  it('leaves / to a text field being typed in', () => {
    const field = document.body.appendChild(document.createElement('input'));
    const event = new KeyboardEvent('keydown', { key: '/', bubbles: true });
    let seen: boolean | undefined;
    field.addEventListener('keydown', (e) => (seen = isSearchShortcut(e, true)));
    field.dispatchEvent(event);
    expect(seen).toBe(false);
    field.remove();
  });
});

describe('section shortcuts', () => {
  it('maps Ctrl or ⌘ with 1…6 to the sections in sidebar order', () => {
    expect(sectionForShortcut(key({ key: '1', code: 'Digit1', ctrlKey: true }))?.label).toBe('Clients');
    expect(sectionForShortcut(key({ key: '4', code: 'Numpad4', metaKey: true }))?.label).toBe('Billing');
    // AZERTY: the digit row types `&` without Shift; the physical key decides.
    expect(sectionForShortcut(key({ key: '&', code: 'Digit1', ctrlKey: true }))?.label).toBe('Clients');
  });

  it('ignores plain digits, extra modifiers and digits without a section', () => {
    expect(sectionForShortcut(key({ key: '1', code: 'Digit1' }))).toBeUndefined();
    expect(sectionForShortcut(key({ key: '1', code: 'Digit1', ctrlKey: true, altKey: true }))).toBeUndefined();
    expect(sectionForShortcut(key({ key: '!', code: 'Digit1', ctrlKey: true, shiftKey: true }))).toBeUndefined();
    expect(sectionForShortcut(key({ key: '9', code: 'Digit9', ctrlKey: true }))).toBeUndefined();
  });

  it('labels shortcuts per platform', () => {
    expect(isMac('darwin')).toBe(true);
    expect(isMac('win32')).toBe(false);
    expect(sectionShortcutLabel(0, true)).toBe('⌘1');
    expect(sectionShortcutLabel(4, false)).toBe('Ctrl+5');
  });

  it('finds the section of nested paths but not of look-alike ones', () => {
    expect(sectionFor('/members')?.label).toBe('Members');
    expect(sectionFor('/members/abc')?.label).toBe('Members');
    expect(sectionFor('/membership')).toBeUndefined();
    expect(sectionFor('/')).toBeUndefined();
  });
});
