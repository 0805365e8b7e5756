/**
 * SSO configuration (bitwarden-api.md §7.7): read and save (POST) the OIDC or SAML settings. The OIDC client
 * secret stays in main: saving without a new one keeps the saved secret.
 */
import { DeskError } from '../../../src-shared/contract/errors';
import { memberDecryptionTypes, type SsoSettings } from '../../../src-shared/contract/clientOrg';
import { fetchSso, saveSso } from '../../bitwarden/orgAdminApi';
import type { WireSso } from '../../bitwarden/orgAdminSchemas';
import type { ServiceUrls } from '../../bitwarden/environments';
import type { OrgIn, OrgOut } from './channelTypes';
import type { OrgContext } from './orgContext';
import { fromWire, serviceProvider, toWire } from './ssoData';

function settings(sso: WireSso, urls: ServiceUrls, organizationId: string): SsoSettings {
  const data = sso.data ?? null;
  const decryption = typeof data?.memberDecryptionType === 'number' ? data.memberDecryptionType : 0;
  return {
    enabled: sso.enabled,
    identifier: sso.identifier,
    memberDecryption: memberDecryptionTypes[decryption] ?? 'masterPassword',
    keyConnectorUrl: typeof data?.keyConnectorUrl === 'string' ? data.keyConnectorUrl : null,
    config: fromWire(data),
    clientSecretSaved: data?.configType === 1 && typeof data.clientSecret === 'string' && !!data.clientSecret,
    serviceProvider: serviceProvider(urls, organizationId),
  };
}

export function createSsoService(ctx: OrgContext) {
  async function get(input: OrgIn<'org.sso.get'>): Promise<OrgOut<'org.sso.get'>> {
    const s = ctx.scope(input);
    const { sso, urls } = await ctx.call(s, async (a) => ({
      sso: await fetchSso(a, s.organizationId),
      urls: a.http.urls,
    }));
    return settings(sso, urls, s.organizationId);
  }

  async function save(input: OrgIn<'org.sso.save'>): Promise<OrgOut<'org.sso.save'>> {
    const s = ctx.scope(input);
    const current = await ctx.call(s, (a) => fetchSso(a, s.organizationId));
    let secret: string | null = null;
    if (input.config.type === 'oidc') {
      const saved = current.data?.configType === 1 ? current.data.clientSecret : null;
      secret = input.config.clientSecret ?? (typeof saved === 'string' && saved ? saved : null);
      if (!secret) throw new DeskError('validation', 'config.clientSecret: Enter the client secret.');
    }
    const data = toWire(input.config, input, secret);
    const { sso, urls } = await ctx.call(s, async (a) => ({
      sso: await saveSso(a, s.organizationId, { enabled: input.enabled, identifier: input.identifier, data }),
      urls: a.http.urls,
    }));
    return settings(sso, urls, s.organizationId);
  }

  return { get, save };
}
