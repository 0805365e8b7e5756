// A small Bitwarden identity + API stand-in for session unit tests, with accounts made by the real client crypto
// (makeRegistration), so sign-in really derives, hashes and unlocks. Integration tests use the real backend.
import { randomUUID } from 'node:crypto';
import type { Transport, TransportRequest, TransportResponse } from '../../../../src-main/bitwarden/http';
import { makeRegistration, type KdfConfig } from '../../../../src-main/crypto';

export const FAST_KDF: KdfConfig = { kdf: 1, iterations: 2, memory: 16, parallelism: 1 };

export interface FakeAccount {
  userId: string;
  email: string;
  password: string;
  kdf: KdfConfig;
  passwordHash: string;
  key: string;
  privateKey: string;
  publicKey: string;
}

export async function fakeAccount(
  email = 'pat@example.com',
  password = 'correct horse battery staple',
): Promise<FakeAccount> {
  const { payload } = await makeRegistration(email, password, FAST_KDF);
  return {
    userId: randomUUID(),
    email,
    password,
    kdf: FAST_KDF,
    passwordHash: payload.masterPasswordHash,
    key: payload.userSymmetricKey,
    privateKey: payload.userAsymmetricKeys.encryptedPrivateKey,
    publicKey: payload.userAsymmetricKeys.publicKey,
  };
}

export function unsignedJwt(claims: Record<string, unknown>): string {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'none' })}.${part(claims)}.sig`;
}

const reply = (status: number, body: unknown): TransportResponse => ({
  status,
  headers: { 'content-type': 'application/json' },
  text: body === null ? '' : JSON.stringify(body),
});

export interface FakeServer {
  transport: Transport;
  requests: TransportRequest[];
  /** Answer every request with this network error code (offline), or null. */
  failWith: string | null;
  twoFactorCode: string | null;
  prelogin: Record<string, unknown> | null;
  refreshes: number;
}

/** Serves one account: prelogin, password / refresh grants, the profile. */
export function fakeServer(account: FakeAccount, now: () => number = Date.now): FakeServer {
  let refreshToken = 'refresh-0';
  const server: FakeServer = {
    requests: [],
    failWith: null,
    twoFactorCode: null,
    prelogin: null,
    refreshes: 0,
    transport: async (request) => {
      server.requests.push(request);
      if (server.failWith) throw Object.assign(new Error(server.failWith), { code: server.failWith });
      const path = new URL(request.url).pathname;
      if (path.endsWith('/accounts/prelogin/password')) {
        return reply(
          200,
          server.prelogin ?? {
            kdf: account.kdf.kdf,
            kdfIterations: account.kdf.iterations,
            kdfMemory: account.kdf.memory,
            kdfParallelism: account.kdf.parallelism,
          },
        );
      }
      if (path.endsWith('/connect/token')) return token(new URLSearchParams(request.body));
      if (path.endsWith('/accounts/profile')) {
        return reply(200, {
          id: account.userId,
          email: account.email,
          name: 'Pat',
          key: account.key,
          privateKey: account.privateKey,
          providers: [],
          providerOrganizations: [],
        });
      }
      return reply(404, { message: 'Resource not found.' });
    },
  };

  const tokens = () => ({
    access_token: unsignedJwt({
      sub: account.userId,
      email: account.email,
      name: 'Pat',
      exp: Math.floor(now() / 1000) + 3600,
    }),
    expires_in: 3600,
    token_type: 'Bearer',
    refresh_token: refreshToken,
  });

  function token(form: URLSearchParams): TransportResponse {
    const grant = form.get('grant_type');
    if (grant === 'refresh_token') {
      if (form.get('refresh_token') !== refreshToken) return reply(400, { error: 'invalid_grant' });
      server.refreshes++;
      refreshToken = `refresh-${server.refreshes}`;
      return reply(200, tokens());
    }
    if (form.get('password') !== account.passwordHash) {
      return reply(400, {
        error: 'invalid_grant',
        ErrorModel: { Message: 'Username or password is incorrect. Try again.' },
      });
    }
    if (server.twoFactorCode && form.get('twoFactorToken') !== server.twoFactorCode) {
      if (form.get('twoFactorToken'))
        return reply(400, { error: 'invalid_grant', ErrorModel: { Message: 'Two-step token is invalid. Try again.' } });
      return reply(400, {
        error: 'invalid_grant',
        error_description: 'Two factor required.',
        TwoFactorProviders2: { '0': null },
      });
    }
    return reply(200, {
      ...tokens(),
      Key: account.key,
      PrivateKey: account.privateKey,
      Kdf: account.kdf.kdf,
      KdfIterations: account.kdf.iterations,
      KdfMemory: account.kdf.memory,
      KdfParallelism: account.kdf.parallelism,
    });
  }

  return server;
}
