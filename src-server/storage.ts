// Storage at rest (DESIGN.md "Security baseline"): the data folder is 0700 and every file the server writes in it
// 0600, from creation on; on start, anything looser (an older version, a copy, a permissive umask) is tightened and
// said so in one log line. POSIX modes only: on Windows the folder inherits the user profile's ACL.
import { chmodSync, closeSync, existsSync, lstatSync, mkdirSync, openSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const PRIVATE_DIR_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;
const posix = process.platform !== 'win32';

/** Creates `dir` (and missing parents) 0700; an existing folder keeps its mode until `tightenDataDir`. */
export function ensurePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
}

/** Writes a file that only the server's user may read, creating it 0600 (never briefly readable by others). */
export function writePrivateFile(path: string, data: string | Uint8Array): void {
  writeFileSync(path, data, { mode: PRIVATE_FILE_MODE });
  if (posix) chmodSync(path, PRIVATE_FILE_MODE); // an existing file keeps its old mode through writeFileSync
}

/** Creates an empty 0600 file if it does not exist (before a library such as SQLite creates it 0644). */
export function touchPrivateFile(path: string): void {
  if (existsSync(path)) return;
  closeSync(openSync(path, 'a', PRIVATE_FILE_MODE));
}

/**
 * What the server (and `scripts/localServer.mjs`) writes in the data folder; folders are walked. Only these are
 * touched, never other things an operator keeps in a folder given as `--data-dir`.
 */
const DATA_ENTRIES: Record<string, 'file' | 'tree'> = {
  'provider-desk.sqlite': 'file',
  'provider-desk.sqlite-wal': 'file',
  'provider-desk.sqlite-shm': 'file',
  'provider-desk.sqlite-journal': 'file',
  'jwt.key': 'file',
  'jwt.previous.key': 'file',
  tls: 'tree',
  outbox: 'tree',
  'local-server.json': 'file',
  'demo-accounts.txt': 'file',
};

/**
 * Tightens `dataDir` and what the server keeps in it (folders 0700, files 0600; symbolic links are not followed),
 * plus `extra` files kept elsewhere (a `sqlite:` path with its -wal/-shm, a key file). Returns what was changed, as
 * `path 0755→0700`.
 */
export function tightenDataDir(
  dataDir: string,
  extra: string[] = [],
  entries = DATA_ENTRIES,
  walkAll = false,
): string[] {
  if (!posix) return [];
  const fixed: string[] = [];
  const fix = (path: string, walk: boolean) => {
    let stat;
    try {
      stat = lstatSync(path);
    } catch {
      return;
    }
    if (stat.isSymbolicLink()) return;
    const want = stat.isDirectory() ? PRIVATE_DIR_MODE : PRIVATE_FILE_MODE;
    const mode = stat.mode & 0o777;
    if ((mode & 0o077) !== 0) {
      chmodSync(path, want);
      fixed.push(`${path} ${mode.toString(8).padStart(4, '0')}→${want.toString(8).padStart(4, '0')}`);
    }
    if (walk && stat.isDirectory()) for (const name of readdirSync(path)) fix(join(path, name), true);
  };
  fix(dataDir, walkAll);
  for (const [name, kind] of Object.entries(entries)) fix(join(dataDir, name), kind === 'tree');
  for (const file of extra) for (const suffix of ['', '-wal', '-shm']) fix(file + suffix, false);
  return fixed;
}

/** Tightens a folder the server owns entirely (`<dataDir>/tls/` after making its files) and all under it. */
export function tightenTree(dir: string): string[] {
  return tightenDataDir(dir, [], {}, true);
}

/** On start: creates or tightens the data folder; returns the one log line saying what was fixed, or null. */
export function secureDataDir(dataDir: string, extra: string[] = []): string | null {
  ensurePrivateDir(dataDir);
  const fixed = tightenDataDir(dataDir, extra);
  return fixed.length
    ? `data folder permissions tightened to owner only on ${fixed.length} path(s): ${fixed.join(', ')}`
    : null;
}
