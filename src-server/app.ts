// The Fastify factory: `createServer(config)` opens (and migrates) the database, wires the mailer and routes,
// and returns a server that listens on HTTPS (or loopback http when asked).
import { existsSync } from 'node:fs';
import Fastify, { LogController, type FastifyInstance } from 'fastify';
import { publicBaseUrl, type ServerConfig } from './config';
import type { RouteModule, ServerContext } from './context';
import { databaseKind, isPostgresUrl, openDatabase, sqlitePath } from './db/database';
import { migrateToLatest } from './db/migrate';
import { resolveJwtKeys } from './domain/jwtKeys';
import { loadServerKeys, type ServerKeys } from './domain/serverKeys';
import { installAuth } from './http/auth';
import { installBodyParsers } from './http/bodyParsers';
import { installErrorHandler } from './http/errors';
import { createMailer, type Mailer } from './mail/mailer';
import { apiModules } from './routes/api/index';
import { eventsModules } from './routes/events/index';
import { identityModules } from './routes/identity/index';
import { secureDataDir } from './storage';
import { resolveTls, type TlsMaterial } from './tls';
import { registerJoinPages } from './web/joinPages';

export interface ProviderDeskServer {
  app: FastifyInstance;
  ctx: ServerContext;
  tls: TlsMaterial | null;
  /** Starts listening; resolves to the public base URL (`https://127.0.0.1:<port>`). */
  listen(): Promise<string>;
  close(): Promise<void>;
}

export interface CreateServerOptions {
  /** Run migrations on start (default true: the server creates and migrates its database on first start). */
  migrate?: boolean;
  /** Replace the mailer (tests). */
  mailer?: Mailer;
}

export async function createServer(
  config: ServerConfig,
  options: CreateServerOptions = {},
): Promise<ProviderDeskServer> {
  // Issue 13: data folder 0700 and its files 0600, fixed before anything reads or adds to it.
  const external = [
    ...(config.databaseUrl?.startsWith('sqlite:') ? [sqlitePath(config)] : []),
    ...[config.jwtKeyFile, config.jwtKeyPreviousFile].filter((f): f is string => !!f && existsSync(f)),
  ];
  const permissionsFixed = secureDataDir(config.dataDir, external);
  const tls = resolveTls(config);
  const app = Fastify({
    logger: {
      level: config.logLevel,
      redact: ['req.headers.authorization', 'req.headers.cookie'],
    },
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: config.bodyLimitBytes,
    trustProxy: config.trustProxy,
    ...(tls ? { https: { key: tls.key, cert: tls.cert } } : {}),
  });

  if (permissionsFixed) app.log.warn(permissionsFixed);
  const db = openDatabase(config);
  let keys: ServerKeys;
  try {
    const keysAtRest = { config, log: (m: string) => app.log.info(m) };
    if (options.migrate !== false) await migrateToLatest(db, keysAtRest);
    const jwtKeys = resolveJwtKeys(config);
    if (isPostgresUrl(config.databaseUrl) && !config.jwtKey)
      app.log.info(
        `JWT signing key from ${jwtKeys.source}: several instances on this database must share one key (PD_JWT_KEY)`,
      );
    keys = await loadServerKeys(db, jwtKeys);
  } catch (err) {
    await db.destroy();
    throw err;
  }
  let baseUrl = config.publicUrl ? publicBaseUrl(config, config.port) : '';
  const ctx: ServerContext = {
    config,
    db,
    dbKind: databaseKind(config),
    keys,
    mailer: options.mailer ?? createMailer(config, app.log),
    baseUrl: () => baseUrl,
  };

  app.decorateRequest('auth', null);
  installBodyParsers(app);
  installErrorHandler(app);
  // Concise access log without query strings (invite tokens travel in some of them).
  app.addHook('onResponse', async (request, reply) => {
    request.log.info(
      {
        method: request.method,
        path: request.url.split('?')[0],
        status: reply.statusCode,
        ms: Math.round(reply.elapsedTime),
      },
      'request',
    );
  });

  const mount = (prefix: string, modules: RouteModule[], withAuth: boolean) =>
    app.register(
      async (scope) => {
        if (withAuth) installAuth(scope, ctx);
        for (const register of modules) await register(scope, ctx);
      },
      { prefix },
    );
  await mount('/identity', identityModules, false);
  await mount('/api', apiModules, true);
  await mount('/events', eventsModules, true);
  // The pages mailed links open (issue 12), and an HTML 404 for browsers on any other non-API path.
  registerJoinPages(app);
  app.addHook('onClose', async () => {
    await db.destroy();
  });

  return {
    app,
    ctx,
    tls,
    async listen() {
      await app.listen({ host: config.host, port: config.port });
      const address = app.server.address();
      const port = typeof address === 'object' && address ? address.port : config.port;
      baseUrl = publicBaseUrl(config, port);
      return baseUrl;
    },
    close: () => app.close(),
  };
}
