/**
 * Reads provider setup and invitation links (provider-portal.md §10–11, bitwarden-api.md §6.3 "Email links"): the
 * emailed web links (with or without the web vault's `#/`) and Provider Desk's `providerdesk://` app links. The
 * result keeps the token: it stays in main.
 */
import { DeskError, type ServerEnvironment } from '../../../src-shared/contract';
import { checkServiceUrl } from '../../bitwarden/environments';

export const APP_LINK_SCHEME = 'providerdesk';

interface LinkBase {
  providerId: string;
  token: string;
  email: string | null;
  server: ServerEnvironment | null;
}
export type ParsedLink =
  | (LinkBase & { kind: 'setupProvider'; email: string })
  | (LinkBase & { kind: 'acceptProviderInvite'; providerUserId: string; providerName: string | null });

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const NOT_A_LINK = 'This is not a provider setup or invitation link.';

export function parseProviderLink(raw: string): ParsedLink {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new DeskError('validation', NOT_A_LINK);
  }
  const target = url.protocol === `${APP_LINK_SCHEME}:` ? appLinkTarget(url) : webLinkTarget(url);
  if (!target) throw new DeskError('validation', NOT_A_LINK);
  const { action, params, server } = target;
  const get = (name: string) => params.get(name)?.trim() || null;
  const providerId = guid(get('providerId'), 'provider id');
  const token = get('token');
  if (!token || token.length > 4096) throw new DeskError('validation', 'The link has no valid token: copy all of it.');
  const email = get('email')?.toLowerCase() ?? null;
  if (email !== null && !/^[^\s@]+@[^\s@]+$/.test(email))
    throw new DeskError('validation', 'The link has a bad email.');
  if (action === 'setup-provider') {
    if (!email) throw new DeskError('validation', 'The setup link has no email address: copy all of it.');
    return { kind: 'setupProvider', providerId, token, email, server };
  }
  const providerUserId = guid(get('providerUserId'), 'invitation id');
  return {
    kind: 'acceptProviderInvite',
    providerId,
    providerUserId,
    token,
    email,
    server,
    providerName: get('providerName')?.slice(0, 200) ?? null,
  };
}

interface Target {
  action: 'setup-provider' | 'accept-provider';
  params: URLSearchParams;
  server: ServerEnvironment | null;
}

function actionOf(segments: string[]): Target['action'] | null {
  const last = segments.at(-1);
  const before = segments.at(-2);
  if (last !== 'setup-provider' && last !== 'accept-provider') return null;
  return before === undefined || before === 'providers' ? last : null;
}

/** `providerdesk://providers/setup-provider?…&server=https://vault.example.com` (or without `providers/`). */
function appLinkTarget(url: URL): Target | null {
  const segments = [url.host, ...url.pathname.split('/')].filter(Boolean).map((s) => s.toLowerCase());
  const action = actionOf(segments);
  if (!action) return null;
  const base = url.searchParams.get('server');
  return { action, params: url.searchParams, server: base ? serverFromBase(base) : null };
}

/** `https://vault/providers/…?…` or `https://vault/#/providers/…?…`; the server is what precedes `providers`. */
function webLinkTarget(url: URL): Target | null {
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  const routed = url.hash.startsWith('#/') ? new URL(url.hash.slice(1), 'https://route.invalid') : url;
  const segments = routed.pathname.split('/').filter(Boolean);
  const index = segments.lastIndexOf('providers');
  if (index < 0 || index !== segments.length - 2) return null;
  const action = actionOf(segments.slice(index));
  if (!action) return null;
  const prefix = routed === url ? `/${segments.slice(0, index).join('/')}` : url.pathname;
  return { action, params: routed.searchParams, server: serverFromBase(url.origin + prefix) };
}

/** The server a link came from, as sign-in takes it; null when it is not one Provider Desk would talk to. */
export function serverFromBase(raw: string): ServerEnvironment | null {
  let url: URL;
  try {
    url = checkServiceUrl(raw.replace(/\/+$/, ''));
  } catch {
    return null;
  }
  const host = url.hostname.toLowerCase();
  if (url.protocol === 'https:' && host === 'vault.bitwarden.com') return { kind: 'bitwardenUs' };
  if (url.protocol === 'https:' && host === 'vault.bitwarden.eu') return { kind: 'bitwardenEu' };
  const root = url.toString().replace(/\/+$/, '');
  // The local backend (`npm start`), whichever loopback name its certificate covers the link uses.
  if (url.protocol === 'https:' && /^(localhost|127\.0\.0\.1|\[::1\])$/.test(host) && url.pathname === '/') {
    return { kind: 'local', port: Number(url.port || 443) };
  }
  return { kind: 'selfHosted', baseUrl: root };
}

function guid(value: string | null, what: string): string {
  if (!value || !GUID.test(value)) throw new DeskError('validation', `The link has no valid ${what}: copy all of it.`);
  return value.toLowerCase();
}
