/**
 * Collections (bitwarden-api.md §7.5): names are EncStrings under the org key, decrypted and encrypted here.
 * Nesting is by name, `Parent/Child`; nesting under a parent stores `<parent name>/<name>`.
 */
import { DeskError } from '../../../src-shared/contract/errors';
import type { OrgCollection } from '../../../src-shared/contract/clientOrg';
import {
  collectionNameLengthError,
  maxEncryptedCollectionName,
} from '../../../src-shared/contract/clientOrg/collections';
import { encryptToString } from '../../crypto';
import {
  createCollection,
  deleteCollections,
  fetchCollectionDetails,
  fetchCollections,
  updateCollection,
} from '../../bitwarden/orgAdminApi';
import type { WireCollection } from '../../bitwarden/orgAdminSchemas';
import { fromSelections, toSelections } from './access';
import type { OrgIn, OrgOut } from './channelTypes';
import type { OrgContext, OrgScope } from './orgContext';

const DEFAULT_USER_COLLECTION = 1;

/** Segments trimmed, joined with `/`. */
const normalized = (name: string) =>
  name
    .split('/')
    .map((part) => part.trim())
    .join('/');

export function createCollectionsService(ctx: OrgContext) {
  /** Display rows, sorted by name; parents found among `known` (by decrypted name). */
  function shape(s: OrgScope, wires: WireCollection[], known: WireCollection[] = wires): OrgCollection[] {
    const names = new Map(known.concat(wires).map((w) => [w.id.toLowerCase(), ctx.decrypt(s, w.name)]));
    const idByName = new Map([...names].filter(([, name]) => name !== null).map(([id, name]) => [name, id]));
    return wires
      .map((w): OrgCollection => {
        const name = names.get(w.id.toLowerCase()) ?? null;
        const path = name ? name.split('/') : [];
        const parentName = path.length > 1 ? path.slice(0, -1).join('/') : null;
        return {
          id: w.id.toLowerCase(),
          name,
          path,
          parentId: parentName ? (idByName.get(parentName) ?? null) : null,
          externalId: w.externalId,
          kind: w.type === DEFAULT_USER_COLLECTION ? 'defaultUser' : 'shared',
          defaultUserEmail: w.defaultUserCollectionEmail,
          groups: fromSelections(w.groups),
          members: fromSelections(w.users),
          unmanaged: w.unmanaged,
        };
      })
      .sort((a, b) => (a.name ?? '\uffff').localeCompare(b.name ?? '\uffff'));
  }

  async function encryptName(s: OrgScope, name: string): Promise<string> {
    const tooLong = collectionNameLengthError(name);
    if (tooLong) throw new DeskError('validation', tooLong);
    const encrypted = await ctx.withOrgKey(s, (key) => encryptToString(name, key));
    if (encrypted.length > maxEncryptedCollectionName) {
      throw new DeskError('validation', 'The collection name (with its parents) is too long. Shorten it.');
    }
    return encrypted;
  }

  function parentName(s: OrgScope, all: WireCollection[], parentId: string): string {
    const parent = all.find((c) => c.id.toLowerCase() === parentId);
    if (!parent) throw new DeskError('not_found', 'The parent collection is not in this organization.');
    const name = ctx.decrypt(s, parent.name);
    if (name === null) throw new DeskError('validation', "The parent collection's name cannot be read.");
    return name;
  }

  async function list(input: OrgIn<'org.collections.list'>): Promise<OrgOut<'org.collections.list'>> {
    const s = ctx.scope(input);
    const wires = await ctx.call(s, (a) =>
      input.includeAccess ? fetchCollectionDetails(a, s.organizationId) : fetchCollections(a, s.organizationId),
    );
    await ctx.hasOrgKey(s);
    return { collections: shape(s, wires), accessIncluded: input.includeAccess };
  }

  async function create(input: OrgIn<'org.collections.create'>): Promise<OrgOut<'org.collections.create'>> {
    const s = ctx.scope(input);
    const all = await ctx.call(s, (a) => fetchCollections(a, s.organizationId));
    const own = normalized(input.name);
    const full = input.parentId ? `${parentName(s, all, input.parentId)}/${own}` : own;
    const name = await encryptName(s, full);
    const created = await ctx.call(s, (a) =>
      createCollection(a, s.organizationId, {
        name,
        externalId: input.externalId ?? null,
        groups: toSelections(input.groups),
        users: toSelections(input.members),
      }),
    );
    return { collection: shape(s, [created], all)[0]! };
  }

  /** The new full name, or undefined when name and parent stay as they are. */
  function renamed(
    s: OrgScope,
    all: WireCollection[],
    current: WireCollection,
    input: OrgIn<'org.collections.update'>,
  ) {
    if (input.name === undefined && input.parentId === undefined) return undefined;
    const currentName = ctx.decrypt(s, current.name);
    const path = currentName?.split('/') ?? [];
    const own = input.name !== undefined ? normalized(input.name) : path.at(-1);
    if (own === undefined) throw new DeskError('validation', "The collection's name cannot be read; enter a new one.");
    let parent: string | null;
    if (input.parentId === null) parent = null;
    else if (input.parentId !== undefined) {
      parent = parentName(s, all, input.parentId);
      const id = current.id.toLowerCase();
      if (input.parentId === id || (currentName && (parent === currentName || parent.startsWith(`${currentName}/`)))) {
        throw new DeskError('validation', 'A collection cannot be nested under itself or one of its children.');
      }
    } else parent = path.length > 1 ? path.slice(0, -1).join('/') : null;
    const full = parent ? `${parent}/${own}` : own;
    return full === currentName ? undefined : full;
  }

  async function update(input: OrgIn<'org.collections.update'>): Promise<OrgOut<'org.collections.update'>> {
    const s = ctx.scope(input);
    const all = await ctx.call(s, (a) => fetchCollections(a, s.organizationId));
    const current = all.find((c) => c.id.toLowerCase() === input.id);
    if (!current) throw new DeskError('not_found', 'That collection is not in this organization.');
    if (current.type === DEFAULT_USER_COLLECTION) {
      throw new DeskError('validation', "A member's My Items collection cannot be edited.");
    }
    const full = renamed(s, all, current, input);
    const name = full === undefined ? undefined : await encryptName(s, full);
    const updated = await ctx.call(s, (a) =>
      updateCollection(a, s.organizationId, input.id, {
        ...(name ? { name } : {}),
        ...(input.groups ? { groups: toSelections(input.groups) } : {}),
        ...(input.members ? { users: toSelections(input.members) } : {}),
      }),
    );
    return { collection: shape(s, [updated], all)[0]! };
  }

  async function remove(input: OrgIn<'org.collections.delete'>): Promise<OrgOut<'org.collections.delete'>> {
    const s = ctx.scope(input);
    await ctx.call(s, (a) => deleteCollections(a, s.organizationId, input.ids));
    return { deleted: input.ids.length };
  }

  return { list, create, update, remove };
}
