import ElectronStore from 'electron-store';
import type { SettingsStore } from '../services/settingsStore';

/** The Electron shell's store (app data folder). Importing this under plain Node would start Electron's download. */
export function createElectronSettingsStore(): SettingsStore {
  const store = new ElectronStore<{ settings?: unknown }>({ name: 'settings' });
  return {
    read: () => store.get('settings'),
    write: (value) => store.set('settings', value),
  };
}
