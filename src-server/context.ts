// What every route module receives: configuration, database, shared keys, mailer, public URL.
import type { FastifyInstance } from 'fastify';
import type { ServerConfig } from './config';
import type { Db, DbKind } from './db/database';
import type { ServerKeys } from './domain/serverKeys';
import type { Mailer } from './mail/mailer';

export interface ServerContext {
  config: ServerConfig;
  db: Db;
  dbKind: DbKind;
  keys: ServerKeys;
  mailer: Mailer;
  /** `https://host:port` (or `--public-url`); known once the server listens. */
  baseUrl(): string;
}

/** A route module: registers its routes on the (prefixed) Fastify scope it is given. */
export type RouteModule = (app: FastifyInstance, ctx: ServerContext) => void | Promise<void>;
