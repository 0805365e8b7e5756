import { defaultSettings } from '$shared/contract';
import { invoke, on } from './desk';

/** The renderer's live copy of the `singleKeyShortcuts` setting, read by the fields that own a single-key shortcut. */
export const shortcutPreference = $state({ singleKey: defaultSettings.singleKeyShortcuts });

/**
 * Takes the saved setting at start-up and again on every `settings.changed` push. A push that lands before the
 * first `settings.get` answers wins, since it is newer.
 */
export function followSettingsShortcuts(): () => void {
  let pushed = false;
  const stop = on('settings.changed', (settings) => {
    pushed = true;
    shortcutPreference.singleKey = settings.singleKeyShortcuts;
  });
  invoke('settings.get').then(
    (settings) => {
      if (!pushed) shortcutPreference.singleKey = settings.singleKeyShortcuts;
    },
    // Without settings the default (on) stays; the Settings page reports the failure itself.
    () => undefined,
  );
  return stop;
}
