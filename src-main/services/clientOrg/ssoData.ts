/**
 * SSO configuration data (bitwarden-api.md §7.7) ↔ the contract's forms: enums as numbers on the wire and names
 * in the contract, the IdP certificate checked and stripped of its PEM armour, and the service-provider URLs
 * built from the account's server address.
 */
import { X509Certificate } from 'node:crypto';
import { DeskError } from '../../../src-shared/contract/errors';
import {
  memberDecryptionTypes,
  oidcRedirectBehaviors,
  samlNameIdFormats,
  type SavedSsoConfig,
  type SsoConfig,
  type SsoSettings,
} from '../../../src-shared/contract/clientOrg';
import type { ServiceUrls } from '../../bitwarden/environments';

const SIGNING_BEHAVIOR_WIRE = { ifIdpWantAuthnRequestsSigned: 0, always: 1, never: 3 } as const;
const BINDING_WIRE = { httpRedirect: 1, httpPost: 2 } as const;

/** The SSO service's root for this account's server (bitwarden-api.md §1). */
export function ssoBase(urls: ServiceUrls): string {
  if (urls.summary.kind === 'bitwardenUs') return 'https://sso.bitwarden.com';
  if (urls.summary.kind === 'bitwardenEu') return 'https://sso.bitwarden.eu';
  return /\/api$/.test(urls.api) ? urls.api.replace(/\/api$/, '/sso') : `${new URL(urls.api).origin}/sso`;
}

export function serviceProvider(urls: ServiceUrls, organizationId: string): SsoSettings['serviceProvider'] {
  const sso = ssoBase(urls);
  return {
    callbackUrl: `${sso}/oidc-signin`,
    signedOutCallbackUrl: `${sso}/oidc-signedout`,
    spEntityId: `${sso}/saml2/${organizationId}`,
    spEntityIdStatic: `${sso}/saml2`,
    spMetadataUrl: `${sso}/saml2/${organizationId}`,
    spAcsUrl: `${sso}/saml2/${organizationId}/Acs`,
  };
}

/** The base64 body of a PEM or bare base64 certificate, after checking that it parses. */
export function certificateBody(pem: string): string {
  const body = pem.replace(/-----(BEGIN|END) CERTIFICATE-----/g, '').replace(/\s+/g, '');
  try {
    new X509Certificate(Buffer.from(body, 'base64'));
  } catch {
    throw new DeskError('validation', 'The IdP X.509 certificate could not be read. Paste it in PEM format.');
  }
  return body;
}

/** The wire `data` of a configuration; `clientSecret` is the one to keep when the form left it empty. */
export function toWire(
  config: SsoConfig,
  general: { memberDecryption: (typeof memberDecryptionTypes)[number]; keyConnectorUrl?: string | undefined },
  clientSecret: string | null,
): Record<string, unknown> {
  const base = {
    memberDecryptionType: memberDecryptionTypes.indexOf(general.memberDecryption),
    keyConnectorUrl: general.memberDecryption === 'keyConnector' ? (general.keyConnectorUrl ?? null) : null,
  };
  if (config.type === 'oidc') {
    const { type: _type, redirectBehavior, ...fields } = config;
    return {
      ...base,
      configType: 1,
      ...fields,
      clientSecret,
      redirectBehavior: oidcRedirectBehaviors.indexOf(redirectBehavior),
    };
  }
  const { type: _type, spNameIdFormat, spSigningBehavior, idpBindingType, idpX509PublicCert, ...fields } = config;
  return {
    ...base,
    configType: 2,
    ...fields,
    spNameIdFormat: samlNameIdFormats.indexOf(spNameIdFormat),
    spSigningBehavior: SIGNING_BEHAVIOR_WIRE[spSigningBehavior],
    idpBindingType: BINDING_WIRE[idpBindingType],
    idpX509PublicCert: idpX509PublicCert ? certificateBody(idpX509PublicCert) : null,
  };
}

const str = (d: Record<string, unknown>, key: string) => (typeof d[key] === 'string' ? (d[key] as string) : null);
const flag = (d: Record<string, unknown>, key: string, fallback = false) =>
  typeof d[key] === 'boolean' ? (d[key] as boolean) : fallback;
const pick = <T extends string>(names: readonly T[], value: unknown, fallback: T): T =>
  (typeof value === 'number' ? names[value] : undefined) ?? fallback;
const byWire = <T extends string>(map: Record<T, number>, value: unknown, fallback: T): T =>
  (Object.entries(map).find(([, v]) => v === value)?.[0] as T | undefined) ?? fallback;

/** The saved configuration as the form shows it (never the client secret). */
export function fromWire(d: Record<string, unknown> | null | undefined): SavedSsoConfig | null {
  if (!d) return null;
  if (d.configType === 1) {
    return {
      type: 'oidc',
      authority: str(d, 'authority'),
      clientId: str(d, 'clientId'),
      metadataAddress: str(d, 'metadataAddress'),
      redirectBehavior: pick(oidcRedirectBehaviors, d.redirectBehavior, 'redirectGet'),
      getClaimsFromUserInfoEndpoint: flag(d, 'getClaimsFromUserInfoEndpoint'),
      additionalScopes: str(d, 'additionalScopes'),
      additionalUserIdClaimTypes: str(d, 'additionalUserIdClaimTypes'),
      additionalEmailClaimTypes: str(d, 'additionalEmailClaimTypes'),
      additionalNameClaimTypes: str(d, 'additionalNameClaimTypes'),
      acrValues: str(d, 'acrValues'),
      expectedReturnAcrValue: str(d, 'expectedReturnAcrValue'),
    };
  }
  if (d.configType !== 2) return null;
  return {
    type: 'saml',
    spUniqueEntityId: flag(d, 'spUniqueEntityId', true),
    spNameIdFormat: pick(samlNameIdFormats, d.spNameIdFormat, 'notConfigured'),
    spOutboundSigningAlgorithm: str(d, 'spOutboundSigningAlgorithm'),
    spSigningBehavior: byWire(SIGNING_BEHAVIOR_WIRE, d.spSigningBehavior, 'ifIdpWantAuthnRequestsSigned'),
    spWantAssertionsSigned: flag(d, 'spWantAssertionsSigned'),
    spValidateCertificates: flag(d, 'spValidateCertificates'),
    spMinIncomingSigningAlgorithm: str(d, 'spMinIncomingSigningAlgorithm'),
    idpEntityId: str(d, 'idpEntityId'),
    idpBindingType: byWire(BINDING_WIRE, d.idpBindingType, 'httpRedirect'),
    idpSingleSignOnServiceUrl: str(d, 'idpSingleSignOnServiceUrl'),
    idpSingleLogoutServiceUrl: str(d, 'idpSingleLogoutServiceUrl'),
    idpX509PublicCert: str(d, 'idpX509PublicCert'),
    idpOutboundSigningAlgorithm: str(d, 'idpOutboundSigningAlgorithm'),
    idpAllowUnsolicitedAuthnResponse: flag(d, 'idpAllowUnsolicitedAuthnResponse'),
    idpDisableOutboundLogoutRequests: flag(d, 'idpDisableOutboundLogoutRequests'),
    idpWantAuthnRequestsSigned: flag(d, 'idpWantAuthnRequestsSigned'),
  };
}
