// The access-token signing key lives outside the database (DESIGN.md "Security baseline"): a database dump or a
// read-only SQL injection must not let anyone mint tokens. Where it comes from, first match wins:
//   1. `PD_JWT_KEY` (base64): the way for several instances on PostgreSQL, which must all share one key;
//   2. `PD_JWT_KEY_FILE` (a path), created 0600 if missing;
//   3. `<dataDir>/jwt.key`, created 0600 on first start.
// Rollover: `PD_JWT_KEY_PREVIOUS` (comma-separated base64) and `PD_JWT_KEY_PREVIOUS_FILE` (default
// `<dataDir>/jwt.previous.key` when present) still verify tokens; new tokens are signed with the current key only.
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { ServerConfig } from '../config';
import { ensurePrivateDir, writePrivateFile } from '../storage';

export type JwtKeyConfig = Pick<
  ServerConfig,
  'dataDir' | 'jwtKey' | 'jwtKeyFile' | 'jwtKeyPrevious' | 'jwtKeyPreviousFile'
>;

export interface JwtKeys {
  /** Signs new access tokens. */
  current: Uint8Array;
  /** Verify only (rollover). */
  previous: Uint8Array[];
  /** Where the current key came from (for the start-up log; never the key). */
  source: string;
}

export const jwtKeyPath = (c: JwtKeyConfig) => c.jwtKeyFile ?? join(c.dataDir, 'jwt.key');
export const jwtPreviousKeyPath = (c: JwtKeyConfig) => c.jwtKeyPreviousFile ?? join(c.dataDir, 'jwt.previous.key');

const decode = (base64: string, where: string): Uint8Array => {
  const key = Buffer.from(base64.trim(), 'base64');
  if (key.length < 32) throw new Error(`JWT signing key in ${where} is shorter than 32 bytes`);
  return new Uint8Array(key);
};

function writeKeyFile(path: string, base64: string): void {
  ensurePrivateDir(dirname(path));
  writePrivateFile(path, `${base64}\n`);
}

/** Reads (or creates once) the keys named by the configuration. */
export function resolveJwtKeys(config: JwtKeyConfig): JwtKeys {
  const previous = (config.jwtKeyPrevious ?? []).map((k) => decode(k, 'PD_JWT_KEY_PREVIOUS'));
  const previousFile = jwtPreviousKeyPath(config);
  if (existsSync(previousFile)) previous.push(decode(readFileSync(previousFile, 'utf8'), previousFile));
  else if (config.jwtKeyPreviousFile) throw new Error(`PD_JWT_KEY_PREVIOUS_FILE ${previousFile} does not exist`);
  if (config.jwtKey) return { current: decode(config.jwtKey, 'PD_JWT_KEY'), previous, source: 'PD_JWT_KEY' };
  const file = jwtKeyPath(config);
  if (!existsSync(file)) writeKeyFile(file, randomBytes(32).toString('base64'));
  return { current: decode(readFileSync(file, 'utf8'), file), previous, source: file };
}

/**
 * Migration 006: the key an older version kept in `server_keys` goes to the key file, so tokens issued before the
 * upgrade stay valid. A key already configured (`PD_JWT_KEY`, an existing file) wins and the old one is dropped
 * (access tokens live an hour; clients refresh). Returns what was done, for the migration log.
 */
export function adoptLegacyJwtKey(config: JwtKeyConfig, base64: string): string {
  if (config.jwtKey) return 'PD_JWT_KEY is configured: the key from the database is dropped';
  const file = jwtKeyPath(config);
  if (existsSync(file)) return `${file} exists: the key from the database is dropped`;
  decode(base64, 'server_keys');
  writeKeyFile(file, base64.trim());
  return `moved from the database to ${file}`;
}
