// The import run's batching against a fake API: collections made by one batch are reused by the next, a batch
// the server refuses is reported and the rest go on, and losing the server stops with the rest counted as failed.
import { describe, expect, it } from 'vitest';
import { DeskError, type ImportProgress } from '../../../../../src-shared/contract';
import { decryptToString, generateSymmetricKey } from '../../../../../src-main/crypto';
import type { BitwardenRequest } from '../../../../../src-main/bitwarden/http';
import { createImportService } from '../../../../../src-main/services/clientOrg/importer';
import type { OrgContext } from '../../../../../src-main/services/clientOrg/orgContext';
import { lastPassCsv } from '../../import/lastpassFixture';

const ORG = '0f0e0d0c-0b0a-4908-8706-050403020100';

function fakeOrg(refuse: (batch: number) => DeskError | null) {
  const key = generateSymmetricKey();
  const collections: { id: string; name: string }[] = [];
  const bodies: any[] = [];
  const progress: ImportProgress[] = [];
  const http = {
    json: async (request: BitwardenRequest) => {
      expect(request.path).toBe(`/organizations/${ORG}/collections`);
      return {
        data: collections.map((c) => ({ ...c, externalId: null, type: 0, groups: [], users: [] })),
        continuationToken: null,
      };
    },
    call: async (request: BitwardenRequest) => {
      const body = request.json as any;
      bodies.push(body);
      const error = refuse(bodies.length);
      if (error) throw error;
      for (const c of body.collections) if (!c.id) collections.push({ id: `c${collections.length + 1}`, name: c.name });
    },
  };
  const ctx = {
    scope: (input: { organizationId: string }) => ({ accountId: 'a1', organizationId: input.organizationId }),
    call: (_s: unknown, fn: (a: unknown) => Promise<unknown>) => fn({ http, token: 't' }),
    withOrgKey: async (_s: unknown, use: (k: Uint8Array) => unknown) => use(key),
    decrypt: (_s: unknown, enc: string) => decryptToString(enc, key),
    emit: (_event: string, payload: ImportProgress) => progress.push(payload),
    now: () => 0,
    importBatchSize: 20,
  } as unknown as OrgContext;
  return { service: createImportService(ctx), collections, bodies, progress, key };
}

const input = { organizationId: ORG, format: 'lastpassCsv' as const, text: lastPassCsv(), importId: 'x' };

describe('import run', () => {
  it('reuses collections made by an earlier batch and reports a refused batch', async () => {
    const org = fakeOrg((n) =>
      n === 2 ? new DeskError('validation', 'You cannot import this much data at once.') : null,
    );
    const result = await org.service.run(input);
    expect(result).toMatchObject({ imported: 30, failed: 20, collectionsCreated: 4 });
    expect(result.batchErrors).toEqual([
      {
        firstRow: expect.any(Number),
        lastRow: expect.any(Number),
        reason: 'You cannot import this much data at once.',
      },
    ]);
    expect(org.collections).toHaveLength(4);
    // The third batch names the four collections by id.
    expect(org.bodies[2].collections.every((c: { id?: string }) => c.id)).toBe(true);
    expect(
      org.bodies[2].collectionRelationships.every((r: { key: number; value: number }) => r.key < 10 && r.value < 4),
    ).toBe(true);
    expect(org.progress.map((p) => [p.phase, p.sent, p.imported, p.failed])).toEqual([
      ['started', 0, 0, 0],
      ['batch', 20, 20, 0],
      ['batch', 40, 20, 20],
      ['batch', 50, 30, 20],
      ['done', 50, 30, 20],
    ]);
    expect(decryptToString(org.bodies[0].ciphers[0].name, org.key)).toBe('Zürich Bank #1');
  });

  it('stops when the server is gone and counts the rest as failed', async () => {
    const org = fakeOrg((n) => (n === 2 ? new DeskError('offline', 'Cannot reach the server.') : null));
    const result = await org.service.run(input);
    expect(result).toMatchObject({ imported: 20, failed: 30 });
    expect(org.bodies).toHaveLength(2);
    expect(org.progress.at(-1)).toMatchObject({ phase: 'failed', message: 'Cannot reach the server.', failed: 30 });
  });

  it('lets errors that are not the server answering through', async () => {
    const org = fakeOrg(() => new Error('bug') as DeskError);
    await expect(org.service.run(input)).rejects.toThrow('bug');
  });
});
