/**
 * The Electron shell's secret store, done the way Signal Desktop keeps its database key: a random 256-bit data
 * key encrypts each secret (AES-256-GCM, the secret's name as associated data) in one file; the data key itself is
 * encrypted by `safeStorage` (the OS keychain). Linux's `basic_text` backend is a hard-coded password, so it
 * counts as no keychain: then nothing is written and the user is told. The backend used is recorded, and a change
 * is detected. Electron is passed in, never imported, so this runs under plain Node in tests.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';
import type { SecretStorageStatus } from '../../src-shared/contract';
import type { SecretStore } from './secretStore';
import { createMemorySecretStore } from './secretStoreMemory';

/** The part of Electron's `safeStorage` this store uses. */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
  /** Linux only: `basic_text`, `gnome_libsecret`, `kwallet`, `kwallet5`, `kwallet6` or `unknown`. */
  getSelectedStorageBackend?(): string;
}

const fileSchema = z.object({
  version: z.literal(1),
  backend: z.string(),
  dataKey: z.string(),
  entries: z.record(z.string(), z.string()),
});
type SecretFile = z.infer<typeof fileSchema>;

const UNSAFE_BACKENDS = new Set(['basic_text', 'unknown']);

export function keychainBackend(safeStorage: SafeStorageLike, platform: NodeJS.Platform): string {
  if (platform === 'darwin') return 'keychain';
  if (platform === 'win32') return 'dpapi';
  return safeStorage.getSelectedStorageBackend?.() ?? 'unknown';
}

export function createElectronSecretStore(options: {
  file: string;
  safeStorage: SafeStorageLike;
  platform?: NodeJS.Platform;
}): SecretStore {
  const { file, safeStorage } = options;
  const backend = keychainBackend(safeStorage, options.platform ?? process.platform);
  if (!safeStorage.isEncryptionAvailable() || UNSAFE_BACKENDS.has(backend)) {
    return createMemorySecretStore({
      persistent: false,
      backend,
      message:
        'No secure system keychain is available on this computer (for example GNOME Keyring or KWallet), so ' +
        'sign-ins are not saved: they last until Provider Desk quits.',
    });
  }
  const opened = openFile(file, safeStorage, backend);
  const state: SecretFile = opened.file;
  const dataKey = opened.dataKey;
  const status: SecretStorageStatus = { persistent: true, backend, message: opened.message };
  const save = () => writeAtomically(file, JSON.stringify(state));
  if (opened.dirty) save();

  return {
    status: () => ({ ...status }),
    get(name) {
      const sealed = state.entries[name];
      if (sealed === undefined) return undefined;
      try {
        return open(dataKey, name, sealed);
      } catch {
        return undefined;
      }
    },
    set(name, value) {
      state.entries[name] = seal(dataKey, name, value);
      save();
    },
    delete(name) {
      if (!(name in state.entries)) return;
      delete state.entries[name];
      save();
    },
    list: (prefix = '') =>
      Object.keys(state.entries)
        .filter((name) => name.startsWith(prefix))
        .sort(),
  };
}

function openFile(
  file: string,
  safeStorage: SafeStorageLike,
  backend: string,
): { file: SecretFile; dataKey: Buffer; message: string | null; dirty: boolean } {
  const existing = readSecretFile(file);
  if (existing) {
    try {
      const dataKey = Buffer.from(safeStorage.decryptString(Buffer.from(existing.dataKey, 'base64')), 'base64');
      if (dataKey.length !== 32) throw new Error('bad data key');
      const changed = existing.backend !== backend;
      return { file: { ...existing, backend }, dataKey, message: null, dirty: changed };
    } catch {
      const fresh = newFile(safeStorage, backend);
      const what =
        existing.backend !== backend
          ? `The system keychain changed (was ${existing.backend}, now ${backend})`
          : 'The system keychain could not unlock the saved sign-ins';
      return { ...fresh, message: `${what}: sign in again to your accounts.`, dirty: true };
    }
  }
  return { ...newFile(safeStorage, backend), message: null, dirty: true };
}

function newFile(safeStorage: SafeStorageLike, backend: string): { file: SecretFile; dataKey: Buffer } {
  const dataKey = randomBytes(32);
  const wrapped = safeStorage.encryptString(dataKey.toString('base64')).toString('base64');
  return { file: { version: 1, backend, dataKey: wrapped, entries: {} }, dataKey };
}

function readSecretFile(file: string): SecretFile | null {
  if (!existsSync(file)) return null;
  try {
    const parsed = fileSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

function seal(key: Buffer, name: string, value: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(name, 'utf8'));
  const data = Buffer.concat([cipher.update(value, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), data]).toString('base64');
}

function open(key: Buffer, name: string, sealed: string): string {
  const bytes = Buffer.from(sealed, 'base64');
  const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, 12));
  decipher.setAAD(Buffer.from(name, 'utf8'));
  decipher.setAuthTag(bytes.subarray(12, 28));
  return Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString('utf8');
}

function writeAtomically(file: string, text: string) {
  mkdirSync(dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, text, { mode: 0o600 });
  renameSync(temp, file);
}
