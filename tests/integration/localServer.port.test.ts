// scripts/localServer.mjs as `npm start` runs it, with real backends: when 8443 (here: a port of the test's) was
// taken, the backend moves to the next free port, a second start finds it there instead of starting another
// server on the same data folder, and the next start keeps that port so saved accounts and mailed links still work.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lastPort, portFile, startLocalServer } from '../../scripts/localServer.mjs';

const listen = (port: number) =>
  new Promise<Server>((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen({ host: '127.0.0.1', port }, () => resolve(server));
  });
const close = (server: Server) => new Promise<void>((resolve) => server.close(() => resolve()));

const dataDir = mkdtempSync(join(tmpdir(), 'pd-local-port-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('the local backend keeps finding itself', () => {
  it('moves off a taken port, is reused there by a second start, and keeps that port next time', async () => {
    const other = await listen(0); // "another program" on the preferred port
    const preferred = (other.address() as { port: number }).port;
    const lines: string[] = [];
    const options = { dataDir, port: preferred, seed: false, quiet: true, log: (line: string) => lines.push(line) };

    const first = await startLocalServer(options);
    try {
      expect(first.port).not.toBe(preferred);
      expect(first.reused).toBe(false);
      expect(lines.join('\n')).toContain(`Port ${preferred} is in use by another program`);
      expect(lastPort(dataDir)).toBe(first.port);
      expect(JSON.parse(readFileSync(portFile(dataDir), 'utf8'))).toEqual({ port: first.port });

      // A second `npm start` while the first runs: the same backend, not a second server on the same database.
      const second = await startLocalServer(options);
      expect(second.reused).toBe(true);
      expect(second.port).toBe(first.port);
    } finally {
      await first.stop();
    }

    // The next start, with the preferred port free again, stays where accounts and links point.
    await close(other);
    lines.length = 0;
    const third = await startLocalServer(options);
    try {
      expect(third.reused).toBe(false);
      expect(third.port).toBe(first.port);
      expect(lines.join('\n')).toContain(`keeps port ${first.port}`);
    } finally {
      await third.stop();
    }
  });
});
