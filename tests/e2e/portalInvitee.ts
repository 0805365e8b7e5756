// Helpers for the Members and Waiting end-to-end tests: a second browser shell (its own data folder and origin, as
// a second person's computer), a person registered with a chosen address through the backend's API, and an
// invitation accepted through the API (to make accepted-but-unconfirmed people without driving a second app).
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deriveMasterKey, hashMasterPassword, makeRegistration } from '../../src-main/crypto/index';
import { DEFAULT_KDF, type Backend, type RegisteredUser } from './backend';

/** Headers the official CLI sends (bitwarden-api.md §13.5); the identity service requires the version. */
const CLI_HEADERS = { 'Bitwarden-Client-Version': '2026.9.0', 'Bitwarden-Client-Name': 'cli', 'Device-Type': '25' };

const root = join(import.meta.dirname, '../..');

let counter = 0;
export const uniqueAddress = (prefix: string) =>
  `${prefix}.${Date.now().toString(36)}.${++counter}@northwind-msp.example`;

/** Starts another built browser shell; returns its launch URL and the function that stops it. */
export async function startSecondShell(): Promise<{ url: string; stop: () => void }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'desk-e2e-second-'));
  const child = spawn(process.execPath, [join(root, 'out/main/web.js'), '--no-open', '--data-dir', dataDir], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const match = /^Provider Desk: (\S+)\n/.exec(out);
      if (match) resolve(match[1]!);
    });
    child.on('exit', (code) => reject(new Error(`second browser shell exited with ${code}`)));
  });
  return { url, stop: () => child.kill('SIGTERM') };
}

async function post(backend: Backend, path: string, body: unknown, init: RequestInit = {}): Promise<string> {
  const response = await fetch(`${backend.url}${path}`, {
    method: 'POST',
    ...init,
    headers: { 'content-type': 'application/json', ...CLI_HEADERS, ...(init.headers ?? {}) },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${path}: ${response.status} ${text}`);
  return text;
}

/** Registers `email` the way the official clients do (keys made client-side). */
export async function registerAddress(backend: Backend, email: string, name: string): Promise<RegisteredUser> {
  const password = 'correct horse battery staple';
  const token = await post(backend, '/identity/accounts/register/send-verification-email', { email, name });
  const { payload } = await makeRegistration(email, password, DEFAULT_KDF);
  await post(backend, '/identity/accounts/register/finish', { ...payload, emailVerificationToken: token });
  return { email, password, name };
}

/** Signs `user` in at the identity service and accepts the provider invitation `link` with the API. */
export async function acceptThroughApi(backend: Backend, user: RegisteredUser, link: string): Promise<void> {
  const hash = await hashMasterPassword(
    await deriveMasterKey(user.password, user.email, DEFAULT_KDF),
    user.password,
    1,
  );
  const form = new URLSearchParams({
    grant_type: 'password',
    scope: 'api offline_access',
    client_id: 'cli',
    deviceType: '25',
    deviceIdentifier: randomUUID(),
    deviceName: 'linux',
    username: user.email,
    password: hash,
  });
  const token = JSON.parse(
    await post(backend, '/identity/connect/token', form.toString(), {
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    }),
  ) as { access_token: string };
  const params = new URL(link).searchParams;
  await post(
    backend,
    `/api/providers/${params.get('providerId')}/users/${params.get('providerUserId')}/accept`,
    { token: params.get('token') },
    { headers: { authorization: `Bearer ${token.access_token}` } },
  );
}
