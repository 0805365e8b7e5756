// License download for self-hosting (bitwarden-api.md §7.9): Owner only, signed, installation recorded.
import { importSPKI, jwtVerify } from 'jose';
import { beforeAll, expect, it } from 'vitest';
import { licensePublicKeyPem, verifyLicenseSignature } from '../../src-server/domain/orgLicense';
import { describeServer } from './harness';
import { expectMatrix } from './orgAssertions';
import { buildWorld, type World } from './orgWorld';

describeServer('org license', (t) => {
  let w: World;
  const path = (installationId: string = crypto.randomUUID()) =>
    `/api/organizations/${w.org.id}/license?installationId=${installationId}`;

  beforeAll(async () => {
    w = await buildWorld(t(), ['manageUsers']);
  });

  it('answers a license signed with the server license key and records the installation', async () => {
    const installationId = crypto.randomUUID();
    const res = await t().http.get(path(installationId), { token: w.users.owner.accessToken });
    expect(res.status).toBe(200);
    const license = res.body;
    expect(license.object).toBeUndefined();
    expect(license).toMatchObject({
      id: w.org.id,
      installationId,
      name: 'Acme Corp',
      planType: 20,
      plan: 'Enterprise (Annually)',
      seats: expect.any(Number),
      enabled: true,
      useSso: true,
      usePolicies: true,
      selfHost: true,
      licenseType: 1,
      version: 16,
      trial: false,
    });
    for (const key of [
      'licenseKey',
      'issued',
      'refresh',
      'expires',
      'expirationWithoutGracePeriod',
      'hash',
      'signature',
      'token',
    ])
      expect(license[key], key).toEqual(expect.any(String));
    const pem = await licensePublicKeyPem(t().db);
    expect(verifyLicenseSignature(license, pem)).toBe(true);
    expect(verifyLicenseSignature({ ...license, seats: 9999 }, pem)).toBe(false);
    const { payload } = await jwtVerify(license.token, await importSPKI(pem, 'RS256'));
    expect(payload).toMatchObject({ id: w.org.id, installationId, hash: license.hash, sub: w.org.id });
    const link = await t()
      .db.selectFrom('organization_installations')
      .selectAll()
      .where('organization_id', '=', w.org.id)
      .execute();
    expect(link.map((l) => l.installation_id)).toEqual([installationId]);
  });

  it('needs an installation id', async () => {
    const res = await t().http.get(`/api/organizations/${w.org.id}/license`, { token: w.users.owner.accessToken });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({
      message: 'The model state is invalid.',
      validationErrors: { InstallationId: expect.any(Array) },
    });
    expect(
      (
        await t().http.get(`/api/organizations/${w.org.id}/license?installationId=nope`, {
          token: w.users.owner.accessToken,
        })
      ).status,
    ).toBe(400);
  });

  it('authorization matrix: Owner only', async () => {
    await expectMatrix(t(), w, ['owner'], (token) => t().http.get(path(), token ? { token } : {}));
  });
});
