import type { OrgCollection } from '$shared/contract/clientOrg';

/**
 * Collections nest by name: `Parent/Child` sits under `Parent` when that collection exists (bitwarden-api.md
 * §7.5). A child whose parent path does not exist stays at the top level with its full name, as the web vault
 * shows it. Names that could not be decrypted sort last and read as such.
 */
export interface CollectionNode {
  collection: OrgCollection;
  /** The full name, or a placeholder when it could not be decrypted. */
  fullName: string;
  /** The name below its parent: `Child` for `Parent/Child` under `Parent`. */
  label: string;
  /** 0 at the top level. */
  depth: number;
  /** Number of collections nested below it, at any depth. */
  descendants: number;
}

export const undecryptableName = 'Name cannot be decrypted';

export function fullNameOf(collection: Pick<OrgCollection, 'name'>): string {
  return collection.name ?? undecryptableName;
}

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

/** Parents before their children, siblings by name: the order of the Collections page and every picker. */
export function collectionTree(collections: readonly OrgCollection[]): CollectionNode[] {
  const byId = new Map(collections.map((c) => [c.id.toLowerCase(), c]));
  const children = new Map<string | null, OrgCollection[]>();
  for (const collection of collections) {
    const parentKey = collection.parentId?.toLowerCase() ?? null;
    // A parent that is not in the list (filtered out, or no access) leaves the child at the top.
    const key = parentKey && byId.has(parentKey) && parentKey !== collection.id.toLowerCase() ? parentKey : null;
    children.set(key, [...(children.get(key) ?? []), collection]);
  }
  const out: CollectionNode[] = [];
  const visited = new Set<string>();

  function walk(parent: OrgCollection | null, depth: number): number {
    const list = [...(children.get(parent?.id.toLowerCase() ?? null) ?? [])].sort(byName);
    let count = 0;
    for (const collection of list) {
      const key = collection.id.toLowerCase();
      if (visited.has(key)) continue;
      visited.add(key);
      const node: CollectionNode = {
        collection,
        fullName: fullNameOf(collection),
        label: labelUnder(collection, parent),
        depth,
        descendants: 0,
      };
      out.push(node);
      node.descendants = walk(collection, depth + 1);
      count += 1 + node.descendants;
    }
    return count;
  }

  walk(null, 0);
  return out;
}

function byName(a: OrgCollection, b: OrgCollection): number {
  if (a.name === null || b.name === null) return a.name === b.name ? 0 : a.name === null ? 1 : -1;
  return collator.compare(a.name, b.name);
}

function labelUnder(collection: OrgCollection, parent: OrgCollection | null): string {
  const name = fullNameOf(collection);
  if (!parent?.name || collection.name === null) return name;
  const prefix = `${parent.name}/`;
  return name.startsWith(prefix) ? name.slice(prefix.length) : name;
}

/** A collection and everything nested below it (what deleting it does not delete, but renaming moves). */
export function subtreeIds(nodes: readonly CollectionNode[], id: string): string[] {
  const start = nodes.findIndex((node) => node.collection.id === id);
  if (start === -1) return [];
  const node = nodes[start]!;
  return nodes.slice(start, start + 1 + node.descendants).map((n) => n.collection.id);
}
