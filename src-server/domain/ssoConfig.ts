// SSO configuration data (bitwarden-api.md §7.7): the request schema, its validation rules and the response.
import { X509Certificate } from 'node:crypto';
import { z } from 'zod';
import type { ValidationErrors } from '../http/errors';

const text = (max = 2000) => z.string().max(max).nullish();
const int = (values: readonly number[]) =>
  z
    .number()
    .int()
    .refine((v) => values.includes(v), { message: 'Not a valid value.' })
    .nullish();
const url = () => z.string().max(2000).nullish();

export const ssoDataSchema = z.object({
  configType: z.union([z.literal(1), z.literal(2)], { message: 'The ConfigType field is required.' }),
  memberDecryptionType: int([0, 1, 2]),
  keyConnectorEnabled: z.boolean().nullish(),
  keyConnectorUrl: url(),
  authority: url(),
  clientId: text(500),
  clientSecret: text(500),
  metadataAddress: url(),
  redirectBehavior: int([0, 1]),
  getClaimsFromUserInfoEndpoint: z.boolean().nullish(),
  additionalScopes: text(),
  additionalUserIdClaimTypes: text(),
  additionalEmailClaimTypes: text(),
  additionalNameClaimTypes: text(),
  acrValues: text(),
  expectedReturnAcrValue: text(),
  spUniqueEntityId: z.boolean().nullish(),
  spNameIdFormat: int([0, 1, 2, 3, 4, 5, 6, 7, 8]),
  spOutboundSigningAlgorithm: text(500),
  spSigningBehavior: int([0, 1, 3]),
  spWantAssertionsSigned: z.boolean().nullish(),
  spValidateCertificates: z.boolean().nullish(),
  spMinIncomingSigningAlgorithm: text(500),
  idpEntityId: text(),
  idpBindingType: int([1, 2]),
  idpSingleSignOnServiceUrl: url(),
  idpSingleLogoutServiceUrl: url(),
  idpX509PublicCert: z.string().max(20_000).nullish(),
  idpOutboundSigningAlgorithm: text(500),
  idpAllowUnsolicitedAuthnResponse: z.boolean().nullish(),
  idpDisableOutboundLogoutRequests: z.boolean().nullish(),
  idpWantAuthnRequestsSigned: z.boolean().nullish(),
});
export type SsoData = z.output<typeof ssoDataSchema>;

const SHA256 = 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256';

const isHttpUrl = (v: string | null | undefined) => {
  if (!v) return false;
  try {
    return ['http:', 'https:'].includes(new URL(v).protocol);
  } catch {
    return false;
  }
};

/** PEM header, footer and whitespace removed (how upstream stores the IdP certificate). */
export const stripPem = (pem: string) => pem.replace(/-----(BEGIN|END) CERTIFICATE-----/g, '').replace(/\s+/g, '');

/** Upstream's `Validate()`: OIDC needs authority, client id and secret; SAML an entity id, a valid SSO URL and a parsable certificate. */
export function ssoDataErrors(d: SsoData): ValidationErrors {
  const errors: ValidationErrors = {};
  const need = (key: string, ok: boolean, message: string) => {
    if (!ok) (errors[key] ??= []).push(message);
  };
  if (d.configType === 1) {
    need('Authority', isHttpUrl(d.authority), 'The Authority field is required.');
    need('ClientId', !!d.clientId?.trim(), 'The Client Id field is required.');
    need('ClientSecret', !!d.clientSecret?.trim(), 'The Client Secret field is required.');
  } else {
    need('IdpEntityId', !!d.idpEntityId?.trim(), 'The IdP Entity Id field is required.');
    need(
      'IdpSingleSignOnServiceUrl',
      isHttpUrl(d.idpSingleSignOnServiceUrl),
      'The IdP Single Sign On Service URL is not a valid URL.',
    );
    if (d.idpX509PublicCert) {
      try {
        new X509Certificate(Buffer.from(stripPem(d.idpX509PublicCert), 'base64'));
      } catch {
        need('IdpX509PublicCert', false, 'The IdP X.509 public certificate could not be read.');
      }
    }
  }
  if (d.memberDecryptionType === 1 || d.keyConnectorEnabled)
    need('KeyConnectorUrl', isHttpUrl(d.keyConnectorUrl), 'The Key Connector URL is not a valid URL.');
  return errors;
}

/** The data as stored: defaults filled, the certificate stripped, the obsolete `keyConnectorEnabled` folded in. */
export function normalizeSsoData(d: SsoData) {
  const memberDecryptionType = d.memberDecryptionType ?? (d.keyConnectorEnabled ? 1 : 0);
  return {
    ...d,
    memberDecryptionType,
    keyConnectorEnabled: undefined,
    idpX509PublicCert: d.idpX509PublicCert ? stripPem(d.idpX509PublicCert) : null,
    spOutboundSigningAlgorithm: d.spOutboundSigningAlgorithm ?? SHA256,
  };
}

export function ssoUrls(baseUrl: string, orgId: string) {
  const sso = `${baseUrl}/sso`;
  return {
    callbackPath: `${sso}/oidc-signin`,
    signedOutCallbackPath: `${sso}/oidc-signedout`,
    spEntityId: `${sso}/saml2/${orgId}`,
    spEntityIdStatic: `${sso}/saml2`,
    spMetadataUrl: `${sso}/saml2/${orgId}`,
    spAcsUrl: `${sso}/saml2/${orgId}/Acs`,
  };
}
