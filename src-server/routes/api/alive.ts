// GET /api/alive (anonymous): the health check for load balancers and orchestrators (issue 9, docs/deploy.md).
// Like Bitwarden's AliveController it answers the server time as a JSON string; it also pings the database, so an
// instance that lost its database answers 503 and leaves the pool.
import { sql } from 'kysely';
import type { RouteModule } from '../../context';
import { errorBody } from '../../http/errors';

const alive: RouteModule = (app, ctx) => {
  app.get('/alive', { config: { anonymous: true } }, async (request, reply) => {
    try {
      await sql`select 1`.execute(ctx.db);
    } catch (err) {
      request.log.error(
        { err: err instanceof Error ? err.message : String(err) },
        'health check: database unavailable',
      );
      return reply.status(503).send(errorBody('The database is unavailable.'));
    }
    return reply.type('application/json; charset=utf-8').send(JSON.stringify(new Date().toISOString()));
  });
};

export default alive;
