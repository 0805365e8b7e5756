// scripts/localServer.mjs, the backend start shared by `npm start` and the end-to-end fixtures: the port choice when
// 8443 is taken, and the "already serving" probe that only trusts this data folder's CA.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { accountsFile, caFile, choosePort, isServing, serverDataDir } from '../../scripts/localServer.mjs';

const listen = (port: number) =>
  new Promise<Server>((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen({ host: '127.0.0.1', port }, () => resolve(server));
  });

describe('local backend start', () => {
  it('keeps a free preferred port, takes the next free one when it is held, any port for 0', async () => {
    const held = await listen(0);
    const port = (held.address() as { port: number }).port;
    try {
      const next = await choosePort(port);
      expect(next).not.toBe(port);
      expect(next).toBeGreaterThan(port);
      expect(next).toBeLessThanOrEqual(port + 10);
      expect(await choosePort(next!)).toBe(next);
      expect(await choosePort(0)).toBeGreaterThan(0);
    } finally {
      held.close();
    }
  });

  it('is not "already serving" without this folder\'s CA, whatever listens on the port', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pd-local-'));
    const held = await listen(0);
    try {
      expect(await isServing(dir, (held.address() as { port: number }).port)).toBe(false);
    } finally {
      held.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("uses the backend's data folder rule and keeps its files there", () => {
    expect(serverDataDir({ PD_DATA_DIR: '/srv/pd' }, 'linux')).toBe('/srv/pd');
    expect(serverDataDir({ XDG_DATA_HOME: '/x' }, 'linux')).toBe(join('/x', 'provider-desk-server'));
    expect(caFile('/srv/pd')).toBe(join('/srv/pd', 'tls', 'ca.crt'));
    expect(accountsFile('/srv/pd')).toBe(join('/srv/pd', 'demo-accounts.txt'));
  });
});
