import { defaultSettings, settingsSchema, type Settings, type SettingsPatch } from '../../src-shared/contract';
import type { SettingsStore } from './settingsStore';

export interface SettingsService {
  get(): Settings;
  set(patch: SettingsPatch): Settings;
  onChange(listener: (settings: Settings) => void): () => void;
}

/**
 * Reads settings leniently (a file edited by hand or written by an older version falls back per field to the
 * default) and writes them strictly (the merged value is validated before it is stored).
 */
export function createSettingsService(store: SettingsStore): SettingsService {
  const listeners = new Set<(settings: Settings) => void>();

  function get(): Settings {
    const stored = store.read();
    const merged: Record<string, unknown> = { ...defaultSettings };
    if (stored && typeof stored === 'object') {
      for (const [key, value] of Object.entries(stored)) {
        const field = settingsSchema.shape[key as keyof Settings];
        if (field?.safeParse(value).success) merged[key] = value;
      }
    }
    return settingsSchema.parse(merged);
  }

  function set(patch: SettingsPatch): Settings {
    const next = settingsSchema.parse({ ...get(), ...patch });
    store.write(next);
    for (const listener of listeners) listener(next);
    return next;
  }

  function onChange(listener: (settings: Settings) => void) {
    listeners.add(listener);
    return () => listeners.delete(listener);
  }

  return { get, set, onChange };
}
