import type { LinkInfo } from '$shared/contract/portal/links';
import { invoke, on } from '../../desk';

/**
 * The provider setup or invitation link being worked on (provider-portal.md §10–11). Main keeps the link's token
 * and hands out a `linkId`; this store keeps what the flow shows, so signing in, switching account or unlocking in
 * the middle of the flow (which remounts the page) does not lose the link.
 */
export class LinkStore {
  current = $state.raw<LinkInfo | null>(null);
  /** What happened last: the invitation accepted, or the provider set up. */
  outcome = $state.raw<
    | { kind: 'accepted'; providerId: string; providerName: string | null }
    | { kind: 'setUp'; providerId: string; name: string | null }
    | null
  >(null);

  /** Reads a pasted link (main validates it; a bad one fails with a readable message). */
  async open(url: string): Promise<LinkInfo> {
    const link = await invoke('links.parse', { url });
    this.show(link);
    return link;
  }

  show(link: LinkInfo): void {
    this.current = link;
    this.outcome = null;
  }

  /** The link the OS opened before any window listened (first launch by a link), once. */
  async takeOpened(): Promise<LinkInfo | null> {
    const { link } = await invoke('links.takeOpened');
    if (link) this.show(link);
    return link;
  }

  /** Follows `links.opened` pushes (the OS opened a `providerdesk://` link); returns the function that stops. */
  listen(onOpened: (link: LinkInfo) => void): () => void {
    return on('links.opened', (link) => {
      this.show(link);
      onOpened(link);
    });
  }

  finish(outcome: NonNullable<LinkStore['outcome']>): void {
    this.current = null;
    this.outcome = outcome;
  }

  reset(): void {
    this.current = null;
    this.outcome = null;
  }
}

export const linkStore = new LinkStore();
