// A small HTTP client for server tests: JSON and form bodies, bearer tokens, parsed responses.
export interface HttpResponse<T = any> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

export interface RequestOptions {
  json?: unknown;
  form?: Record<string, string>;
  raw?: string;
  contentType?: string;
  token?: string;
  headers?: Record<string, string>;
}

/** Headers the official CLI sends on identity requests (bitwarden-api.md §13.5). */
export const CLI_HEADERS = {
  'Bitwarden-Client-Version': '2026.9.0',
  'Bitwarden-Client-Name': 'cli',
  'Device-Type': '25',
};

export class HttpClient {
  constructor(readonly baseUrl: string) {}

  async request<T = any>(method: string, path: string, o: RequestOptions = {}): Promise<HttpResponse<T>> {
    const headers: Record<string, string> = { ...o.headers };
    let body: string | undefined;
    if (o.json !== undefined) {
      headers['content-type'] = o.contentType ?? 'application/json; charset=utf-8';
      body = JSON.stringify(o.json);
    } else if (o.form) {
      headers['content-type'] = 'application/x-www-form-urlencoded; charset=utf-8';
      body = new URLSearchParams(o.form).toString();
    } else if (o.raw !== undefined) {
      headers['content-type'] = o.contentType ?? 'application/json';
      body = o.raw;
    }
    if (o.token) headers.authorization = `Bearer ${o.token}`;
    const res = await fetch(this.baseUrl + path, { method, headers, body });
    const text = await res.text();
    let parsed: unknown = text;
    if (text && (res.headers.get('content-type') ?? '').includes('json')) parsed = JSON.parse(text);
    return { status: res.status, headers: res.headers, body: parsed as T, text };
  }

  get = <T = any>(path: string, o?: RequestOptions) => this.request<T>('GET', path, o);
  post = <T = any>(path: string, o?: RequestOptions) => this.request<T>('POST', path, o);
  put = <T = any>(path: string, o?: RequestOptions) => this.request<T>('PUT', path, o);
  delete = <T = any>(path: string, o?: RequestOptions) => this.request<T>('DELETE', path, o);

  /** POST /identity/connect/token with CLI headers. */
  token<T = any>(form: Record<string, string>, headers: Record<string, string> = CLI_HEADERS) {
    return this.post<T>('/identity/connect/token', { form, headers });
  }
}
