import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The browser shell's port is chosen once per data folder and kept: IndexedDB (the renderer's cache) belongs to
 * the origin, so a new port would start with an empty cache.
 */
export function readRememberedPort(dataDir: string): number | undefined {
  try {
    const { port } = JSON.parse(readFileSync(join(dataDir, 'web-shell.json'), 'utf8')) as { port?: unknown };
    return typeof port === 'number' && Number.isInteger(port) && port > 1023 && port < 65536 ? port : undefined;
  } catch {
    return undefined;
  }
}

export function rememberPort(dataDir: string, port: number) {
  writeFileSync(join(dataDir, 'web-shell.json'), JSON.stringify({ port }, null, 2));
}
