// A real server over HTTPS with the self-signed test CA for the CLI. The test process itself talks to the
// same server through Fastify's `inject` (it does not trust the test CA), with the same request options.
import type { FastifyInstance } from 'fastify';
import { startTestServer, type Backend, type TestServer } from '../server/harness';
import { HttpClient, type HttpResponse, type RequestOptions } from '../server/http';

class InjectClient extends HttpClient {
  constructor(
    baseUrl: string,
    private readonly app: FastifyInstance,
  ) {
    super(baseUrl);
  }

  override async request<T = any>(method: string, path: string, o: RequestOptions = {}): Promise<HttpResponse<T>> {
    const headers: Record<string, string> = { ...o.headers };
    let payload: string | undefined;
    if (o.json !== undefined) {
      headers['content-type'] = o.contentType ?? 'application/json; charset=utf-8';
      payload = JSON.stringify(o.json);
    } else if (o.form) {
      headers['content-type'] = 'application/x-www-form-urlencoded; charset=utf-8';
      payload = new URLSearchParams(o.form).toString();
    } else if (o.raw !== undefined) {
      headers['content-type'] = o.contentType ?? 'application/json';
      payload = o.raw;
    }
    if (o.token) headers.authorization = `Bearer ${o.token}`;
    const res = await this.app.inject({
      method: method as 'GET',
      url: path,
      headers,
      ...(payload === undefined ? {} : { payload }),
    });
    const text = res.body;
    const type = String(res.headers['content-type'] ?? '');
    const body = (text && type.includes('json') ? JSON.parse(text) : text) as T;
    return {
      status: res.statusCode,
      headers: new Headers(Object.entries(res.headers).map(([k, v]) => [k, String(v)])),
      body,
      text,
    };
  }
}

export interface TlsTestServer extends TestServer {
  caPath: string;
}

export async function startTlsServer(backend: Backend): Promise<TlsTestServer> {
  const t = await startTestServer(backend, { insecureHttp: false, tlsSelfSigned: true });
  const caPath = t.server.tls?.caPath;
  if (!caPath) throw new Error('the test server has no CA');
  t.http = new InjectClient(t.url, t.server.app);
  return Object.assign(t, { caPath });
}
