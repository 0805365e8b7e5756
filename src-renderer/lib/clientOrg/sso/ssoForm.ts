import type { ChannelInput } from '$shared/contract';
import type { SsoSettings } from '$shared/contract/clientOrg';

/**
 * The SSO page's form (bitwarden-api.md §7.7): general settings plus an OpenID Connect and a SAML 2.0 part. Both
 * parts are kept while the person switches the type, so nothing typed is lost; only the chosen one is sent. The
 * checks match the contract (`src-shared/contract/clientOrg/sso.ts`), which main applies again.
 */

export type MemberDecryption = SsoSettings['memberDecryption'];
type Saved = NonNullable<SsoSettings['config']>;
type SavedOidc = Extract<Saved, { type: 'oidc' }>;
type SavedSaml = Extract<Saved, { type: 'saml' }>;

export const SHA256 = 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256';

export const signingAlgorithms = [
  { value: SHA256, label: 'RSA SHA-256' },
  { value: 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha384', label: 'RSA SHA-384' },
  { value: 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha512', label: 'RSA SHA-512' },
] as const;

export const nameIdFormats = [
  { value: 'notConfigured', label: 'Not configured' },
  { value: 'unspecified', label: 'Unspecified' },
  { value: 'emailAddress', label: 'Email address' },
  { value: 'x509SubjectName', label: 'X.509 subject name' },
  { value: 'windowsDomainQualifiedName', label: 'Windows domain qualified name' },
  { value: 'kerberosPrincipalName', label: 'Kerberos principal name' },
  { value: 'entityIdentifier', label: 'Entity identifier' },
  { value: 'persistent', label: 'Persistent' },
  { value: 'transient', label: 'Transient' },
] as const;

export const signingBehaviors = [
  { value: 'ifIdpWantAuthnRequestsSigned', label: 'If the IdP wants authentication requests signed' },
  { value: 'always', label: 'Always' },
  { value: 'never', label: 'Never' },
] as const;

export const bindingTypes = [
  { value: 'httpRedirect', label: 'Redirect' },
  { value: 'httpPost', label: 'HTTP POST' },
] as const;

export interface OidcForm {
  authority: string;
  clientId: string;
  /** Empty keeps the saved secret. */
  clientSecret: string;
  metadataAddress: string;
  redirectBehavior: SavedOidc['redirectBehavior'];
  getClaimsFromUserInfoEndpoint: boolean;
  additionalScopes: string;
  additionalUserIdClaimTypes: string;
  additionalEmailClaimTypes: string;
  additionalNameClaimTypes: string;
  acrValues: string;
  expectedReturnAcrValue: string;
}

export interface SamlForm {
  spUniqueEntityId: boolean;
  spNameIdFormat: SavedSaml['spNameIdFormat'];
  spOutboundSigningAlgorithm: string;
  spSigningBehavior: SavedSaml['spSigningBehavior'];
  spWantAssertionsSigned: boolean;
  spValidateCertificates: boolean;
  spMinIncomingSigningAlgorithm: string;
  idpEntityId: string;
  idpBindingType: SavedSaml['idpBindingType'];
  idpSingleSignOnServiceUrl: string;
  idpSingleLogoutServiceUrl: string;
  idpX509PublicCert: string;
  idpOutboundSigningAlgorithm: string;
  idpAllowUnsolicitedAuthnResponse: boolean;
  idpDisableOutboundLogoutRequests: boolean;
  idpWantAuthnRequestsSigned: boolean;
}

export interface SsoForm {
  enabled: boolean;
  identifier: string;
  memberDecryption: MemberDecryption;
  keyConnectorUrl: string;
  type: 'oidc' | 'saml';
  oidc: OidcForm;
  saml: SamlForm;
}

export type SsoFieldErrors = Partial<Record<string, string>>;
export type SsoSaveFields = Omit<ChannelInput<'org.sso.save'>, 'accountId' | 'organizationId'>;

const str = (value: string | null | undefined) => value ?? '';
const algorithm = (value: string | null | undefined) =>
  signingAlgorithms.some((a) => a.value === value) ? (value as string) : SHA256;

function oidcFrom(saved: SavedOidc | null): OidcForm {
  return {
    authority: str(saved?.authority),
    clientId: str(saved?.clientId),
    clientSecret: '',
    metadataAddress: str(saved?.metadataAddress),
    redirectBehavior: saved?.redirectBehavior ?? 'redirectGet',
    getClaimsFromUserInfoEndpoint: saved?.getClaimsFromUserInfoEndpoint ?? false,
    additionalScopes: str(saved?.additionalScopes),
    additionalUserIdClaimTypes: str(saved?.additionalUserIdClaimTypes),
    additionalEmailClaimTypes: str(saved?.additionalEmailClaimTypes),
    additionalNameClaimTypes: str(saved?.additionalNameClaimTypes),
    acrValues: str(saved?.acrValues),
    expectedReturnAcrValue: str(saved?.expectedReturnAcrValue),
  };
}

function samlFrom(saved: SavedSaml | null): SamlForm {
  return {
    spUniqueEntityId: saved?.spUniqueEntityId ?? true,
    spNameIdFormat: saved?.spNameIdFormat ?? 'notConfigured',
    spOutboundSigningAlgorithm: algorithm(saved?.spOutboundSigningAlgorithm),
    spSigningBehavior: saved?.spSigningBehavior ?? 'ifIdpWantAuthnRequestsSigned',
    spWantAssertionsSigned: saved?.spWantAssertionsSigned ?? false,
    spValidateCertificates: saved?.spValidateCertificates ?? false,
    spMinIncomingSigningAlgorithm: algorithm(saved?.spMinIncomingSigningAlgorithm),
    idpEntityId: str(saved?.idpEntityId),
    idpBindingType: saved?.idpBindingType ?? 'httpRedirect',
    idpSingleSignOnServiceUrl: str(saved?.idpSingleSignOnServiceUrl),
    idpSingleLogoutServiceUrl: str(saved?.idpSingleLogoutServiceUrl),
    idpX509PublicCert: str(saved?.idpX509PublicCert),
    idpOutboundSigningAlgorithm: algorithm(saved?.idpOutboundSigningAlgorithm),
    idpAllowUnsolicitedAuthnResponse: saved?.idpAllowUnsolicitedAuthnResponse ?? false,
    idpDisableOutboundLogoutRequests: saved?.idpDisableOutboundLogoutRequests ?? false,
    idpWantAuthnRequestsSigned: saved?.idpWantAuthnRequestsSigned ?? false,
  };
}

/** The form for saved settings (or a blank OpenID Connect form). */
export function ssoFormFrom(settings: SsoSettings | null): SsoForm {
  const config = settings?.config ?? null;
  return {
    enabled: settings?.enabled ?? false,
    identifier: str(settings?.identifier),
    memberDecryption: settings?.memberDecryption ?? 'masterPassword',
    keyConnectorUrl: str(settings?.keyConnectorUrl),
    type: config?.type ?? 'oidc',
    oidc: oidcFrom(config?.type === 'oidc' ? config : null),
    saml: samlFrom(config?.type === 'saml' ? config : null),
  };
}

const WEB_URL = /^https?:\/\/[^\s/?#]+\S*$/i;
const URL_MESSAGE = 'Enter an address starting with https://';

/** The trimmed value, or undefined when empty; records an error for a non-empty value over `max` characters. */
function optional(errors: SsoFieldErrors, key: string, value: string, max = 2000): string | undefined {
  const text = value.trim();
  if (!text) return undefined;
  if (text.length > max) errors[key] = `Use at most ${max} characters.`;
  return text;
}

function required(errors: SsoFieldErrors, key: string, value: string, message: string, max = 2000): string {
  const text = optional(errors, key, value, max);
  if (!text) errors[key] = message;
  return text ?? '';
}

function url(errors: SsoFieldErrors, key: string, value: string, need: string | null): string | undefined {
  const text = need ? required(errors, key, value, need) : optional(errors, key, value);
  if (text && !errors[key] && !WEB_URL.test(text)) errors[key] = URL_MESSAGE;
  return text || undefined;
}

function checkOidc(form: OidcForm, errors: SsoFieldErrors, secretSaved: boolean): SsoSaveFields['config'] {
  const secret = optional(errors, 'clientSecret', form.clientSecret, 500);
  if (!secret && !secretSaved) errors.clientSecret = 'Enter the client secret.';
  const config: SsoSaveFields['config'] = {
    type: 'oidc',
    authority: url(errors, 'authority', form.authority, 'Enter the authority (the identity provider’s address).') ?? '',
    clientId: required(errors, 'clientId', form.clientId, 'Enter the client ID.', 500),
    ...(secret ? { clientSecret: secret } : {}),
    metadataAddress: url(errors, 'metadataAddress', form.metadataAddress, null),
    redirectBehavior: form.redirectBehavior,
    getClaimsFromUserInfoEndpoint: form.getClaimsFromUserInfoEndpoint,
    additionalScopes: optional(errors, 'additionalScopes', form.additionalScopes),
    additionalUserIdClaimTypes: optional(errors, 'additionalUserIdClaimTypes', form.additionalUserIdClaimTypes),
    additionalEmailClaimTypes: optional(errors, 'additionalEmailClaimTypes', form.additionalEmailClaimTypes),
    additionalNameClaimTypes: optional(errors, 'additionalNameClaimTypes', form.additionalNameClaimTypes),
    acrValues: optional(errors, 'acrValues', form.acrValues),
    expectedReturnAcrValue: optional(errors, 'expectedReturnAcrValue', form.expectedReturnAcrValue),
  };
  return config;
}

const PEM = /^(-----BEGIN CERTIFICATE-----)?[\sA-Za-z0-9+/=]+(-----END CERTIFICATE-----)?\s*$/;

function checkSaml(form: SamlForm, errors: SsoFieldErrors): SsoSaveFields['config'] {
  const cert = optional(errors, 'idpX509PublicCert', form.idpX509PublicCert, 20_000);
  if (cert && !errors.idpX509PublicCert && !PEM.test(cert)) {
    errors.idpX509PublicCert = 'Paste the certificate in PEM format (BEGIN CERTIFICATE … END CERTIFICATE).';
  }
  return {
    type: 'saml',
    spUniqueEntityId: form.spUniqueEntityId,
    spNameIdFormat: form.spNameIdFormat,
    spOutboundSigningAlgorithm: form.spOutboundSigningAlgorithm as (typeof signingAlgorithms)[number]['value'],
    spSigningBehavior: form.spSigningBehavior,
    spWantAssertionsSigned: form.spWantAssertionsSigned,
    spValidateCertificates: form.spValidateCertificates,
    spMinIncomingSigningAlgorithm: form.spMinIncomingSigningAlgorithm as (typeof signingAlgorithms)[number]['value'],
    idpEntityId: required(errors, 'idpEntityId', form.idpEntityId, 'Enter the IdP entity ID.'),
    idpBindingType: form.idpBindingType,
    idpSingleSignOnServiceUrl:
      url(
        errors,
        'idpSingleSignOnServiceUrl',
        form.idpSingleSignOnServiceUrl,
        'Enter the single sign-on service URL.',
      ) ?? '',
    idpSingleLogoutServiceUrl: url(errors, 'idpSingleLogoutServiceUrl', form.idpSingleLogoutServiceUrl, null),
    idpX509PublicCert: cert,
    idpOutboundSigningAlgorithm: form.idpOutboundSigningAlgorithm as (typeof signingAlgorithms)[number]['value'],
    idpAllowUnsolicitedAuthnResponse: form.idpAllowUnsolicitedAuthnResponse,
    idpDisableOutboundLogoutRequests: form.idpDisableOutboundLogoutRequests,
    idpWantAuthnRequestsSigned: form.idpWantAuthnRequestsSigned,
  };
}

export type CheckedSso = { ok: true; fields: SsoSaveFields } | { ok: false; errors: SsoFieldErrors };

/** What `org.sso.save` receives for the form, or the errors by field name. */
export function checkSsoForm(form: SsoForm, clientSecretSaved: boolean): CheckedSso {
  const errors: SsoFieldErrors = {};
  const identifier = required(errors, 'identifier', form.identifier, 'Enter an SSO identifier.', 50);
  if (identifier && /\s/.test(identifier)) errors.identifier = 'The SSO identifier cannot contain spaces.';
  const keyConnectorUrl =
    form.memberDecryption === 'keyConnector'
      ? url(errors, 'keyConnectorUrl', form.keyConnectorUrl, 'Enter the Key Connector URL.')
      : undefined;
  const config = form.type === 'oidc' ? checkOidc(form.oidc, errors, clientSecretSaved) : checkSaml(form.saml, errors);
  if (Object.keys(errors).length) return { ok: false, errors };
  return {
    ok: true,
    fields: {
      enabled: form.enabled,
      identifier,
      memberDecryption: form.memberDecryption,
      ...(keyConnectorUrl ? { keyConnectorUrl } : {}),
      config,
    },
  };
}

const blank = ssoFormFrom(null);
const fieldNames = new Set(['identifier', 'keyConnectorUrl', ...Object.keys(blank.oidc), ...Object.keys(blank.saml)]);

/** Splits a validation message from main (`config.clientId: …; identifier: …`) into field messages and the rest. */
export function ssoErrorsFrom(message: string): { fields: SsoFieldErrors; rest: string } {
  const fields: SsoFieldErrors = {};
  const rest: string[] = [];
  for (const part of message
    .split(/;\s*/)
    .map((p) => p.trim())
    .filter(Boolean)) {
    const match = /^(?:config\.)?([A-Za-z0-9]+):\s*(.+)$/s.exec(part);
    if (match && fieldNames.has(match[1]!)) fields[match[1]!] = match[2]!.trim();
    else if (/certificate/i.test(part)) fields.idpX509PublicCert = part;
    else rest.push(part);
  }
  return { fields, rest: rest.join(' ') };
}
