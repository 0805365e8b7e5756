// SSO configuration (bitwarden-api.md §7.7): get/save OIDC and SAML, validation, events, matrix, bad input.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { ensureSelfSigned } from '../../src-server/tls';
import { describeServer } from './harness';
import { badBodies, expectMatrix, expectRejected } from './orgAssertions';
import { buildWorld, createEnterpriseOrg, type Actor, type World } from './orgWorld';

const MANAGERS: Actor[] = ['owner', 'admin', 'customWith'];
const OIDC = {
  configType: 1,
  memberDecryptionType: 0,
  authority: 'https://login.example.com',
  clientId: 'desk',
  clientSecret: 's3cret',
  redirectBehavior: 1,
  additionalScopes: 'groups',
};

function testCertificate(): string {
  const dir = mkdtempSync(join(tmpdir(), 'pd-sso-'));
  try {
    return readFileSync(ensureSelfSigned(dir).caPath!, 'utf8');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describeServer('org SSO configuration', (t) => {
  let w: World;
  const path = () => `/api/organizations/${w.org.id}/sso`;
  const save = (token: string | undefined, json: unknown, p = path()) =>
    t().http.post(p, { ...(token ? { token } : {}), json });
  const eventTypes = async () =>
    (
      await t()
        .db.selectFrom('events')
        .select('type')
        .where('organization_id', '=', w.org.id)
        .where('type', 'in', [1600, 1604, 1605, 1606, 1607])
        .orderBy('date')
        .execute()
    ).map((e) => e.type);

  beforeAll(async () => {
    w = await buildWorld(t(), ['manageSso']);
  });

  it('starts empty, saves OIDC with an identifier, and logs enable/disable and key connector events', async () => {
    const token = w.users.owner.accessToken;
    const empty = await t().http.get(path(), { token });
    expect(empty.body).toEqual({
      object: 'organizationSso',
      enabled: false,
      identifier: null,
      data: null,
      urls: {
        callbackPath: `${t().url}/sso/oidc-signin`,
        signedOutCallbackPath: `${t().url}/sso/oidc-signedout`,
        spEntityId: `${t().url}/sso/saml2/${w.org.id}`,
        spEntityIdStatic: `${t().url}/sso/saml2`,
        spMetadataUrl: `${t().url}/sso/saml2/${w.org.id}`,
        spAcsUrl: `${t().url}/sso/saml2/${w.org.id}/Acs`,
      },
    });
    const res = await save(token, { enabled: true, identifier: 'acme-sso', data: OIDC });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      enabled: true,
      identifier: 'acme-sso',
      data: { ...OIDC, spOutboundSigningAlgorithm: 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256' },
    });
    expect((await t().http.get(path(), { token })).body.data.clientSecret).toBe('s3cret');
    await save(token, {
      enabled: true,
      data: { ...OIDC, memberDecryptionType: 1, keyConnectorUrl: 'https://kc.example.com' },
    });
    await save(token, { enabled: false, data: OIDC });
    expect((await eventTypes()).sort()).toEqual([1604, 1605, 1606, 1607]);
    const other = await createEnterpriseOrg(t(), w.users.otherOrg, 'Other 2');
    const taken = await save(
      w.users.otherOrg.accessToken,
      { enabled: true, identifier: 'acme-sso', data: OIDC },
      `/api/organizations/${other.id}/sso`,
    );
    expect(taken.body.message).toBe('Organization with this SSO identifier already exists.');
  });

  it('saves SAML with a parsable certificate stored without PEM armour', async () => {
    const pem = testCertificate();
    const saml = {
      configType: 2,
      idpEntityId: 'https://idp.example.com',
      idpBindingType: 2,
      idpSingleSignOnServiceUrl: 'https://idp.example.com/sso',
      idpX509PublicCert: pem,
      spNameIdFormat: 2,
      spSigningBehavior: 1,
    };
    const res = await save(w.users.admin.accessToken, { enabled: true, data: saml });
    expect(res.status).toBe(200);
    expect(res.body.data.idpX509PublicCert).toBe(pem.replace(/-----(BEGIN|END) CERTIFICATE-----|\s/g, ''));
  });

  it('validates per configuration type', async () => {
    const token = w.users.owner.accessToken;
    const oidc = await save(token, {
      enabled: true,
      data: { configType: 1, authority: 'https://x.example.com', clientId: 'a' },
    });
    expect(oidc.body).toMatchObject({
      message: 'The model state is invalid.',
      validationErrors: { ClientSecret: ['The Client Secret field is required.'] },
    });
    const saml = await save(token, {
      enabled: true,
      data: { configType: 2, idpEntityId: 'x', idpSingleSignOnServiceUrl: 'nope', idpX509PublicCert: 'AAAA' },
    });
    expect(Object.keys(saml.body.validationErrors).sort()).toEqual(['IdpSingleSignOnServiceUrl', 'IdpX509PublicCert']);
  });

  it('authorization matrix: GET and POST', async () => {
    await expectMatrix(t(), w, MANAGERS, (token) => t().http.get(path(), token ? { token } : {}));
    await expectMatrix(t(), w, MANAGERS, (token) => save(token, { enabled: true, data: OIDC }), {
      probe: (token) => save(token, { enabled: 'no' }),
      allowedStatus: 400,
    });
  });

  it('rejects bad bodies', async () => {
    const token = w.users.owner.accessToken;
    await expectRejected(t(), (body) => save(token, body), [
      ...badBodies({ enabled: true, identifier: 'ident', data: OIDC }, { required: ['enabled', 'data'] }),
      { label: 'identifier over 50', body: { enabled: true, identifier: 'i'.repeat(51), data: OIDC } },
      { label: 'configType 3', body: { enabled: true, data: { ...OIDC, configType: 3 } } },
      { label: 'redirectBehavior 5', body: { enabled: true, data: { ...OIDC, redirectBehavior: 5 } } },
      { label: 'oversized secret', body: { enabled: true, data: { ...OIDC, clientSecret: 's'.repeat(501) } } },
      { label: 'key connector without URL', body: { enabled: true, data: { ...OIDC, memberDecryptionType: 1 } } },
    ]);
  });
});
