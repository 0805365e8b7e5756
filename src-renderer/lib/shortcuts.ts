import { sections, type Section } from './sections';

/** macOS uses ⌘ where other platforms use Ctrl; `platform` is Node's name for it (`darwin`) when known. */
export function isMac(platform?: string): boolean {
  if (platform) return platform === 'darwin';
  return typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.userAgent);
}

export function modifierLabel(mac: boolean): string {
  return mac ? '⌘' : 'Ctrl+';
}

export function sectionShortcutLabel(index: number, mac: boolean): string {
  return `${modifierLabel(mac)}${index + 1}`;
}

/**
 * The section a key press asks for: Ctrl+1…5 (or ⌘1…5), no Shift or Alt. `event.code` keeps it working on
 * layouts where the digit row needs Shift (AZERTY).
 */
export function sectionForShortcut(event: KeyboardEvent): Section | undefined {
  if (!(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey) return undefined;
  const match = /^(?:Digit|Numpad)([1-9])$/.exec(event.code) ?? /^([1-9])$/.exec(event.key);
  if (!match) return undefined;
  return sections[Number(match[1]) - 1];
}
