import type { SecretStorageStatus } from '../../src-shared/contract';
import type { SecretStore } from './secretStore';

const BROWSER_SHELL_MESSAGE = 'Sign-ins last until Provider Desk stops: the browser version keeps no secrets on disk.';

/** Secrets in memory only: the browser shell, tests, and Electron when no OS keychain is usable. */
export function createMemorySecretStore(
  status: SecretStorageStatus = { persistent: false, backend: 'memory', message: BROWSER_SHELL_MESSAGE },
): SecretStore {
  const values = new Map<string, string>();
  return {
    status: () => ({ ...status }),
    get: (name) => values.get(name),
    set: (name, value) => void values.set(name, value),
    delete: (name) => void values.delete(name),
    list: (prefix = '') => [...values.keys()].filter((name) => name.startsWith(prefix)).sort(),
  };
}
