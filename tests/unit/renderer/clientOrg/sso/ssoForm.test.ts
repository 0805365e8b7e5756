import { describe, expect, it } from 'vitest';
import { ssoSaveInputSchema, type SsoSettings } from '$shared/contract/clientOrg';
import {
  checkSsoForm,
  ssoErrorsFrom,
  ssoFormFrom,
  type SsoForm,
} from '../../../../../src-renderer/lib/clientOrg/sso/ssoForm';

const ORG = '6f1c2a8e-4b1d-4c55-9d7a-1f2e3d4c5b6a';

function oidcForm(changes: Partial<SsoForm['oidc']> = {}, general: Partial<SsoForm> = {}): SsoForm {
  const form = ssoFormFrom(null);
  return {
    ...form,
    identifier: 'contoso',
    ...general,
    oidc: {
      ...form.oidc,
      authority: 'https://login.example.com',
      clientId: 'desk',
      clientSecret: 's3cret',
      ...changes,
    },
  };
}

function samlForm(changes: Partial<SsoForm['saml']> = {}): SsoForm {
  const form = ssoFormFrom(null);
  return {
    ...form,
    identifier: 'contoso',
    type: 'saml',
    saml: {
      ...form.saml,
      idpEntityId: 'https://idp.example/entity',
      idpSingleSignOnServiceUrl: 'https://idp.example/sso',
      ...changes,
    },
  };
}

function mainAccepts(fields: object) {
  return ssoSaveInputSchema.safeParse({ organizationId: ORG, ...fields }).success;
}

describe('SSO form', () => {
  it('builds an OpenID Connect configuration main accepts', () => {
    const checked = checkSsoForm(oidcForm({ additionalScopes: ' groups ' }, { enabled: true }), false);
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    expect(checked.fields).toMatchObject({
      enabled: true,
      identifier: 'contoso',
      memberDecryption: 'masterPassword',
      config: {
        type: 'oidc',
        authority: 'https://login.example.com',
        clientId: 'desk',
        clientSecret: 's3cret',
        additionalScopes: 'groups',
      },
    });
    expect(checked.fields.config).not.toHaveProperty('metadataAddress', '');
    expect(mainAccepts(checked.fields)).toBe(true);
  });

  it('requires authority, client ID and a secret unless one is saved', () => {
    const blank = { ...ssoFormFrom(null), identifier: 'contoso' };
    const checked = checkSsoForm(blank, false);
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(Object.keys(checked.errors).sort()).toEqual(['authority', 'clientId', 'clientSecret']);

    const keepSecret = checkSsoForm(oidcForm({ clientSecret: '' }), true);
    expect(keepSecret.ok).toBe(true);
    if (keepSecret.ok) {
      expect(keepSecret.fields.config).not.toHaveProperty('clientSecret');
      expect(mainAccepts(keepSecret.fields)).toBe(true);
    }
  });

  it('refuses addresses that are not http(s) and identifiers with spaces', () => {
    const checked = checkSsoForm(
      oidcForm({ authority: 'login.example.com', metadataAddress: 'ftp://x' }, { identifier: 'con toso' }),
      false,
    );
    expect(checked).toEqual({
      ok: false,
      errors: {
        identifier: 'The SSO identifier cannot contain spaces.',
        authority: 'Enter an address starting with https://',
        metadataAddress: 'Enter an address starting with https://',
      },
    });
    expect(checkSsoForm(oidcForm({}, { identifier: 'x'.repeat(51) }), false)).toMatchObject({
      ok: false,
      errors: { identifier: 'Use at most 50 characters.' },
    });
  });

  it('needs the Key Connector URL when members decrypt with Key Connector', () => {
    expect(checkSsoForm(oidcForm({}, { memberDecryption: 'keyConnector' }), false)).toEqual({
      ok: false,
      errors: { keyConnectorUrl: 'Enter the Key Connector URL.' },
    });
    const checked = checkSsoForm(
      oidcForm({}, { memberDecryption: 'keyConnector', keyConnectorUrl: 'https://kc.example' }),
      false,
    );
    expect(checked.ok && mainAccepts(checked.fields)).toBe(true);
  });

  it('builds a SAML configuration main accepts, and checks its required fields', () => {
    const checked = checkSsoForm(samlForm({ spNameIdFormat: 'emailAddress', idpBindingType: 'httpPost' }), false);
    expect(checked.ok).toBe(true);
    if (checked.ok) {
      expect(checked.fields.config).toMatchObject({
        type: 'saml',
        spNameIdFormat: 'emailAddress',
        idpBindingType: 'httpPost',
      });
      expect(mainAccepts(checked.fields)).toBe(true);
    }
    expect(checkSsoForm(samlForm({ idpEntityId: '', idpSingleSignOnServiceUrl: 'nope' }), false)).toEqual({
      ok: false,
      errors: {
        idpEntityId: 'Enter the IdP entity ID.',
        idpSingleSignOnServiceUrl: 'Enter an address starting with https://',
      },
    });
    expect(checkSsoForm(samlForm({ idpX509PublicCert: 'not a certificate!' }), false)).toMatchObject({
      ok: false,
      errors: { idpX509PublicCert: expect.stringMatching(/PEM format/) },
    });
  });

  it('reads saved settings back, keeping the secret out of the form', () => {
    const settings = {
      enabled: true,
      identifier: 'contoso',
      memberDecryption: 'trustedDevices',
      keyConnectorUrl: null,
      clientSecretSaved: true,
      config: {
        type: 'oidc',
        authority: 'https://login.example.com',
        clientId: 'desk',
        metadataAddress: null,
        redirectBehavior: 'formPost',
        getClaimsFromUserInfoEndpoint: true,
        additionalScopes: null,
        additionalUserIdClaimTypes: null,
        additionalEmailClaimTypes: null,
        additionalNameClaimTypes: null,
        acrValues: null,
        expectedReturnAcrValue: null,
      },
      serviceProvider: {} as SsoSettings['serviceProvider'],
    } satisfies SsoSettings;
    const form = ssoFormFrom(settings);
    expect(form).toMatchObject({
      enabled: true,
      identifier: 'contoso',
      memberDecryption: 'trustedDevices',
      type: 'oidc',
    });
    expect(form.oidc).toMatchObject({
      clientId: 'desk',
      clientSecret: '',
      redirectBehavior: 'formPost',
      metadataAddress: '',
    });
  });

  it('places validation messages from main under their fields', () => {
    expect(ssoErrorsFrom('config.clientSecret: Enter the client secret.; identifier: Too long')).toEqual({
      fields: { clientSecret: 'Enter the client secret.', identifier: 'Too long' },
      rest: '',
    });
    expect(ssoErrorsFrom('The IdP X.509 certificate could not be read. Paste it in PEM format.').fields).toEqual({
      idpX509PublicCert: 'The IdP X.509 certificate could not be read. Paste it in PEM format.',
    });
    expect(ssoErrorsFrom('config.type: Invalid input').rest).toBe('config.type: Invalid input');
  });
});
