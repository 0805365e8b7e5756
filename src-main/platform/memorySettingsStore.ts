import type { SettingsStore } from '../services/settingsStore';

/** Keeps settings in memory: unit tests, and any shell that must not write to disk. */
export function createMemorySettingsStore(initial?: unknown): SettingsStore {
  let value: unknown = structuredClone(initial);
  return {
    read: () => structuredClone(value),
    write: (next) => {
      value = structuredClone(next);
    },
  };
}
