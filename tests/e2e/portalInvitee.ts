// Helpers for the Members and Waiting end-to-end tests: a second browser shell (its own data folder and origin, as
// a second person's computer), a person registered with a chosen address through the backend's API, and an
// invitation accepted through the API (to make accepted-but-unconfirmed people without driving a second app).
import { randomUUID } from 'node:crypto';
import { deriveMasterKey, hashMasterPassword } from '../../src-main/crypto/index';
import { call, DEFAULT_KDF, registerAs, type Backend, type RegisteredUser } from './backend';
import { startShell } from './shell';

let counter = 0;
export const uniqueAddress = (prefix: string) =>
  `${prefix}.${Date.now().toString(36)}.${++counter}@northwind-msp.example`;

/** Starts another built browser shell (pointed at `backend` as npm start would); its launch URL and stop function. */
export async function startSecondShell(
  backend: Pick<Backend, 'port' | 'dataDir'>,
): Promise<{ url: string; stop: () => void }> {
  const shell = await startShell(backend, 'desk-e2e-second-');
  return { url: shell.url, stop: shell.stop };
}

/** Registers `email` the way the official clients do (keys made client-side), through the mailed verification link. */
export function registerAddress(backend: Backend, email: string, name: string): Promise<RegisteredUser> {
  return registerAs(backend, email, { name });
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
    await call(backend, '/identity/connect/token', {
      body: form.toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    }),
  ) as { access_token: string };
  const params = new URL(link).searchParams;
  await call(backend, `/api/providers/${params.get('providerId')}/users/${params.get('providerUserId')}/accept`, {
    body: JSON.stringify({ token: params.get('token') }),
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token.access_token}` },
  });
}
