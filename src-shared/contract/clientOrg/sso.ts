import { z } from 'zod';
import { orgInputShape } from './common';

/**
 * SSO configuration (bitwarden-api.md §7.7): OpenID Connect or SAML 2.0, with the values the identity provider
 * needs. The OIDC client secret never leaves main: the answer says whether one is saved, and saving without a
 * new one keeps it.
 */

const webUrl = z
  .string()
  .trim()
  .max(2000)
  .regex(/^https?:\/\/[^\s/?#]+\S*$/i, 'Enter an address starting with https://');
const optionalUrl = webUrl.optional();
const text = (max = 2000) => z.string().trim().max(max).optional();

/** MemberDecryptionType: MasterPassword 0, KeyConnector 1, TrustedDeviceEncryption 2. */
export const memberDecryptionTypes = ['masterPassword', 'keyConnector', 'trustedDevices'] as const;
/** OpenIdConnectRedirectBehavior: RedirectGet 0, FormPost 1. */
export const oidcRedirectBehaviors = ['redirectGet', 'formPost'] as const;
/** Saml2NameIdFormat 0–8. */
export const samlNameIdFormats = [
  'notConfigured',
  'unspecified',
  'emailAddress',
  'x509SubjectName',
  'windowsDomainQualifiedName',
  'kerberosPrincipalName',
  'entityIdentifier',
  'persistent',
  'transient',
] as const;
/** Saml2SigningBehavior: IfIdpWantAuthnRequestsSigned 0, Always 1, Never 3. */
export const samlSigningBehaviors = ['ifIdpWantAuthnRequestsSigned', 'always', 'never'] as const;
/** Saml2BindingType: HttpRedirect 1, HttpPost 2. */
export const samlBindingTypes = ['httpRedirect', 'httpPost'] as const;
export const samlSigningAlgorithms = [
  'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256',
  'http://www.w3.org/2001/04/xmldsig-more#rsa-sha384',
  'http://www.w3.org/2001/04/xmldsig-more#rsa-sha512',
] as const;

export const oidcConfigSchema = z
  .object({
    type: z.literal('oidc'),
    authority: webUrl,
    clientId: z.string().trim().min(1, 'Enter the client ID.').max(500),
    /** Leave out to keep the saved secret. */
    clientSecret: z.string().trim().min(1).max(500).optional(),
    metadataAddress: optionalUrl,
    redirectBehavior: z.enum(oidcRedirectBehaviors).default('redirectGet'),
    getClaimsFromUserInfoEndpoint: z.boolean().default(false),
    /** Comma-separated lists. */
    additionalScopes: text(),
    additionalUserIdClaimTypes: text(),
    additionalEmailClaimTypes: text(),
    additionalNameClaimTypes: text(),
    acrValues: text(),
    expectedReturnAcrValue: text(),
  })
  .strict();

export const samlConfigSchema = z
  .object({
    type: z.literal('saml'),
    spUniqueEntityId: z.boolean().default(true),
    spNameIdFormat: z.enum(samlNameIdFormats).default('notConfigured'),
    spOutboundSigningAlgorithm: z.enum(samlSigningAlgorithms).default(samlSigningAlgorithms[0]),
    spSigningBehavior: z.enum(samlSigningBehaviors).default('ifIdpWantAuthnRequestsSigned'),
    spWantAssertionsSigned: z.boolean().default(false),
    spValidateCertificates: z.boolean().default(false),
    spMinIncomingSigningAlgorithm: z.enum(samlSigningAlgorithms).default(samlSigningAlgorithms[0]),
    idpEntityId: z.string().trim().min(1, 'Enter the IdP entity ID.').max(2000),
    idpBindingType: z.enum(samlBindingTypes).default('httpRedirect'),
    idpSingleSignOnServiceUrl: webUrl,
    idpSingleLogoutServiceUrl: optionalUrl,
    /** PEM or bare base64; main checks that it parses. */
    idpX509PublicCert: z.string().trim().max(20_000).optional(),
    idpOutboundSigningAlgorithm: z.enum(samlSigningAlgorithms).default(samlSigningAlgorithms[0]),
    idpAllowUnsolicitedAuthnResponse: z.boolean().default(false),
    idpDisableOutboundLogoutRequests: z.boolean().default(false),
    idpWantAuthnRequestsSigned: z.boolean().default(false),
  })
  .strict();

export const ssoConfigSchema = z.discriminatedUnion('type', [oidcConfigSchema, samlConfigSchema]);
export type SsoConfig = z.output<typeof ssoConfigSchema>;

export const ssoSaveInputSchema = z
  .object({
    ...orgInputShape,
    enabled: z.boolean(),
    /** The SSO identifier members type at log in (sets the org identifier). */
    identifier: z
      .string()
      .trim()
      .min(1, 'Enter an SSO identifier.')
      .max(50)
      .regex(/^[^\s]+$/, 'The SSO identifier cannot contain spaces.'),
    memberDecryption: z.enum(memberDecryptionTypes).default('masterPassword'),
    keyConnectorUrl: optionalUrl,
    config: ssoConfigSchema,
  })
  .strict()
  .refine((v) => v.memberDecryption !== 'keyConnector' || !!v.keyConnectorUrl, {
    message: 'Enter the Key Connector URL.',
    path: ['keyConnectorUrl'],
  });

/** What the identity provider needs, built from this account's server address. */
export const ssoServiceProviderSchema = z.object({
  /** OIDC redirect (callback) URL. */
  callbackUrl: z.string(),
  signedOutCallbackUrl: z.string(),
  /** SAML SP entity ID for this organization (with `spUniqueEntityId`), or the shared one. */
  spEntityId: z.string(),
  spEntityIdStatic: z.string(),
  spMetadataUrl: z.string(),
  /** SAML assertion consumer service URL. */
  spAcsUrl: z.string(),
});

// Saved settings are shown as stored (another client may have saved values these forms would not accept).
const shown = z.string().nullable();
const savedOidcSchema = z.object({
  type: z.literal('oidc'),
  authority: shown,
  clientId: shown,
  metadataAddress: shown,
  redirectBehavior: z.enum(oidcRedirectBehaviors),
  getClaimsFromUserInfoEndpoint: z.boolean(),
  additionalScopes: shown,
  additionalUserIdClaimTypes: shown,
  additionalEmailClaimTypes: shown,
  additionalNameClaimTypes: shown,
  acrValues: shown,
  expectedReturnAcrValue: shown,
});
const savedSamlSchema = z.object({
  type: z.literal('saml'),
  spUniqueEntityId: z.boolean(),
  spNameIdFormat: z.enum(samlNameIdFormats),
  spOutboundSigningAlgorithm: shown,
  spSigningBehavior: z.enum(samlSigningBehaviors),
  spWantAssertionsSigned: z.boolean(),
  spValidateCertificates: z.boolean(),
  spMinIncomingSigningAlgorithm: shown,
  idpEntityId: shown,
  idpBindingType: z.enum(samlBindingTypes),
  idpSingleSignOnServiceUrl: shown,
  idpSingleLogoutServiceUrl: shown,
  idpX509PublicCert: shown,
  idpOutboundSigningAlgorithm: shown,
  idpAllowUnsolicitedAuthnResponse: z.boolean(),
  idpDisableOutboundLogoutRequests: z.boolean(),
  idpWantAuthnRequestsSigned: z.boolean(),
});
export type SavedSsoConfig = z.infer<typeof savedOidcSchema> | z.infer<typeof savedSamlSchema>;

export const ssoOutputSchema = z.object({
  enabled: z.boolean(),
  identifier: z.string().nullable(),
  memberDecryption: z.enum(memberDecryptionTypes),
  keyConnectorUrl: z.string().nullable(),
  /** The saved configuration (without the client secret); null when none is saved. */
  config: z.discriminatedUnion('type', [savedOidcSchema, savedSamlSchema]).nullable(),
  clientSecretSaved: z.boolean(),
  serviceProvider: ssoServiceProviderSchema,
});
export type SsoSettings = z.infer<typeof ssoOutputSchema>;
