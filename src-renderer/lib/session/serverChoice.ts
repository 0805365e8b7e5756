import type { ServerEnvironment, ServerSummary } from '$shared/contract/session';

/**
 * The sign-in screen's `Server` choice as a form, and the contract's `ServerEnvironment` it stands for. The checks
 * mirror main's (https, or http on this computer only) so a typo is pointed at its field before any request; main
 * checks again.
 */
export type ServerKind = ServerEnvironment['kind'];

export interface ServerForm {
  kind: ServerKind;
  /** Self-hosted: one base URL with /api, /identity, /events under it. */
  baseUrl: string;
  /** Custom: separate service URLs (events optional). */
  apiUrl: string;
  identityUrl: string;
  eventsUrl: string;
  /** This computer: the local provider server's port; empty for the default (8443). */
  port: string;
}

export type ServerField = Exclude<keyof ServerForm, 'kind'>;
export type ServerErrors = Partial<Record<ServerField, string>>;

export const serverOptions: readonly { kind: ServerKind; label: string }[] = [
  { kind: 'bitwardenUs', label: 'Bitwarden US (bitwarden.com)' },
  { kind: 'bitwardenEu', label: 'Bitwarden EU (bitwarden.eu)' },
  { kind: 'selfHosted', label: 'Self-hosted' },
  { kind: 'local', label: 'This computer (local provider server)' },
  { kind: 'custom', label: 'Custom service URLs' },
];

export const emptyServerForm: ServerForm = {
  kind: 'bitwardenUs',
  baseUrl: '',
  apiUrl: '',
  identityUrl: '',
  eventsUrl: '',
  port: '',
};

export function serverFormFrom(server: ServerEnvironment | null | undefined): ServerForm {
  const form = { ...emptyServerForm };
  if (!server) return form;
  form.kind = server.kind;
  if (server.kind === 'selfHosted') form.baseUrl = server.baseUrl;
  if (server.kind === 'local' && server.port !== undefined) form.port = String(server.port);
  if (server.kind === 'custom') {
    form.apiUrl = server.apiUrl;
    form.identityUrl = server.identityUrl;
    form.eventsUrl = server.eventsUrl ?? '';
  }
  return form;
}

/**
 * The form for an account's server as main summarises it (to sign in again). A custom server's identity URL is
 * not part of the summary, so that form comes back with the API URL only.
 */
export function serverFormFromSummary(summary: ServerSummary): ServerForm {
  switch (summary.kind) {
    case 'bitwardenUs':
    case 'bitwardenEu':
      return serverFormFrom({ kind: summary.kind });
    case 'selfHosted':
      return serverFormFrom({ kind: 'selfHosted', baseUrl: summary.url });
    case 'local': {
      const port = /:(\d+)$/.exec(summary.url)?.[1];
      return serverFormFrom({ kind: 'local', ...(port ? { port: Number(port) } : {}) });
    }
    case 'custom':
      return { ...emptyServerForm, kind: 'custom', apiUrl: summary.url };
  }
}

const LOOPBACK = /^(localhost|127\.\d+\.\d+\.\d+|\[::1\])$/i;

/** A typed address as the contract wants it (`https://` added when no scheme was typed), or the reason it is not one. */
export function normalizeServerUrl(raw: string): { url: string } | { error: string } {
  const text = raw.trim();
  if (!text) return { error: 'Enter the server address, like https://vault.example.com' };
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return { error: `"${text}" is not a web address.` };
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOOPBACK.test(url.hostname))) {
    return { error: 'Use an https:// address (plain http is only allowed on this computer).' };
  }
  if (url.username || url.password || url.search || url.hash) {
    return { error: 'The server address must not contain a user name, query or fragment.' };
  }
  return { url: url.toString().replace(/\/+$/, '') };
}

export function serverFromForm(form: ServerForm): { server: ServerEnvironment } | { errors: ServerErrors } {
  const errors: ServerErrors = {};
  const url = (field: ServerField, optional = false): string | undefined => {
    if (optional && !form[field].trim()) return undefined;
    const result = normalizeServerUrl(form[field]);
    if ('error' in result) errors[field] = result.error;
    else return result.url;
    return undefined;
  };
  let server: ServerEnvironment | undefined;
  switch (form.kind) {
    case 'bitwardenUs':
    case 'bitwardenEu':
      server = { kind: form.kind };
      break;
    case 'selfHosted': {
      const baseUrl = url('baseUrl');
      if (baseUrl) server = { kind: 'selfHosted', baseUrl };
      break;
    }
    case 'local': {
      const text = form.port.trim();
      const port = Number(text);
      if (text && !(Number.isInteger(port) && port >= 1 && port <= 65535)) {
        errors.port = 'Enter a port number from 1 to 65535, or leave it empty for 8443.';
      } else server = text ? { kind: 'local', port } : { kind: 'local' };
      break;
    }
    case 'custom': {
      const apiUrl = url('apiUrl');
      const identityUrl = url('identityUrl');
      const eventsUrl = url('eventsUrl', true);
      if (apiUrl && identityUrl) server = { kind: 'custom', apiUrl, identityUrl, ...(eventsUrl ? { eventsUrl } : {}) };
      break;
    }
  }
  return Object.keys(errors).length > 0 || !server ? { errors } : { server };
}

const STORAGE_KEY = 'provider-desk:last-server';

/** The server of the last sign-in on this computer (not a secret: it preselects the choice next time). */
export function rememberedServer(storage: Storage | undefined = globalThis.localStorage): ServerEnvironment | null {
  try {
    const value = JSON.parse(storage?.getItem(STORAGE_KEY) ?? 'null') as unknown;
    if (!value || typeof value !== 'object') return null;
    const form = serverFormFrom(value as ServerEnvironment);
    if (!serverOptions.some((option) => option.kind === form.kind)) return null;
    const parsed = serverFromForm(form);
    return 'server' in parsed ? parsed.server : null;
  } catch {
    return null;
  }
}

export function rememberServer(server: ServerEnvironment, storage: Storage | undefined = globalThis.localStorage) {
  try {
    storage?.setItem(STORAGE_KEY, JSON.stringify(server));
  } catch {
    // Storage full or unavailable: the choice just is not preselected next time.
  }
}
