// SSO forms (bitwarden-api.md §7.7): validation of OIDC and SAML settings, the wire mapping both ways, the IdP
// certificate check, and the service-provider URLs built from the server address.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { channels } from '../../../../../src-shared/contract';
import { resolveEnvironment } from '../../../../../src-main/bitwarden/environments';
import {
  certificateBody,
  fromWire,
  serviceProvider,
  ssoBase,
  toWire,
} from '../../../../../src-main/services/clientOrg/ssoData';
import { ensureSelfSigned } from '../../../../../src-server/tls';

const ORG = '0f0e0d0c-0b0a-4908-8706-050403020100';
const save = channels['org.sso.save'].input;
const oidc = { type: 'oidc', authority: 'https://login.example.com', clientId: 'desk', clientSecret: 's3cret' };
const saml = {
  type: 'saml',
  idpEntityId: 'https://idp.example.com',
  idpSingleSignOnServiceUrl: 'https://idp.example.com/sso',
};
const form = (config: object, extra: object = {}) => ({
  organizationId: ORG,
  enabled: true,
  identifier: 'contoso',
  config,
  ...extra,
});
const issues = (value: unknown) => {
  const r = save.safeParse(value);
  return r.success ? [] : r.error.issues.map((i) => i.path.join('.'));
};

function certificate(): string {
  const dir = mkdtempSync(join(tmpdir(), 'pd-sso-unit-'));
  try {
    return readFileSync(ensureSelfSigned(dir).caPath!, 'utf8');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('SSO form validation', () => {
  it('accepts complete OIDC and SAML settings, with defaults filled', () => {
    expect(issues(form(oidc))).toEqual([]);
    expect(save.parse(form(saml)).config).toMatchObject({
      spUniqueEntityId: true,
      spNameIdFormat: 'notConfigured',
      idpBindingType: 'httpRedirect',
      spOutboundSigningAlgorithm: 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256',
    });
  });

  it('names the missing or malformed fields', () => {
    expect(issues(form({ ...oidc, clientId: '' }))).toEqual(['config.clientId']);
    expect(issues(form({ ...oidc, authority: 'login.example.com' }))).toEqual(['config.authority']);
    expect(issues(form({ ...saml, idpEntityId: ' ' }))).toEqual(['config.idpEntityId']);
    expect(issues(form({ ...saml, idpSingleSignOnServiceUrl: 'not a url' }))).toEqual([
      'config.idpSingleSignOnServiceUrl',
    ]);
    expect(issues(form({ ...saml, spNameIdFormat: 'email' }))).toEqual(['config.spNameIdFormat']);
    expect(issues(form(oidc, { identifier: 'has space' }))).toEqual(['identifier']);
    expect(issues(form(oidc, { memberDecryption: 'keyConnector' }))).toEqual(['keyConnectorUrl']);
    expect(issues(form({ ...oidc, type: 'ldap' }))).toEqual(['config.type']);
    expect(issues(form({ ...oidc, extra: 1 }))).not.toEqual([]);
  });
});

describe('SSO wire mapping', () => {
  it('writes OIDC enums as numbers and the secret to keep', () => {
    const parsed = save.parse(form({ ...oidc, redirectBehavior: 'formPost', clientSecret: undefined }));
    const wire = toWire(parsed.config, parsed, 'kept');
    expect(wire).toMatchObject({
      configType: 1,
      memberDecryptionType: 0,
      redirectBehavior: 1,
      clientSecret: 'kept',
      clientId: 'desk',
    });
    expect(wire).not.toHaveProperty('type');
    const shown = fromWire(wire);
    expect(shown).toMatchObject({ type: 'oidc', redirectBehavior: 'formPost', authority: 'https://login.example.com' });
    expect(JSON.stringify(shown)).not.toContain('kept');
  });

  it('writes SAML enums as the server numbers them and strips the certificate armour', () => {
    const pem = certificate();
    const parsed = save.parse(
      form({
        ...saml,
        idpX509PublicCert: pem,
        spSigningBehavior: 'never',
        idpBindingType: 'httpPost',
        spNameIdFormat: 'persistent',
      }),
    );
    const wire = toWire(parsed.config, parsed, null);
    expect(wire).toMatchObject({ configType: 2, spSigningBehavior: 3, idpBindingType: 2, spNameIdFormat: 7 });
    expect(wire.idpX509PublicCert).toBe(pem.replace(/-----(BEGIN|END) CERTIFICATE-----|\s/g, ''));
    expect(fromWire(wire)).toMatchObject({
      type: 'saml',
      spSigningBehavior: 'never',
      idpBindingType: 'httpPost',
      spNameIdFormat: 'persistent',
    });
  });

  it('refuses a certificate that does not parse', () => {
    expect(() => certificateBody('-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----')).toThrow(
      /could not be read/,
    );
  });

  it('reads unknown or missing saved data as no configuration', () => {
    expect(fromWire(null)).toBeNull();
    expect(fromWire({ configType: 9 })).toBeNull();
  });
});

describe('service-provider URLs', () => {
  it('come from the server address', () => {
    const self = resolveEnvironment({ kind: 'selfHosted', baseUrl: 'https://vault.example.com:8443/' });
    expect(serviceProvider(self, ORG)).toEqual({
      callbackUrl: 'https://vault.example.com:8443/sso/oidc-signin',
      signedOutCallbackUrl: 'https://vault.example.com:8443/sso/oidc-signedout',
      spEntityId: `https://vault.example.com:8443/sso/saml2/${ORG}`,
      spEntityIdStatic: 'https://vault.example.com:8443/sso/saml2',
      spMetadataUrl: `https://vault.example.com:8443/sso/saml2/${ORG}`,
      spAcsUrl: `https://vault.example.com:8443/sso/saml2/${ORG}/Acs`,
    });
    expect(ssoBase(resolveEnvironment({ kind: 'bitwardenUs' }))).toBe('https://sso.bitwarden.com');
    expect(ssoBase(resolveEnvironment({ kind: 'bitwardenEu' }))).toBe('https://sso.bitwarden.eu');
    expect(
      ssoBase(
        resolveEnvironment({
          kind: 'custom',
          apiUrl: 'https://api.example.com',
          identityUrl: 'https://id.example.com',
        }),
      ),
    ).toBe('https://api.example.com/sso');
  });
});
