// GET /api/sync (bitwarden-api.md §5, §13.6).
import type { RouteModule } from '../../context';
import { parseJson } from '../../db/values';
import { syncCiphers } from '../../domain/ciphers';
import { OrgUserStatus } from '../../domain/orgRoles';
import { profileResponse } from '../../domain/profile';
import { collectionDetails, userCollections } from '../../domain/userCollections';
import { findUserById } from '../../domain/users';
import { requireAuth } from '../../http/auth';
import { unauthorized } from '../../http/errors';

const sync: RouteModule = (app, ctx) => {
  app.get<{ Querystring: { excludeDomains?: string } }>('/sync', async (request) => {
    const auth = requireAuth(request);
    const user = await findUserById(ctx.db, auth.userId);
    if (!user) throw unauthorized();
    const profile = await profileResponse(ctx.db, user);
    const folders = await ctx.db.selectFrom('folders').selectAll().where('user_id', '=', user.id).execute();
    const collections = await userCollections(ctx.db, user.id);
    const ciphers = await syncCiphers(ctx.db, user.id, collections);
    const policyRows = await ctx.db
      .selectFrom('policies')
      .innerJoin('organization_users as ou', 'ou.organization_id', 'policies.organization_id')
      .select([
        'policies.id',
        'policies.organization_id',
        'policies.type',
        'policies.data',
        'policies.enabled',
        'policies.revision_date',
        'ou.status',
      ])
      .where('ou.user_id', '=', user.id)
      .where('ou.status', 'in', [OrgUserStatus.Accepted, OrgUserStatus.Confirmed])
      .execute();
    const policy = (p: (typeof policyRows)[number]) => ({
      object: 'policy',
      id: p.id,
      organizationId: p.organization_id,
      type: p.type,
      data: parseJson<Record<string, unknown> | null>(p.data, null),
      enabled: p.enabled === 1,
      revisionDate: p.revision_date,
    });
    const excludeDomains = String(request.query.excludeDomains ?? 'false').toLowerCase() === 'true';
    return {
      object: 'sync',
      profile,
      folders: folders.map((f) => ({ object: 'folder', id: f.id, name: f.name, revisionDate: f.revision_date })),
      collections: collections.map(collectionDetails),
      ciphers,
      domains: excludeDomains ? null : { object: 'domains', equivalentDomains: [], globalEquivalentDomains: [] },
      policies: policyRows.filter((p) => p.status === OrgUserStatus.Confirmed).map(policy),
      policiesNew: policyRows.map(policy),
      sends: [],
      userDecryption: {
        masterPasswordUnlock: user.key
          ? {
              kdf: {
                kdfType: user.kdf,
                iterations: user.kdf_iterations,
                memory: user.kdf_memory,
                parallelism: user.kdf_parallelism,
              },
              masterKeyEncryptedUserKey: user.key,
              salt: user.master_password_salt ?? user.email,
              ...(user.user_key_id ? { containedKeyId: user.user_key_id } : {}),
            }
          : null,
        webAuthnPrfOptions: [],
        ...(user.user_key_id ? { userKeyId: user.user_key_id } : {}),
      },
    };
  });
};

export default sync;
