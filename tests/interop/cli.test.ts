// The official Bitwarden CLI against our server over HTTPS (issue 4): two accounts, an org, a collection made
// by `bw`, an invitation accepted over HTTP, `bw confirm org-member`, and the member reading the collection name.
// One lean scenario (each `bw` call takes ~2.5 s). The transcript goes to test-results/bw-transcript-<backend>.txt.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decryptToString, rsaDecapsulate } from '../../src-main/crypto/index';
import { backends } from '../server/harness';
import { createOrganization, registerAndLogin, type TestOrg, type TestUser } from '../server/users';
import { BwAccount } from './bw';
import { startTlsServer, type TlsTestServer } from './server';

const COLLECTION = 'Client Projects';

for (const backend of backends()) {
  describe(`official bw CLI [${backend}]`, () => {
    let t: TlsTestServer;
    const accounts: BwAccount[] = [];

    beforeAll(async () => {
      t = await startTlsServer(backend);
    });

    afterAll(async () => {
      const transcript = accounts
        .flatMap((a, i) =>
          a.log.map(
            (l) =>
              `[user ${i + 1}] $ bw ${l.args.join(' ')}\n(exit ${l.result.code}) ${l.result.stdout}${l.result.stderr ? `\nstderr: ${l.result.stderr}` : ''}`,
          ),
        )
        .join('\n\n');
      const dir = join(import.meta.dirname, '../../test-results');
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, `bw-transcript-${backend}.txt`), `${transcript}\n`);
      for (const a of accounts) a.dispose();
      await t?.close();
    });

    it('logs in, syncs, creates and lists collections, confirms a member who then reads them', async () => {
      const owner: TestUser = await registerAndLogin(t, { name: 'Owner One' });
      const member: TestUser = await registerAndLogin(t, { name: 'Member Two' });
      const org: TestOrg = await createOrganization(t, owner, { name: 'Interop Org' });

      const bw1 = new BwAccount(t.caPath, owner.password);
      accounts.push(bw1);
      await bw1.login(t.url, owner.email);
      expect(await bw1.ok(['sync'])).toMatch(/Syncing complete/);

      const orgs = await bw1.json<any[]>(['list', 'organizations']);
      expect(orgs).toEqual([
        expect.objectContaining({ id: org.id, name: 'Interop Org', status: 2, type: 0, enabled: true }),
      ]);

      const template = await bw1.json<Record<string, unknown>>(['get', 'template', 'org-collection']);
      const encoded = await bw1.ok(['encode'], {
        input: JSON.stringify({
          ...template,
          organizationId: org.id,
          name: COLLECTION,
          externalId: null,
          groups: [],
          users: [],
        }),
      });
      const created = JSON.parse(await bw1.ok(['create', 'org-collection', encoded, '--organizationid', org.id])) as {
        id: string;
        name: string;
      };
      expect(created.name).toBe(COLLECTION);
      const stored = await t.db
        .selectFrom('collections')
        .select('name')
        .where('id', '=', created.id)
        .executeTakeFirstOrThrow();
      expect(stored.name).toMatch(/^2\./);
      expect(decryptToString(stored.name, org.orgKey)).toBe(COLLECTION);

      const orgCollections = await bw1.json<any[]>(['list', 'org-collections', '--organizationid', org.id]);
      expect(orgCollections.map((c) => c.name).sort()).toEqual([COLLECTION, 'Default collection'].sort());

      // Invite over HTTP with access to the new collection; the invitee accepts with the mailed token.
      const invite = await t.http.post(`/api/organizations/${org.id}/users/invite`, {
        token: owner.accessToken,
        json: {
          emails: [member.email],
          type: 2,
          collections: [{ id: created.id, readOnly: true, hidePasswords: false, manage: false }],
        },
      });
      expect(invite.status).toBe(200);
      const mail = t.outbox().find((m) => m.to === member.email && m.meta?.organizationUserId);
      expect(mail?.link).toContain('/accept-organization?');
      const orgUserId = mail!.meta!.organizationUserId!;
      const accepted = await t.http.post(`/api/organizations/${org.id}/users/${orgUserId}/accept`, {
        token: member.accessToken,
        json: { token: mail!.meta!.token },
      });
      expect(accepted.status).toBe(200);

      const members = await bw1.json<any[]>(['list', 'org-members', '--organizationid', org.id]);
      expect(members).toEqual(
        expect.arrayContaining([expect.objectContaining({ id: orgUserId, email: member.email, status: 1 })]),
      );
      await bw1.ok(['confirm', 'org-member', orgUserId, '--organizationid', org.id]);
      const confirmed = await t.db
        .selectFrom('organization_users')
        .selectAll()
        .where('id', '=', orgUserId)
        .executeTakeFirstOrThrow();
      expect(confirmed.status).toBe(2);
      expect(Buffer.from(rsaDecapsulate(confirmed.key!, member.privateKey))).toEqual(Buffer.from(org.orgKey));

      const bw2 = new BwAccount(t.caPath, member.password);
      accounts.push(bw2);
      await bw2.login(t.url, member.email);
      const mine = await bw2.json<any[]>(['list', 'collections']);
      expect(mine).toEqual([expect.objectContaining({ id: created.id, organizationId: org.id, name: COLLECTION })]);
    });
  });
}
