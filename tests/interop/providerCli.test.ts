// The official Bitwarden CLI as a provider service user (issue 5): a provider seeded by `seed-demo` (through the
// server's routes, real crypto), then `bw login`; `bw get organization` finds each client org (reached through the
// provider key) and `bw list org-collections` shows their decrypted collection names. `bw list organizations`
// itself omits provider-only orgs (see below), so the orgs are read one by one with `bw get organization`.
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
        const transcript = bw.log
          .map(
            (l) =>
              `$ bw ${l.args.join(' ')}\n(exit ${l.result.code}) ${l.result.stdout}${l.result.stderr ? `\nstderr: ${l.result.stderr}` : ''}`,
          )
          .join('\n\n');
        const dir = join(import.meta.dirname, '../../test-results');
        mkdirSync(dir, { recursive: true });
        writeFileSync(join(dir, `bw-provider-transcript-${backend}.txt`), `${transcript}\n`);
        bw.dispose();
      }
      await t?.close();
    });

    it('reaches the client orgs through the provider key and lists their decrypted collection names', async () => {
      const service = PROVIDER_USERS.find((u) => u.type === 1 && u.status === 'confirmed')!;
      const password = seeded.accounts.find((a) => a.email === service.email)!.password!;
      bw = new BwAccount(t.caPath, password);
      await bw.login(t.url, service.email);

      const expected = demoClients(CLIENTS);
      const links = await t.db
        .selectFrom('provider_organizations as po')
        .innerJoin('organizations as o', 'o.id', 'po.organization_id')
        .select(['o.id', 'o.name'])
        .where('po.provider_id', '=', seeded.providerId)
        .execute();
      expect(links.map((l) => l.name).sort()).toEqual(expected.map((c) => c.name).sort());

      // `bw list organizations` lists memberOrganizations$, which drops orgs the user reaches only as a provider user
      // (the CLI filters on `isMember`; bundled bw.js, mapToExcludeProviderOrganizations): [] for a pure service user.
      const listed = await bw.json<{ id: string; name: string }[]>(['list', 'organizations']);
      expect(listed).toEqual([]);

      for (const c of expected) {
        const id = links.find((l) => l.name === c.name)!.id;
        // The client org is in the CLI's state from sync (`profile.providerOrganizations`), key unwrapped with the provider key.
        const org = await bw.json<{ id: string; name: string; enabled: boolean }>(['get', 'organization', id]);
        expect(org).toMatchObject({ id, name: c.name, enabled: true });
        const collections = await bw.json<{ name: string; organizationId: string }[]>([
          'list',
          'org-collections',
          '--organizationid',
          id,
        ]);
        expect(collections.map((x) => x.name).sort()).toEqual(['Default collection', ...c.collections].sort());
        expect(collections.every((x) => x.organizationId === id)).toBe(true);
      }
    });
  });
}
