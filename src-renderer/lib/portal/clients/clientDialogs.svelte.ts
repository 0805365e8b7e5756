import type { ClientRow } from './clientRows';

/**
 * Which client dialog is open, app-wide: the Clients grid and the command palette both open them here, and
 * `ClientDialogs` (in the frame, with the palette) shows the one asked for over whatever page is on screen.
 */
export type ClientDialogRequest =
  { kind: 'new' } | { kind: 'existing' } | { kind: 'seats' | 'rename' | 'unlink'; client: ClientRow };

export type ClientDialogKind = ClientDialogRequest['kind'];

export class ClientDialogState {
  current = $state.raw<ClientDialogRequest | null>(null);

  open(request: ClientDialogRequest): void {
    this.current = request;
  }

  close(): void {
    this.current = null;
  }

  isOpen(kind: ClientDialogKind): boolean {
    return this.current?.kind === kind;
  }
}

export const clientDialogs = new ClientDialogState();
