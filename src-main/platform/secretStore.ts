/**
 * Where refresh tokens, API keys and the offline-unlock verifier live. Services see only this interface; the
 * Electron shell backs it with an encrypted file whose data key the OS keychain protects (`safeStorage`), the
 * browser shell and tests with memory. Values are opaque strings; callers serialize.
 */
import type { SecretStorageStatus } from '../../src-shared/contract';

export interface SecretStore {
  /** Whether secrets survive a restart, the backend used, and anything the user should be told. */
  status(): SecretStorageStatus;
  get(name: string): string | undefined;
  set(name: string, value: string): void;
  delete(name: string): void;
  /** Names starting with `prefix`. */
  list(prefix?: string): string[];
}
