// POST /identity/accounts/prelogin/password and the obsolete /identity/accounts/prelogin (bitwarden-api.md §3.1).
import { z } from 'zod';
import type { RouteModule } from '../../context';
import { normalizeEmail } from '../../db/values';
import { fakeKdf, preloginResponse } from '../../domain/kdf';
import { email } from '../../http/schemas';
import { parseBody } from '../../http/validate';

const body = z.object({ email: email() });

const prelogin: RouteModule = (app, ctx) => {
  const handler = async (request: { body: unknown }) => {
    const address = normalizeEmail(parseBody(body, request.body).email);
    const user = await ctx.db
      .selectFrom('users')
      .select(['kdf', 'kdf_iterations', 'kdf_memory', 'kdf_parallelism', 'master_password_salt'])
      .where('email', '=', address)
      .executeTakeFirst();
    if (!user) return preloginResponse(fakeKdf(ctx.keys.hmac, address), address);
    return preloginResponse(
      { kdf: user.kdf, iterations: user.kdf_iterations, memory: user.kdf_memory, parallelism: user.kdf_parallelism },
      user.master_password_salt ?? address,
    );
  };
  app.post('/accounts/prelogin/password', handler);
  app.post('/accounts/prelogin', handler);
};

export default prelogin;
