import type { PaletteItem } from '../../palette/items';
import type { ClientGates } from './clientActions';
import type { ClientDialogRequest } from './clientDialogs.svelte';
import type { ClientFavouriteIds } from './favourites.svelte';
import { clientName, planLabel, type ClientRow } from './clientRows';

/**
 * The palette's clients and client actions (provider-portal.md §14.16: a keyboard-first switcher with recents and
 * pins). Pinned clients come first in the order they were pinned, then recently opened ones, newest first; the
 * frame lists those before its sections. The other clients follow, by name.
 */

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

export interface ClientPaletteItems {
  /** Pinned, then recent clients. */
  leading: PaletteItem[];
  /** Every other client, by name. */
  rest: PaletteItem[];
}

export function clientPaletteItems(
  clients: readonly ClientRow[],
  favourites: ClientFavouriteIds,
  open: (client: ClientRow) => void,
): ClientPaletteItems {
  const byOrg = new Map(clients.map((client) => [client.organizationId, client]));
  const item = (client: ClientRow, kind: string, preferred = false): PaletteItem => ({
    id: `client:${client.organizationId}`,
    label: clientName(client),
    kind,
    detail: planLabel(client.plan) || undefined,
    preferred,
    run: () => open(client),
  });
  const taken = new Set<string>();
  const leading: PaletteItem[] = [];
  for (const [ids, kind] of [
    [favourites.pinned, 'Pinned client'],
    [favourites.recent, 'Recent client'],
  ] as const) {
    for (const id of ids) {
      const client = byOrg.get(id);
      if (!client || taken.has(id)) continue;
      taken.add(id);
      leading.push(item(client, kind, true));
    }
  }
  const rest = clients
    .filter((client) => !taken.has(client.organizationId))
    .sort((a, b) => collator.compare(clientName(a), clientName(b)))
    .map((client) => item(client, 'Client'));
  return { leading, rest };
}

export interface ClientActionContext {
  gates: ClientGates;
  /** The client whose console is open, if any: its actions are offered by name. */
  current: ClientRow | null;
  pinned: boolean;
  openDialog: (request: ClientDialogRequest) => void;
  togglePin: (client: ClientRow) => void;
}

/**
 * Client actions for the palette. Each destructive or billing action names its client, so the palette never acts on
 * a tenant the person did not see named. Actions needing the server are still listed offline; their dialogs say why
 * they cannot run.
 */
export function clientActionItems({
  gates,
  current,
  pinned,
  openDialog,
  togglePin,
}: ClientActionContext): PaletteItem[] {
  const items: PaletteItem[] = [];
  if (gates.canAdd) {
    items.push(
      { id: 'action:client-new', label: 'New client', kind: 'Action', run: () => openDialog({ kind: 'new' }) },
      {
        id: 'action:client-existing',
        label: 'Add existing organization',
        kind: 'Action',
        run: () => openDialog({ kind: 'existing' }),
      },
    );
  }
  if (!current) return items;
  const name = clientName(current);
  const client = current;
  items.push(
    {
      id: 'action:client-seats',
      label: `Manage seats: ${name}`,
      kind: 'Action',
      run: () => openDialog({ kind: 'seats', client }),
    },
    {
      id: 'action:client-rename',
      label: `Rename ${name}`,
      kind: 'Action',
      run: () => openDialog({ kind: 'rename', client }),
    },
    {
      id: 'action:client-pin',
      label: pinned ? `Unpin ${name}` : `Pin ${name}`,
      kind: 'Action',
      run: () => togglePin(client),
    },
  );
  if (gates.canUnlink) {
    items.push({
      id: 'action:client-unlink',
      label: `Unlink ${name}…`,
      kind: 'Action',
      run: () => openDialog({ kind: 'unlink', client }),
    });
  }
  return items;
}
