// Import into a client org, end to end: a provider admin previews and imports a 50-item LastPass CSV (parsed and
// encrypted in main, sent in batches of 20 with progress events), grants the client's owner the new collections,
// and the official Bitwarden CLI, logged in as that owner, lists the 50 items with their decrypted names.
// The backend serves HTTPS with its test CA (the CLI refuses http), as in tests/interop.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  unwrapEnvelope,
  type ChannelInput,
  type ChannelName,
  type ChannelOutput,
  type ImportProgress,
  type PushEventName,
} from '../../src-shared/contract';
import type { Desk } from '../../src-main/desk';
import { dispatch, parsePushPayload } from '../../src-main/ipc/dispatch';
import { createMemorySecretStore } from '../../src-main/platform/secretStoreMemory';
import { createClientOrg } from '../../src-main/services/clientOrg';
import { createSessionService } from '../../src-main/session/sessionService';
import { fingerprintPhrase } from '../../src-main/crypto';
import { BwAccount } from '../interop/bw';
import { startTlsServer, type TlsTestServer } from '../interop/server';
import { lastPassCsv, lastPassItems } from '../unit/main/import/lastpassFixture';
import { acceptInvitation, clientOrgWorld, type ClientOrgWorld } from './clientOrgHarness';
import { selfHosted } from './deskHarness';

let t: TlsTestServer;
let w: ClientOrgWorld;
let bw: BwAccount | undefined;
const progress: ImportProgress[] = [];
let call: <C extends ChannelName>(channel: C, input: ChannelInput<C>) => Promise<ChannelOutput<C>>;
let dispose: () => void;
const items = lastPassItems();
const csv = lastPassCsv(items);

beforeAll(async () => {
  t = await startTlsServer('sqlite');
  w = await clientOrgWorld(t, 'Fabrikam');
  const emit = (event: PushEventName, payload: unknown) => {
    if (parsePushPayload(event, payload) === undefined) throw new Error(`push ${event} broke the contract`);
    if (event === 'org.import.progress') progress.push(payload as ImportProgress);
  };
  const session = createSessionService({
    secrets: createMemorySecretStore(),
    identity: { appVersion: '0.0.0-test', device: { identifier: randomUUID(), type: 8, name: 'linux' } },
    extraCa: [readFileSync(t.caPath, 'utf8')],
    emit,
  });
  // Small batches, so the 50 items take three requests and new collections are reused across them.
  const desk = { handlers: createClientOrg({ session, emit, importBatchSize: 20 }).handlers } as unknown as Desk;
  call = async (channel, input) => unwrapEnvelope(await dispatch(desk, channel, input)) as never;
  dispose = () => session.dispose();
  const login = await session.login({
    server: selfHosted(t.url),
    email: w.provider.admin.email,
    masterPassword: w.provider.admin.password,
  });
  expect(login.status).toBe('ready');
});

afterAll(async () => {
  bw?.dispose();
  dispose?.();
  await t?.close();
});

