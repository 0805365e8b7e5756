// A Custom member with manage-users stops at Admins and Owners on revoke, restore and remove, single and bulk
// (upstream `CustomUserActingOnAdminValidator`), as it already does on edit; Admins themselves are not limited.
import { beforeAll, describe, expect, it } from 'vitest';
import { describeServer, type HttpResponse } from './harness';
import { addMember, buildWorld, type World } from './orgWorld';
import { registerAndLogin } from './users';

const CUSTOM_REVOKE = 'Custom users can not revoke admins.';
const CUSTOM_RESTORE = 'Custom users can not restore admins.';
const CUSTOM_REMOVE = 'Custom users can not remove admins.';

describeServer('security: Custom members do not act on Admins or Owners', (t) => {
  let w: World;
  let admin2: string;
  let revokedAdmin: string;
  let users: string[];
  const base = () => `/api/organizations/${w.org.id}/users`;
  const custom = () => w.users.customWith.accessToken;
  const status = async (id: string) =>
    (await t().db.selectFrom('organization_users').select('status').where('id', '=', id).executeTakeFirst())?.status;
  const expectRefused = (res: HttpResponse, message: string) => {
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ object: 'error', message });
  };
  const errors = (res: HttpResponse) =>
    Object.fromEntries((res.body.data as { id: string; error: string }[]).map((r) => [r.id, r.error]));

  beforeAll(async () => {
    w = await buildWorld(t(), ['manageUsers']);
    const extra = async (type: number) => addMember(t(), w.org, w.users.owner, await registerAndLogin(t()), type);
    admin2 = await extra(1);
    revokedAdmin = await extra(1);
    users = [await extra(2), await extra(2), await extra(2)];
    const owner = w.users.owner.accessToken;
    expect((await t().http.put(`${base()}/${revokedAdmin}/revoke`, { token: owner })).status).toBe(200);
    expect((await t().http.put(`${base()}/${users[1]}/revoke`, { token: owner })).status).toBe(200);
  });

  describe('single', () => {
    it('refuses to revoke an Admin or an Owner', async () => {
      for (const method of ['put', 'patch'] as const) {
        const res = await t().http.request(method.toUpperCase(), `${base()}/${w.orgUserIds.admin}/revoke`, {
          token: custom(),
        });
        expectRefused(res, CUSTOM_REVOKE);
      }
      expectRefused(
        await t().http.put(`${base()}/${w.orgUserIds.owner}/revoke`, { token: custom() }),
        'Only owners can revoke other owners.',
      );
      expect(await status(w.orgUserIds.admin)).toBe(2);
      expect(await status(w.orgUserIds.owner)).toBe(2);
    });

    it('refuses to restore a revoked Admin', async () => {
      expectRefused(await t().http.put(`${base()}/${revokedAdmin}/restore`, { token: custom() }), CUSTOM_RESTORE);
      expectRefused(
        await t().http.put(`${base()}/${revokedAdmin}/restore/vnext`, { token: custom(), json: {} }),
        CUSTOM_RESTORE,
      );
      expect(await status(revokedAdmin)).toBe(-1);
    });

    it('refuses to remove an Admin or an Owner', async () => {
      expectRefused(await t().http.delete(`${base()}/${w.orgUserIds.admin}`, { token: custom() }), CUSTOM_REMOVE);
      expectRefused(await t().http.post(`${base()}/${admin2}/remove`, { token: custom() }), CUSTOM_REMOVE);
      expectRefused(
        await t().http.delete(`${base()}/${w.orgUserIds.owner}`, { token: custom() }),
        'Only owners can delete other owners.',
      );
      expect(await status(w.orgUserIds.admin)).toBe(2);
      expect(await status(admin2)).toBe(2);
    });
  });

  describe('bulk: per-user errors, the others go through', () => {
    it('revoke', async () => {
      const res = await t().http.put(`${base()}/revoke`, {
        token: custom(),
        json: { ids: [w.orgUserIds.admin, w.orgUserIds.owner, users[0]] },
      });
      expect(res.status).toBe(200);
      expect(errors(res)).toEqual({
        [w.orgUserIds.admin]: CUSTOM_REVOKE,
        [w.orgUserIds.owner]: 'Only owners can revoke other owners.',
        [users[0]!]: '',
      });
      expect(await status(w.orgUserIds.admin)).toBe(2);
      expect(await status(users[0]!)).toBe(-1);
    });

    it('restore', async () => {
      const res = await t().http.put(`${base()}/restore`, { token: custom(), json: { ids: [revokedAdmin, users[1]] } });
      expect(res.status).toBe(200);
      expect(errors(res)).toEqual({ [revokedAdmin]: CUSTOM_RESTORE, [users[1]!]: '' });
      expect(await status(revokedAdmin)).toBe(-1);
      expect(await status(users[1]!)).toBe(2);
    });

    it('remove (DELETE and POST remove)', async () => {
      const del = await t().http.delete(base(), {
        token: custom(),
        json: { ids: [w.orgUserIds.admin, w.orgUserIds.owner, users[2]] },
      });
      expect(del.status).toBe(200);
      expect(errors(del)).toEqual({
        [w.orgUserIds.admin]: CUSTOM_REMOVE,
        [w.orgUserIds.owner]: 'Only owners can delete other owners.',
        [users[2]!]: '',
      });
      const post = await t().http.post(`${base()}/remove`, { token: custom(), json: { ids: [admin2] } });
      expect(errors(post)).toEqual({ [admin2]: CUSTOM_REMOVE });
      expect(await status(w.orgUserIds.admin)).toBe(2);
      expect(await status(admin2)).toBe(2);
      expect(await status(users[2]!)).toBeUndefined();
    });
  });

  it('an Admin still revokes, restores and removes another Admin', async () => {
    const token = w.users.admin.accessToken;
    expect((await t().http.put(`${base()}/${admin2}/revoke`, { token })).status).toBe(200);
    expect((await t().http.put(`${base()}/${admin2}/restore`, { token })).status).toBe(200);
    expect((await t().http.delete(`${base()}/${admin2}`, { token })).status).toBe(200);
    expect(await status(admin2)).toBeUndefined();
  });
});
