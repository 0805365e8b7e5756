// The provider backend for end-to-end tests: a real server (src-server) on a temp SQLite folder, plain http on
// 127.0.0.1 (main accepts http:// on loopback), and users registered with the client's real crypto.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeRegistration, type KdfConfig } from '../../src-main/crypto/index';
import { createServer } from '../../src-server/app';
import { parseConfig } from '../../src-server/config';

export interface Backend {
  /** Base URL, e.g. `http://127.0.0.1:41234`: what the sign-in screen's Self-hosted field takes. */
  url: string;
  close(): Promise<void>;
}

export interface RegisteredUser {
  email: string;
  password: string;
  name: string;
}

/** Bitwarden's default for new accounts: what a real sign-in pays for. */
export const DEFAULT_KDF: KdfConfig = { kdf: 0, iterations: 600_000 };

export async function startBackend(): Promise<Backend> {
  const dataDir = mkdtempSync(join(tmpdir(), 'desk-e2e-server-'));
  const config = parseConfig({
    dataDir,
    host: '127.0.0.1',
    port: 0,
    insecureHttp: true,
    logLevel: 'silent',
    // send-verification-email answers with the token, as a self-hosted Bitwarden does by default.
    emailVerification: false,
  });
  const server = await createServer(config);
  const url = await server.listen();
  return {
    url,
    async close() {
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

let counter = 0;

/** Registers a user the way the official clients do (keys made on the client, the server sees hashes only). */
export async function registerUser(
  backend: Backend,
  o: { name?: string; password?: string; kdf?: KdfConfig } = {},
): Promise<RegisteredUser> {
  const email = `e2e.${Date.now().toString(36)}.${++counter}@example.com`;
  const name = o.name ?? 'Ava Technician';
  const password = o.password ?? 'correct horse battery staple';
  const sent = await post(backend, '/identity/accounts/register/send-verification-email', { email, name });
  const { payload } = await makeRegistration(email, password, o.kdf ?? DEFAULT_KDF);
  await post(backend, '/identity/accounts/register/finish', { ...payload, emailVerificationToken: sent });
  return { email, password, name };
}

async function post(backend: Backend, path: string, body: unknown): Promise<string> {
  const response = await fetch(`${backend.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${path}: ${response.status} ${text}`);
  return text;
}
