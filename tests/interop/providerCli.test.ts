// The official Bitwarden CLI as a provider service user (issue 5): a provider seeded by `seed-demo` (through the
// server's routes, real crypto), then `bw login`, `bw list organizations` shows the client orgs (reached through the
// provider key) and `bw list org-collections` shows their decrypted collection names.
// The transcript goes to test-results/bw-provider-transcript-<backend>.txt.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo, type SeedSummary } from '../../src-server/seed/demo';
import { demoClients, PROVIDER_USERS } from '../../src-server/seed/demoData';
import { backends } from '../server/harness';
import { BwAccount } from './bw';
import { startTlsServer, type TlsTestServer } from './server';

const CLIENTS = 3;

for (const backend of backends()) {
  describe(`official bw CLI as a provider service user [${backend}]`, () => {
    let t: TlsTestServer;
    let seeded: SeedSummary;
    let bw: BwAccount | undefined;

    beforeAll(async () => {
      t = await startTlsServer(backend);
      seeded = await seedDemo(t.server, { clients: CLIENTS });
    });

    afterAll(async () => {
      if (bw) {
        const transcript = bw.log.map((l) => `$ bw ${l.args.join(' ')}\n(exit ${l.result.code}) ${l.result.stdout}${l.result.stderr ? `\nstderr: ${l.result.stderr}` : ''}`).join('\n\n');
        const dir = join(import.meta.dirname, '../../test-results');
        mkdirSync(dir, { recursive: true });
        writeFileSync(join(dir, `bw-provider-transcript-${backend}.txt`), `${transcript}\n`);
        bw.dispose();
      }
      await t?.close();
    });

    it('lists the client orgs and their decrypted collection names', async () => {
      const service = PROVIDER_USERS.find((u) => u.type === 1 && u.status === 'confirmed')!;
      const password = seeded.accounts.find((a) => a.email === service.email)!.password!;
      bw = new BwAccount(t.caPath, password);
      await bw.login(t.url, service.email);

      const expected = demoClients(CLIENTS);
      const orgs = await bw.json<{ id: string; name: string; enabled: boolean }[]>(['list', 'organizations']);
      expect(orgs.map((o) => o.name).sort()).toEqual(expected.map((c) => c.name).sort());

      for (const c of expected) {
        const org = orgs.find((o) => o.name === c.name)!;
        const collections = await bw.json<{ name: string; organizationId: string }[]>(['list', 'org-collections', '--organizationid', org.id]);
        expect(collections.map((x) => x.name).sort()).toEqual(['Default collection', ...c.collections].sort());
        expect(collections.every((x) => x.organizationId === org.id)).toBe(true);
      }
    });
  });
}
