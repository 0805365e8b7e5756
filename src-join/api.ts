/**
 * The backend calls the join pages make, same origin only (CSP connect-src 'self'). Requests look like the official
 * web vault's: `Bitwarden-Client-Name: web`, a client version, JSON bodies, the token endpoint as a form.
 * Error bodies are read in both casings and reduced to one readable message.
 */
export const CLIENT_VERSION = '2026.9.0';

/** An HTTP answer that is not 2xx, with the server's message and its parsed body. */
export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly body: Record<string, unknown>,
  ) {
    super(message);
  }
}

const pick = (o: Record<string, unknown>, ...names: string[]): unknown => {
  for (const name of names) if (o[name] != null) return o[name];
  return undefined;
};

/** The most useful text of a Bitwarden error body (bitwarden-accounts.md §0.3, token endpoint PascalCase keys). */
export function problemMessage(body: Record<string, unknown>, status: number): string {
  const model = pick(body, 'ErrorModel', 'errorModel') as Record<string, unknown> | undefined;
  const errors = pick(body, 'validationErrors', 'ValidationErrors') as Record<string, string[]> | undefined;
  const first = errors ? Object.values(errors).flat()[0] : undefined;
  const message = pick(body, 'message', 'Message');
  const candidates = [
    first,
    typeof message === 'string' && message !== 'The model state is invalid.' ? message : undefined,
    model ? pick(model, 'Message', 'message') : undefined,
    pick(body, 'error_description'),
  ];
  const found = candidates.find((c): c is string => typeof c === 'string' && c.length > 0);
  return found ?? `The server answered ${status}.`;
}

function parseJson(text: string): unknown {
  try {
    return text ? JSON.parse(text) : null;
  } catch {
    return null;
  }
}

interface Call {
  method?: 'GET' | 'POST';
  json?: unknown;
  form?: Record<string, string>;
  token?: string;
}

export async function call<T = Record<string, unknown>>(path: string, c: Call = {}): Promise<T> {
  const headers: Record<string, string> = {
    accept: 'application/json',
    'Bitwarden-Client-Name': 'web',
    'Bitwarden-Client-Version': CLIENT_VERSION,
    'Device-Type': String(browserDevice().type),
  };
  let body: string | undefined;
  if (c.json !== undefined) {
    headers['content-type'] = 'application/json; charset=utf-8';
    body = JSON.stringify(c.json);
  } else if (c.form) {
    headers['content-type'] = 'application/x-www-form-urlencoded; charset=utf-8';
    body = new URLSearchParams(c.form).toString();
  }
  if (c.token) headers.authorization = `Bearer ${c.token}`;
  let response: Response;
  try {
    response = await fetch(path, {
      method: c.method ?? (body === undefined ? 'GET' : 'POST'),
      headers,
      body,
      credentials: 'omit',
      cache: 'no-store',
      referrerPolicy: 'no-referrer',
    });
  } catch {
    throw new ApiProblem(0, 'The server cannot be reached. Check your connection and try again.', {});
  }
  const text = await response.text();
  const parsed = parseJson(text);
  if (!response.ok) {
    const o = parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : {};
    throw new ApiProblem(response.status, problemMessage(o, response.status), o);
  }
  return parsed as T;
}

/** DeviceType numbers of browsers (ChromeBrowser 9, FirefoxBrowser 10, EdgeBrowser 12, SafariBrowser 17). */
export function browserDevice(agent = globalThis.navigator?.userAgent ?? ''): { type: number; name: string } {
  if (/Firefox\//.test(agent)) return { type: 10, name: 'firefox' };
  if (/Edg\//.test(agent)) return { type: 12, name: 'edge' };
  if (/Chrom(e|ium)\//.test(agent)) return { type: 9, name: 'chrome' };
  if (/Safari\//.test(agent)) return { type: 17, name: 'safari' };
  return { type: 14, name: 'browser' };
}

/** One identifier per browser profile, like the web vault's; not a secret. */
export function deviceIdentifier(): string {
  const key = 'providerDesk.join.deviceIdentifier';
  try {
    const known = localStorage.getItem(key);
    if (known) return known;
    const made = crypto.randomUUID();
    localStorage.setItem(key, made);
    return made;
  } catch {
    return crypto.randomUUID();
  }
}
