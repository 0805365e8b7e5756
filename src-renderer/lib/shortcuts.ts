import { sections, type Section } from './sections';

/** macOS uses ⌘ where other platforms use Ctrl; `platform` is Node's name for it (`darwin`) when known. */
export function isMac(platform?: string): boolean {
  if (platform) return platform === 'darwin';
  return typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.userAgent);
}

export function modifierLabel(mac: boolean): string {
  return mac ? '⌘' : 'Ctrl+';
}

/** A section's fixed place in `sections` (0-based): its shortcut is Ctrl/⌘ with this plus one. */
export function sectionShortcutIndex(section: Section): number {
  return sections.indexOf(section);
}

export function sectionShortcutLabel(index: number, mac: boolean): string {
  return `${modifierLabel(mac)}${index + 1}`;
}

export function paletteShortcutLabel(mac: boolean): string {
  return `${modifierLabel(mac)}K`;
}

export interface ShortcutRow {
  /** The keys as shown: `Ctrl+1`, `⌘K`, `/`. */
  keys: string;
  action: string;
}

/**
 * Every keyboard shortcut the app has, in the order the About dialog lists them: the one table to extend when a
 * shortcut is added, so the documentation cannot fall behind the handlers in this module.
 */
export function shortcutTable(mac: boolean): ShortcutRow[] {
  return [
    ...sections.map((section, index) => ({ keys: sectionShortcutLabel(index, mac), action: `Go to ${section.label}` })),
    { keys: paletteShortcutLabel(mac), action: 'Open “Go to…”, the command palette' },
    { keys: '/', action: "Focus the page's search field (can be turned off in Settings)" },
    { keys: 'Tab', action: 'Move between controls; the first Tab offers “Skip to content”' },
    { keys: 'Esc', action: 'Close a dialog' },
  ];
}

function isTyping(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || target.matches('input, textarea, select, [role="combobox"], [role="textbox"]'))
  );
}

/**
 * Whether a key press asks to focus search: a bare `/` outside text fields, and only while single-key shortcuts
 * are on (the `singleKeyShortcuts` setting; WCAG 2.1.4 wants a way to turn them off).
 */
export function isSearchShortcut(event: KeyboardEvent, singleKeyShortcuts: boolean): boolean {
  if (!singleKeyShortcuts || event.key !== '/' || event.defaultPrevented) return false;
  return !(event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target));
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
