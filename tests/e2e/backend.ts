// The provider backend for end-to-end tests, started exactly as `npm start` starts it (scripts/localServer.mjs):
// the `serve` command over HTTPS with the generated local CA, email verification on, mail into the file outbox.
// Every backend of a run shares the template's `tls/` folder (one CA), so the browser shell under test trusts them
// the way a user's app does: through `localCaFor` and PD_DATA_DIR, nothing else. Users register as the official
// clients do, following the verification link the server mails.
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeRegistration, type KdfConfig } from '../../src-main/crypto/index';
import { outboxDir } from '../../src-server/mail/mailer';
import { startLocalServer } from '../../scripts/localServer.mjs';

export const TEMPLATE_ENV = 'DESK_E2E_DEMO_TEMPLATE';

export interface Backend {
  /** Base URL, `https://localhost:<port>`: what "This computer" with that port resolves to. */
  url: string;
  port: number;
  /** The server's data folder (database, `tls/`, `outbox/`). */
  dataDir: string;
  /** The generated CA's certificate (PEM): the only extra trust anything in the tests gets. */
  ca: string;
  /** Mail the server wrote to its outbox, oldest first. */
  outbox(): OutboxMail[];
  /** Stops the server and keeps its data folder. */
  stop(): Promise<void>;
  /** Stops the server and removes its data folder (again: no-op). */
  close(): Promise<void>;
}

export interface OutboxMail {
  to: string;
  subject: string;
  link?: string;
  meta?: Record<string, string>;
  [key: string]: unknown;
}

export interface RegisteredUser {
  email: string;
  password: string;
  name: string;
}

/** Bitwarden's default for new accounts: what a real sign-in pays for. */
export const DEFAULT_KDF: KdfConfig = { kdf: 0, iterations: 600_000 };

/** The seeded template folder of this run (globalSetup); its `tls/` is every test backend's. */
export function templateDir(): string {
  const template = process.env[TEMPLATE_ENV];
  if (!template) throw new Error(`${TEMPLATE_ENV} is not set: the Playwright globalSetup seeds the demo template.`);
  return template;
}

/**
 * Starts a backend on `dataDir` as `npm start` does (any free port, server warnings only). Without a data folder:
 * an empty one holding the run's CA.
 */
export async function startBackend(dataDir?: string): Promise<Backend> {
  const dir = dataDir ?? mkdtempSync(join(tmpdir(), 'desk-e2e-server-'));
  if (!dataDir) cpSync(join(templateDir(), 'tls'), join(dir, 'tls'), { recursive: true });
  return launch(dir, { seed: false });
}

/** `startLocalServer` with the e2e options; also used by globalSetup to seed the template with `seed-demo`. */
export async function launch(dataDir: string, o: { seed: boolean }): Promise<Backend> {
  const env = { ...process.env };
  delete env.NODE_EXTRA_CA_CERTS;
  const server = await startLocalServer({ dataDir, env, port: 0, seed: o.seed, quiet: true, log: () => {} });
  let closed: Promise<void> | null = null;
  return {
    url: server.url,
    port: server.port,
    dataDir,
    ca: readFileSync(server.caPath, 'utf8'),
    outbox: () => readOutbox(dataDir),
    stop: () => server.stop(),
    close() {
      closed ??= server.stop().then(() => rmSync(dataDir, { recursive: true, force: true }));
      return closed;
    },
  };
}

export function readOutbox(dataDir: string): OutboxMail[] {
  const dir = outboxDir(dataDir);
  let files: string[];
  try {
    files = readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .sort();
  } catch {
    return [];
  }
  return files.map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as OutboxMail);
}

/** Headers the official CLI sends (bitwarden-api.md §13.5); the identity service requires the version. */
export const CLI_HEADERS = {
  'Bitwarden-Client-Version': '2026.9.0',
  'Bitwarden-Client-Name': 'cli',
  'Device-Type': '25',
};

/** One HTTPS request to the backend, trusting its generated CA only. Throws on a status other than 2xx. */
export function call(
  backend: Pick<Backend, 'url' | 'ca'>,
  path: string,
  init: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = request(
      `${backend.url}${path}`,
      { method: init.method ?? 'POST', headers: { ...CLI_HEADERS, ...init.headers }, ca: backend.ca },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => {
          const status = res.statusCode ?? 0;
          if (status >= 200 && status < 300) resolve(text);
          else reject(new Error(`${path}: ${status} ${text}`));
        });
      },
    );
    req.on('error', reject);
    req.end(init.body);
  });
}

export const postJson = (backend: Pick<Backend, 'url' | 'ca'>, path: string, body: unknown, headers = {}) =>
  call(backend, path, { body: JSON.stringify(body), headers: { 'content-type': 'application/json', ...headers } });

/**
 * Follows the newest verification link mailed to `email` as the finish-signup page would: checks it points at the
 * backend (`https://localhost:<port>/…`), tells the server it was clicked, and returns its token.
 */
export async function followVerificationMail(backend: Backend, email: string): Promise<string> {
  const mail = backend
    .outbox()
    .filter((m) => m.to.toLowerCase() === email.toLowerCase() && m.subject === 'Verify your email')
    .at(-1);
  if (!mail?.link) throw new Error(`no verification mail for ${email} in the outbox`);
  if (!mail.link.startsWith(`${backend.url}/`))
    throw new Error(`the mailed link is not on ${backend.url}: ${mail.link}`);
  const fragment = new URLSearchParams(new URL(mail.link).hash.replace(/^#[^?]*\?/, ''));
  const token = fragment.get('token');
  if (!token || fragment.get('email')?.toLowerCase() !== email.toLowerCase())
    throw new Error(`the verification link has no token for ${email}: ${mail.link}`);
  await postJson(backend, '/identity/accounts/register/verification-email-clicked', {
    email,
    emailVerificationToken: token,
  });
  return token;
}

/**
 * Asks for the verification mail (send-verification-email answers 204, as with email verification on) and follows
 * its link from the outbox. Returns the token.
 */
export async function verifyEmail(backend: Backend, email: string, name: string): Promise<string> {
  const answer = await postJson(backend, '/identity/accounts/register/send-verification-email', { email, name });
  if (answer !== '') throw new Error(`send-verification-email answered with a body: email verification is off`);
  return followVerificationMail(backend, email);
}

/** Finishes a registration with a verified email's token: keys made here, as the official clients make them. */
export async function finishRegistration(
  backend: Backend,
  email: string,
  password: string,
  token: string,
  kdf: KdfConfig = DEFAULT_KDF,
): Promise<void> {
  const { payload } = await makeRegistration(email, password, kdf);
  await postJson(backend, '/identity/accounts/register/finish', { ...payload, emailVerificationToken: token });
}

/** Registers `email` the way the official clients do (keys made on the client, the server sees hashes only). */
export async function registerAs(
  backend: Backend,
  email: string,
  o: { name?: string; password?: string; kdf?: KdfConfig } = {},
): Promise<RegisteredUser> {
  const name = o.name ?? 'Ava Technician';
  const password = o.password ?? 'correct horse battery staple';
  const token = await verifyEmail(backend, email, name);
  await finishRegistration(backend, email, password, token, o.kdf);
  return { email, password, name };
}

let counter = 0;

/** A fresh user with a unique address. */
export function registerUser(
  backend: Backend,
  o: { name?: string; password?: string; kdf?: KdfConfig } = {},
): Promise<RegisteredUser> {
  return registerAs(backend, `e2e.${Date.now().toString(36)}.${++counter}@example.com`, o);
}
