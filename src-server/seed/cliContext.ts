// What the provider commands need outside a running server: the database (migrated), the shared server keys,
// the mailer (SMTP or outbox) and the public base URL the links point at.
import type { FastifyBaseLogger } from 'fastify';
import { parseConfig, publicBaseUrl, type ServerConfig, type ServerConfigInput } from '../config';
import { openDatabase, type Db } from '../db/database';
import { migrateToLatest } from '../db/migrate';
import { resolveJwtKeys } from '../domain/jwtKeys';
import { loadServerKeys, type ServerKeys } from '../domain/serverKeys';
import { createMailer, type Mailer } from '../mail/mailer';

export interface CommandContext {
  config: ServerConfig;
  db: Db;
  keys: ServerKeys;
  mailer: Mailer;
  baseUrl: string;
  close(): Promise<void>;
}

/** A logger for the mailer: problems only (the commands print what they sent themselves). */
export function consoleLogger(): FastifyBaseLogger {
  const print = (obj: unknown, msg?: string) => console.error(typeof obj === 'string' ? obj : (msg ?? ''));
  const quiet = () => {};
  const logger = {
    info: quiet,
    warn: print,
    error: print,
    fatal: print,
    debug: quiet,
    trace: quiet,
    silent: quiet,
    level: 'warn',
    child: () => logger,
  };
  return logger as unknown as FastifyBaseLogger;
}

/** Parses the serve flags without needing a TLS choice (commands do not listen) and opens what commands use. */
export async function openCommandContext(input: ServerConfigInput): Promise<CommandContext> {
  const https = !input.insecureHttp;
  const config = parseConfig({
    ...input,
    insecureHttp: true,
    host: input.host ?? '127.0.0.1',
    tlsCert: undefined,
    tlsKey: undefined,
    tlsSelfSigned: false,
  });
  const baseUrl = publicBaseUrl(config, config.port, https ? 'https' : 'http');
  const db = openDatabase(config);
  await migrateToLatest(db, { config });
  const keys = await loadServerKeys(db, resolveJwtKeys(config));
  return { config, db, keys, mailer: createMailer(config, consoleLogger()), baseUrl, close: () => db.destroy() };
}
