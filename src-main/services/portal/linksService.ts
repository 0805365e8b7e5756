/**
 * Setup and invitation links (provider-portal.md §10–11): parse a pasted or OS-opened link, remember its token in
 * main under a `linkId`, then set up the provider (a new provider key wrapped to the account's own public key,
 * crypto.md §8.3) or accept the invitation (a provider admin still has to confirm it).
 */
import { randomUUID } from 'node:crypto';
import { DeskError, type LinkInfo, type PushEventName, type PushEventPayload } from '../../../src-shared/contract';
import { resolveEnvironment } from '../../bitwarden/environments';
import { acceptProviderInvite, setupProvider } from '../../bitwarden/providerAdminApi';
import { makeProviderSetup, wipe } from '../../crypto';
import type { SessionService } from '../../session/sessionService';
import { parseProviderLink, type ParsedLink } from './linkParser';
import type { Parsed } from './parsed';
import type { PortalContext } from './portalContext';

const MAX_LINKS = 20;

export interface LinksDeps {
  ctx: PortalContext;
  session: Pick<SessionService, 'state'>;
  emit: <E extends PushEventName>(event: E, payload: PushEventPayload<E>) => void;
}

export function createLinksService(deps: LinksDeps) {
  const { ctx } = deps;
  const links = new Map<string, ParsedLink>();
  let opened: string | null = null;

  function remember(link: ParsedLink): string {
    const linkId = randomUUID();
    links.set(linkId, link);
    for (const oldest of links.keys()) {
      if (links.size <= MAX_LINKS) break;
      links.delete(oldest);
    }
    return linkId;
  }

  function serverUrl(link: ParsedLink): string | null {
    try {
      return link.server ? resolveEnvironment(link.server).summary.url.toLowerCase() : null;
    } catch {
      return null;
    }
  }

  function info(linkId: string, link: ParsedLink): LinkInfo {
    const url = serverUrl(link);
    const { accounts, activeAccountId } = deps.session.state();
    const matches = accounts.filter(
      (a) => (!link.email || a.email === link.email) && (!url || a.server.url.toLowerCase() === url),
    );
    const match = matches.find((a) => a.id === activeAccountId) ?? matches[0];
    const base = {
      linkId,
      providerId: link.providerId,
      email: link.email,
      server: link.server,
      serverLabel: link.server ? resolveEnvironment(link.server).summary.label : null,
      matchingAccountId: match?.id ?? null,
    };
    return link.kind === 'setupProvider'
      ? { kind: 'setupProvider', ...base }
      : { kind: 'acceptProviderInvite', ...base, providerUserId: link.providerUserId, providerName: link.providerName };
  }

  function take<K extends ParsedLink['kind']>(linkId: string, kind: K): Extract<ParsedLink, { kind: K }> {
    const link = links.get(linkId);
    if (!link) throw new DeskError('not_found', 'That link is no longer open in Provider Desk. Paste it again.');
    if (link.kind !== kind) throw new DeskError('validation', 'That link is for another step.');
    return link as Extract<ParsedLink, { kind: K }>;
  }

  /** The account to act as, which must be the one the link was sent to. */
  function accountFor(link: ParsedLink, accountId: string | undefined): string {
    const id = ctx.accountOf(accountId);
    const account = deps.session.state().accounts.find((a) => a.id === id);
    if (link.email && account?.email !== link.email) {
      throw new DeskError('forbidden', `This link was sent to ${link.email}. Sign in with that account to use it.`);
    }
    return id;
  }

  return {
    parse(input: Parsed<'links.parse'>): LinkInfo {
      const link = parseProviderLink(input.url);
      return info(remember(link), link);
    },

    /** A link the OS handed to the app (`providerdesk://`, or a web link on the command line). */
    open(url: string): boolean {
      let link: ParsedLink;
      try {
        link = parseProviderLink(url);
      } catch {
        console.warn('[desk] ignored an opened link that is not a provider setup or invitation link');
        return false;
      }
      opened = remember(link);
      deps.emit('links.opened', info(opened, link));
      return true;
    },

    /** The link opened before the window listened (first launch by a link); handed out once. */
    takeOpened() {
      const linkId = opened;
      opened = null;
      const link = linkId ? links.get(linkId) : undefined;
      return { link: linkId && link ? info(linkId, link) : null };
    },

    async setupProvider(input: Parsed<'links.setupProvider'>) {
      const link = take(input.linkId, 'setupProvider');
      const accountId = accountFor(link, input.accountId);
      const ring = ctx.keys(accountId);
      const publicKey = ring.publicKey();
      if (!publicKey)
        throw new DeskError('forbidden', 'This account has no key pair yet; log in to the web vault once.');
      const { payload, secrets } = makeProviderSetup(publicKey);
      wipe(secrets.providerKey);
      const body = {
        name: input.name,
        billingEmail: input.billingEmail,
        token: link.token,
        key: payload.key,
        ...(input.billingAddress ? { billingAddress: input.billingAddress } : {}),
      };
      const provider = await ctx.call(accountId, (a) => setupProvider(a, link.providerId, body));
      links.delete(input.linkId);
      ring.addProviderKey(link.providerId, payload.key);
      ctx.refresh(accountId);
      return { providerId: link.providerId, name: provider.name };
    },

    async acceptProviderInvite(input: Parsed<'links.acceptProviderInvite'>) {
      const link = take(input.linkId, 'acceptProviderInvite');
      const accountId = accountFor(link, input.accountId);
      await ctx.call(accountId, (a) => acceptProviderInvite(a, link.providerId, link.providerUserId, link.token));
      links.delete(input.linkId);
      ctx.refresh(accountId);
      return { providerId: link.providerId, providerName: link.providerName, confirmationPending: true as const };
    },
  };
}

export type LinksService = ReturnType<typeof createLinksService>;