describe('import into a client org', () => {
  const org = () => ({ organizationId: w.client.orgId });

  it('previews counts by type and collection, without item contents', async () => {
    const preview = await call('org.import.preview', { ...org(), format: 'lastpassCsv', text: csv });
    expect(preview).toMatchObject({
      format: 'lastpassCsv',
      total: 50,
      importable: 50,
      byType: { login: 40, secureNote: 6, card: 2, identity: 2, sshKey: 0 },
      withoutCollection: 0,
      problems: [],
      problemCount: 0,
    });
    expect(preview.collections).toEqual([
      { name: 'Clients/Contoso', items: 13, exists: false },
      { name: 'Clients/Fabrikam', items: 13, exists: false },
      { name: 'Email', items: 12, exists: false },
      { name: 'Infrastructure', items: 12, exists: false },
    ]);
    const text = JSON.stringify(preview);
    for (const secret of ['Zürich', 'user1@example.com', 'pw-1', 'Door code']) expect(text).not.toContain(secret);
  });

  it('reports rows that cannot be imported, and refuses a file with nothing importable', async () => {
    const broken = `${csv}https://x.example,"bad"quote,pw,,,Broken,Email,0\r\nhttps://y.example,short\r\n`;
    const preview = await call('org.import.preview', { ...org(), format: 'lastpassCsv', text: broken });
    expect(preview.importable).toBe(50);
    expect(preview.problems.map((p) => p.reason)).toEqual([
      expect.stringMatching(/quoted field/),
      expect.stringMatching(/2 fields where the header has 8/),
    ]);
    await expect(call('org.import.run', { ...org(), format: 'bitwardenJson', text: csv })).rejects.toMatchObject({
      code: 'validation',
      message: expect.stringMatching(/Nothing in the file can be imported. The file is not valid JSON/),
    });
    expect(
      await t.db.selectFrom('ciphers').select('id').where('organization_id', '=', w.client.orgId).execute(),
    ).toEqual([]);
  });

  it('imports all 50 items in batches, with progress, creating each collection once', async () => {
    const result = await call('org.import.run', { ...org(), format: 'lastpassCsv', text: csv, importId: 'lp-1' });
    expect(result).toEqual({
      importId: 'lp-1',
      imported: 50,
      failed: 0,
      collectionsCreated: 4,
      problems: [],
      problemCount: 0,
      batchErrors: [],
    });
    expect(progress.map((p) => [p.phase, p.sent, p.imported])).toEqual([
      ['started', 0, 0],
      ['batch', 20, 20],
      ['batch', 40, 40],
      ['batch', 50, 50],
      ['done', 50, 50],
    ]);
    expect(progress.every((p) => p.importId === 'lp-1' && p.total === 50 && p.organizationId === w.client.orgId)).toBe(
      true,
    );
    const { collections } = await call('org.collections.list', { ...org(), includeAccess: false });
    expect(collections.map((c) => c.name)).toEqual([
      'Clients/Contoso',
      'Clients/Fabrikam',
      'Default collection',
      'Email',
      'Infrastructure',
    ]);
    const stored = await t.db
      .selectFrom('ciphers')
      .select('data')
      .where('organization_id', '=', w.client.orgId)
      .execute();
    expect(stored).toHaveLength(50);
    expect(stored.map((c) => c.data).join()).not.toMatch(/Zürich|user1@example\.com|pw-1/);
  });

  it(
    'lets the official CLI, as the org owner, list the 50 items with their decrypted names',
    { timeout: 180_000 },
    async () => {
      // The owner joins (accept over HTTP), is confirmed by the provider admin, and gets the imported collections.
      const ownerId = await acceptInvitation(t, w.client.orgId, w.owner);
      const fingerprint = await fingerprintPhrase(w.owner.id, w.owner.publicKey);
      const confirmed = await call('org.members.confirm', { ...org(), members: [{ id: ownerId, fingerprint }] });
      expect(confirmed.succeeded).toBe(1);
      const { collections } = await call('org.collections.list', { ...org(), includeAccess: false });
      for (const c of collections.filter((x) => x.name !== 'Default collection')) {
        await call('org.collections.update', { ...org(), id: c.id, members: [{ id: ownerId, access: 'canManage' }] });
      }

      bw = new BwAccount(t.caPath, w.owner.password);
      await bw.login(t.url, w.owner.email);
      const listed = await bw.json<
        { name: string; type: number; login?: { username: string; password: string }; card?: { number: string } }[]
      >(['list', 'items', '--organizationid', w.client.orgId]);
      expect(listed).toHaveLength(50);
      expect(listed.map((i) => i.name).sort()).toEqual(items.map((i) => i.name).sort());
      const first = listed.find((i) => i.name === items[0]!.name);
      expect(first).toMatchObject({ type: 1, login: { username: 'user1@example.com', password: 'pw-1, "quoted"' } });
      expect(listed.filter((i) => i.type === 3).map((i) => i.card?.number.slice(0, 4))).toEqual(['4111', '4111']);
    },
  );
});
