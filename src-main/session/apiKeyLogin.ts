/**
 * Personal API key sign-in (bitwarden-api.md §3.5): `client_credentials` with `user.<id>` and the key, then the
 * master password opens the keys. No two-step login and no refresh token: the key itself is kept (encrypted at
 * rest) to get new access tokens.
 */
import { DeskError, type LoginResult, type ServerEnvironment } from '../../src-shared/contract';
import { readAccessClaims } from '../bitwarden/accessToken';
import type { DeviceInfo } from '../bitwarden/clientInfo';
import { resolveEnvironment, type ServiceUrls } from '../bitwarden/environments';
import type { BitwardenHttp } from '../bitwarden/http';
import { clientCredentialsGrant } from '../bitwarden/identityApi';
import { fetchProfile } from '../bitwarden/providerApi';
import { deriveMasterKey, hashMasterPassword, wipe } from '../crypto';
import { assertServerKdf, kdfFromToken } from './kdfLimits';
import type { CompletedLogin } from './passwordLogin';
import { openKeys, wrappedKeysOf } from './tokenKeys';

export async function loginWithApiKey(
  deps: { httpFor(urls: ServiceUrls): BitwardenHttp; device: DeviceInfo; complete(login: CompletedLogin): LoginResult },
  input: { server: ServerEnvironment; clientId: string; clientSecret: string; masterPassword: string },
): Promise<LoginResult> {
  const urls = resolveEnvironment(input.server);
  const http = deps.httpFor(urls);
  const apiKey = { clientId: input.clientId.trim().toLowerCase(), clientSecret: input.clientSecret.trim() };
  const token = await clientCredentialsGrant(http, { ...apiKey, device: deps.device });
  if (token.apiUseKeyConnector) {
    throw new DeskError(
      'validation',
      'This account unlocks with Key Connector, which Provider Desk does not support yet.',
    );
  }
  const email =
    readAccessClaims(token.access_token)?.email ?? (await fetchProfile({ http, token: token.access_token })).email;
  const kdf = kdfFromToken(token);
  assertServerKdf(kdf);
  const masterKey = await deriveMasterKey(input.masterPassword, email, kdf);
  try {
    const wrapped = wrappedKeysOf(token);
    const opened = openKeys(masterKey, wrapped.protectedUserKey, wrapped.encryptedPrivateKey);
    try {
      return deps.complete({
        server: input.server,
        urls,
        token,
        email,
        kdf,
        opened,
        localHash: await hashMasterPassword(masterKey, input.masterPassword, 2),
        signInMethod: 'apiKey',
        apiKey,
      });
    } catch (error) {
      opened.keyRing.wipe();
      throw error;
    }
  } finally {
    wipe(masterKey);
  }
}
