import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface InstanceLock {
  release(): void;
}

export class InstanceLockedError extends Error {
  constructor(
    readonly pid: number,
    readonly url: string | undefined,
  ) {
    super(`Provider Desk is already running on this data folder (process ${pid}${url ? `, ${url}` : ''}).`);
  }
}

/**
 * One Provider Desk per data folder: a lock file names the owning process. A lock left by a process that is
 * gone (a crash, a kill -9) is taken over.
 */
export function acquireInstanceLock(
  dataDir: string,
  describe: () => string | undefined = () => undefined,
): InstanceLock & { update(url: string): void } {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, 'instance.lock');
  const write = (url?: string) => writeFileSync(file, JSON.stringify({ pid: process.pid, url }), { flag: 'w' });
  try {
    writeFileSync(file, JSON.stringify({ pid: process.pid, url: describe() }), { flag: 'wx' });
  } catch {
    const holder = readHolder(file);
    if (holder && holder.pid !== process.pid && isAlive(holder.pid))
      throw new InstanceLockedError(holder.pid, holder.url);
    write(describe());
  }
  return {
    update: (url) => write(url),
    release: () => {
      if (readHolder(file)?.pid === process.pid) rmSync(file, { force: true });
    },
  };
}

function readHolder(file: string): { pid: number; url?: string } | null {
  try {
    const value = JSON.parse(readFileSync(file, 'utf8')) as { pid?: unknown; url?: unknown };
    return typeof value.pid === 'number'
      ? { pid: value.pid, url: typeof value.url === 'string' ? value.url : undefined }
      : null;
  } catch {
    return null;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
