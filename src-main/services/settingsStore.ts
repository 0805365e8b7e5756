/**
 * Where settings live at rest. Services see only this interface, so they never import Electron:
 * electron-store backs it in the Electron shell, `conf` in the browser shell, a plain object in unit tests.
 */
export interface SettingsStore {
  /** The raw stored value, or undefined when nothing was stored yet. Callers validate it. */
  read(): unknown;
  write(value: unknown): void;
}
