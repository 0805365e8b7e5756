import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The device identifier Bitwarden servers know this installation by (new-device checks, "remember this
 * device"): a UUID made once per data folder. Not a secret.
 */
export function readOrCreateDeviceIdentifier(dataDir: string): string {
  const file = join(dataDir, 'device-id');
  try {
    const existing = readFileSync(file, 'utf8').trim();
    if (UUID.test(existing)) return existing;
  } catch {
    // First start: make one below.
  }
  const identifier = randomUUID();
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(file, identifier);
  return identifier;
}
