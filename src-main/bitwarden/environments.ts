/**
 * Server environments (bitwarden-api.md §1): Bitwarden cloud US/EU, a self-hosted base URL, separate service
 * URLs, or the Provider Desk backend on this computer.
 */
import { X509Certificate } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { DeskError, type ServerEnvironment, type ServerSummary } from '../../src-shared/contract';

export interface ServiceUrls {
  api: string;
  identity: string;
  events: string;
  summary: ServerSummary;
}

/** The local backend's default port (`npm run server -- serve`). */
export const LOCAL_SERVER_PORT = 8443;

const LOOPBACK = /^(localhost|127\.\d+\.\d+\.\d+|\[::1\])$/i;

/** Parses and checks one service URL: https, or http on loopback only; no query, fragment or credentials. */
export function checkServiceUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new DeskError('validation', `"${raw}" is not a web address.`);
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOOPBACK.test(url.hostname))) {
    throw new DeskError('validation', 'Use an https:// address (plain http is only allowed on this computer).');
  }
  if (url.username || url.password || url.search || url.hash) {
    throw new DeskError('validation', 'The server address must not contain a user name, query or fragment.');
  }
  return url;
}

const trimSlash = (url: URL) => url.toString().replace(/\/+$/, '');
const labelOf = (url: URL) => url.host;

export function resolveEnvironment(env: ServerEnvironment): ServiceUrls {
  switch (env.kind) {
    case 'bitwardenUs':
      return cloud('bitwardenUs', 'bitwarden.com');
    case 'bitwardenEu':
      return cloud('bitwardenEu', 'bitwarden.eu');
    case 'selfHosted':
      return underBase(checkServiceUrl(env.baseUrl), 'selfHosted');
    case 'local':
      return underBase(new URL(`https://localhost:${env.port ?? LOCAL_SERVER_PORT}`), 'local');
    case 'custom': {
      const api = checkServiceUrl(env.apiUrl);
      const identity = checkServiceUrl(env.identityUrl);
      const events = env.eventsUrl ? checkServiceUrl(env.eventsUrl) : null;
      return {
        api: trimSlash(api),
        identity: trimSlash(identity),
        events: events ? trimSlash(events) : trimSlash(api).replace(/\/api$/, '/events'),
        summary: { kind: 'custom', label: labelOf(api), url: trimSlash(api) },
      };
    }
  }
}

function cloud(kind: 'bitwardenUs' | 'bitwardenEu', domain: string): ServiceUrls {
  return {
    api: `https://api.${domain}`,
    identity: `https://identity.${domain}`,
    events: `https://events.${domain}`,
    summary: { kind, label: domain, url: `https://vault.${domain}` },
  };
}

function underBase(base: URL, kind: 'selfHosted' | 'local'): ServiceUrls {
  const root = trimSlash(base);
  return {
    api: `${root}/api`,
    identity: `${root}/identity`,
    events: `${root}/events`,
    summary: { kind, label: kind === 'local' ? `This computer (${base.host})` : labelOf(base), url: root },
  };
}

/** A stable key for "the same server", whatever way its address was typed. */
export function serverKey(urls: ServiceUrls): string {
  return urls.identity.toLowerCase();
}

/** The local backend's data folder: `PD_DATA_DIR`, else the same OS rule as the backend's default. */
export function localServerDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  return (
    env.PD_DATA_DIR ||
    (platform === 'win32'
      ? join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Provider Desk Server')
      : platform === 'darwin'
        ? join(homedir(), 'Library', 'Application Support', 'Provider Desk Server')
        : join(env.XDG_DATA_HOME ?? join(homedir(), '.local', 'share'), 'provider-desk-server'))
  );
}

function readText(file: string): string | null {
  try {
    return existsSync(file) ? readFileSync(file, 'utf8') : null;
  } catch {
    return null;
  }
}

/**
 * The certificate authority the local backend generated for itself (`--tls-self-signed`), so "This computer"
 * works without trusting it system-wide. Same folder rule as the backend's default data directory.
 */
export function localServerCa(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string | null {
  return readText(join(localServerDataDir(env, platform), 'tls', 'ca.crt'));
}

/**
 * The local CA to trust for `url`, or null: only when the local backend's generated certificate
 * (`<data dir>/tls/server.crt`, issued by its `ca.crt`) names the URL's host among its subject alternative names
 * (localhost, 127.0.0.1, ::1 and the `--host` it was made for). Any other host gets no extra trust.
 */
export function localCaFor(
  url: string,
  env: NodeJS.ProcessEnv = process.env,
  platform = process.platform,
): string | null {
  let host: string;
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'https:') return null;
    host = parsed.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  } catch {
    return null;
  }
  const dir = join(localServerDataDir(env, platform), 'tls');
  const caText = readText(join(dir, 'ca.crt'));
  const certText = readText(join(dir, 'server.crt'));
  if (!caText || !certText) return null;
  try {
    const ca = new X509Certificate(caText);
    const cert = new X509Certificate(certText);
    if (!cert.checkIssued(ca) || !cert.verify(ca.publicKey)) return null;
    const covered = isIP(host) ? cert.checkIP(host) : cert.checkHost(host, { subject: 'never', wildcards: false });
    return covered ? caText : null;
  } catch {
    return null;
  }
}
