import { describe, expect, it } from 'vitest';
import { sectionFor } from '../../../../src-renderer/lib/sections';
import { isMac, sectionForShortcut, sectionShortcutLabel } from '../../../../src-renderer/lib/shortcuts';

const key = (init: KeyboardEventInit) => new KeyboardEvent('keydown', init);

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
