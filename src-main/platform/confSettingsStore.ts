import Conf from 'conf';
import type { SettingsStore } from '../services/settingsStore';

/** The browser shell's store: `conf` (the class electron-store is built on) writing JSON in the data folder. */
export function createConfSettingsStore(dataDir: string): SettingsStore {
  const conf = new Conf<{ settings?: unknown }>({
    cwd: dataDir,
    configName: 'settings',
    projectName: 'provider-desk',
  });
  return {
    read: () => conf.get('settings'),
    write: (value) => conf.set('settings', value),
  };
}
