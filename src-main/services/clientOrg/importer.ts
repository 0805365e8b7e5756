/**
 * Import into a client org (bitwarden-api.md §7.8): the file is parsed here (src-main/import), every field is
 * encrypted with the org key, and items go to `ciphers/import-organization` in batches, with progress pushed as
 * `org.import.progress`. Answers carry counts, collection names and problem rows, never item contents.
 */
import { randomUUID } from 'node:crypto';
import { DeskError } from '../../../src-shared/contract/errors';
import type { ImportPreview, ImportProgress } from '../../../src-shared/contract/clientOrg';
import { encryptToString } from '../../crypto';
import { fetchCollections, importOrganization } from '../../bitwarden/orgAdminApi';
import { encryptItem, readImport, type ImportItem, type ImportProblem } from '../../import';
import type { OrgIn, OrgOut } from './channelTypes';
import type { OrgContext, OrgScope } from './orgContext';

const LISTED_PROBLEMS = 1000;
const TYPE_KEYS = { 1: 'login', 2: 'secureNote', 3: 'card', 4: 'identity', 5: 'sshKey' } as const;
/** Without an answer from the server, the rest cannot be sent either. */
const STOPPING = new Set(['offline', 'unauthorized', 'forbidden']);

function summary(
  items: ImportItem[],
  known: Map<string, string>,
): Pick<ImportPreview, 'byType' | 'collections' | 'withoutCollection'> {
  const byType = { login: 0, secureNote: 0, card: 0, identity: 0, sshKey: 0 };
  const counts = new Map<string, number>();
  let withoutCollection = 0;
  for (const item of items) {
    byType[TYPE_KEYS[item.type]]++;
    if (!item.collections.length) withoutCollection++;
    for (const name of item.collections) counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  const collections = [...counts]
    .map(([name, count]) => ({ name, items: count, exists: known.has(name) }))
    .sort((a, b) => a.name.localeCompare(b.name));
  return { byType, collections, withoutCollection };
}

const listed = (problems: ImportProblem[]) => ({
  problems: problems.slice(0, LISTED_PROBLEMS),
  problemCount: problems.length,
});

export function createImportService(ctx: OrgContext) {
  /** Decrypted names of the org's collections → their ids (the first one of a name). */
  async function knownCollections(s: OrgScope): Promise<Map<string, string>> {
    await ctx.withOrgKey(s, () => null); // refuses early when the org key cannot be read
    const wires = await ctx.call(s, (a) => fetchCollections(a, s.organizationId));
    const known = new Map<string, string>();
    for (const w of wires) {
      const name = ctx.decrypt(s, w.name);
      if (name !== null && !known.has(name)) known.set(name, w.id.toLowerCase());
    }
    return known;
  }

  async function preview(input: OrgIn<'org.import.preview'>): Promise<OrgOut<'org.import.preview'>> {
    const s = ctx.scope(input);
    const parsed = readImport(input.format, input.text);
    const known = await knownCollections(s);
    return {
      format: input.format,
      total: parsed.total,
      importable: parsed.items.length,
      ...summary(parsed.items, known),
      ...listed(parsed.problems),
    };
  }

  /** The body of one batch: its collections (existing ones by id), ciphers and relationships. */
  async function batchBody(s: OrgScope, batch: ImportItem[], known: Map<string, string>) {
    const names = [...new Set(batch.flatMap((item) => item.collections))];
    return ctx.withOrgKey(s, (key) => ({
      collections: names.map((name) => {
        const id = known.get(name);
        return { ...(id ? { id } : {}), name: encryptToString(name, key) };
      }),
      ciphers: batch.map((item) => encryptItem(item, key, s.organizationId)),
      collectionRelationships: batch.flatMap((item, index) =>
        item.collections.map((name) => ({ key: index, value: names.indexOf(name) })),
      ),
      folders: [] as [],
      folderRelationships: [] as [],
    }));
  }

  async function run(input: OrgIn<'org.import.run'>): Promise<OrgOut<'org.import.run'>> {
    const s = ctx.scope(input);
    const importId = input.importId ?? randomUUID();
    const { items, problems } = readImport(input.format, input.text);
    if (!items.length) {
      throw new DeskError('validation', `Nothing in the file can be imported. ${problems[0]?.reason ?? ''}`.trim());
    }
    let known = await knownCollections(s);
    const state = { sent: 0, imported: 0, failed: problems.length, collectionsCreated: 0 };
    const batchErrors: OrgOut<'org.import.run'>['batchErrors'] = [];
    const progress = (phase: ImportProgress['phase'], message: string | null = null) =>
      ctx.emit('org.import.progress', {
        accountId: s.accountId,
        organizationId: s.organizationId,
        importId,
        phase,
        total: items.length,
        sent: state.sent,
        imported: state.imported,
        failed: state.failed,
        message,
        at: new Date(ctx.now()).toISOString(),
      });
    progress('started');
    for (let start = 0; start < items.length; start += ctx.importBatchSize) {
      const batch = items.slice(start, start + ctx.importBatchSize);
      const rows = { firstRow: batch[0]!.row, lastRow: batch.at(-1)!.row };
      try {
        const body = await batchBody(s, batch, known);
        await ctx.call(s, (a) => importOrganization(a, s.organizationId, body));
        state.imported += batch.length;
        if (body.collections.some((c) => !c.id)) {
          const before = known.size;
          known = await knownCollections(s);
          state.collectionsCreated += known.size - before;
        }
      } catch (error) {
        if (!(error instanceof DeskError)) throw error;
        const stop = STOPPING.has(error.code);
        const refused = stop ? items.length - start : batch.length;
        state.failed += refused;
        batchErrors.push({ ...rows, ...(stop ? { lastRow: items.at(-1)!.row } : {}), reason: error.message });
        if (stop) {
          state.sent = items.length;
          progress('failed', error.message);
          return { importId, ...result(state, problems, batchErrors) };
        }
      }
      state.sent += batch.length;
      progress('batch');
    }
    progress('done');
    return { importId, ...result(state, problems, batchErrors) };
  }

  return { preview, run };
}

function result(
  state: { imported: number; failed: number; collectionsCreated: number },
  problems: ImportProblem[],
  batchErrors: OrgOut<'org.import.run'>['batchErrors'],
) {
  return {
    imported: state.imported,
    failed: state.failed,
    collectionsCreated: state.collectionsCreated,
    batchErrors,
    ...listed(problems),
  };
}
