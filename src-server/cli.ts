// Command line: `npm run server -- <command> [flags]` (tsx src-server/cli.ts).
//   serve    start the backend (creates and migrates the database on first start)
//   migrate  migrate the database and exit
// Flags override the environment (PD_DATA_DIR, PD_HOST, PD_PORT, DATABASE_URL, PD_PUBLIC_URL, PD_TLS_CERT,
// PD_TLS_KEY, PD_TLS_SELF_SIGNED, PD_INSECURE_HTTP, PD_TRUST_PROXY, SMTP_HOST, SMTP_PORT, SMTP_SECURE, SMTP_USER, SMTP_PASS, SMTP_FROM).
// Environment only (secrets, issue 13): PD_JWT_KEY, PD_JWT_KEY_FILE, PD_JWT_KEY_PREVIOUS, PD_JWT_KEY_PREVIOUS_FILE
// (src-server/README.md, "Storage at rest and signing keys").
import { parseArgs } from 'node:util';
import { createServer } from './app';
import { configFromEnv, parseConfig, type ServerConfigInput } from './config';
import { openDatabase } from './db/database';
import { migrateToLatest } from './db/migrate';
import { PROVIDER_COMMANDS, PROVIDER_USAGE, runProviderCommand } from './seed/commands'; // issue 5

const USAGE = `usage: npm run server -- <serve|migrate> [options]
  --data-dir <dir>          data folder (default: the OS app-data folder)
  --host <addr>             listen address (default 127.0.0.1)
  --port <n>                listen port (default 8443; 0 = any free port)
  --database-url <url>      postgres://… (default: SQLite file in the data dir)
  --public-url <url>        base URL clients and mailed links use (default
                            https://<host>:<port>, https://localhost:<port> on loopback)
  --tls-cert <file> --tls-key <file>
  --tls-self-signed         generate (once) a local CA and certificate in the data dir
  --insecure-http           plain http, loopback hosts only
  --smtp-host <h> --smtp-port <n> --smtp-secure --smtp-user <u> --smtp-pass <p> --mail-from <addr>
  --log-level <level>
  --trust-proxy <true|addresses>
                            behind a load balancer: believe X-Forwarded-For from these proxies (comma-separated
                            addresses/CIDRs) or from any hop (true)
commands added by issue 5 (same options):
${PROVIDER_USAGE}`;

const options = {
  'data-dir': { type: 'string' },
  host: { type: 'string' },
  port: { type: 'string' },
  'database-url': { type: 'string' },
  'public-url': { type: 'string' },
  'tls-cert': { type: 'string' },
  'tls-key': { type: 'string' },
  'tls-self-signed': { type: 'boolean' },
  'insecure-http': { type: 'boolean' },
  'smtp-host': { type: 'string' },
  'smtp-port': { type: 'string' },
  'smtp-secure': { type: 'boolean' },
  'smtp-user': { type: 'string' },
  'smtp-pass': { type: 'string' },
  'mail-from': { type: 'string' },
  'log-level': { type: 'string' },
  'trust-proxy': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

type Flags = ReturnType<typeof parseArgs<{ options: typeof options; allowPositionals: true }>>['values'];

function defined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

export function configFromFlags(flags: Flags, env: NodeJS.ProcessEnv = process.env): ServerConfigInput {
  const base = configFromEnv(env);
  const smtpHost = flags['smtp-host'] ?? base.smtp?.host;
  return {
    ...base,
    ...defined({
      dataDir: flags['data-dir'],
      host: flags.host,
      port: flags.port,
      databaseUrl: flags['database-url'],
      publicUrl: flags['public-url'],
      tlsCert: flags['tls-cert'],
      tlsKey: flags['tls-key'],
      tlsSelfSigned: flags['tls-self-signed'],
      insecureHttp: flags['insecure-http'],
      mailFrom: flags['mail-from'],
      logLevel: flags['log-level'] as ServerConfigInput['logLevel'],
      trustProxy: flags['trust-proxy'],
    }),
    smtp: smtpHost
      ? {
          ...base.smtp,
          host: smtpHost,
          ...defined({
            port: flags['smtp-port'],
            secure: flags['smtp-secure'],
            user: flags['smtp-user'],
            pass: flags['smtp-pass'],
          }),
        }
      : undefined,
  } as ServerConfigInput;
}

async function serve(input: ServerConfigInput): Promise<void> {
  const config = parseConfig(input);
  const server = await createServer(config);
  const url = await server.listen();
  server.app.log.info(
    `Provider Desk backend listening on ${url} (data: ${config.dataDir}, database: ${server.ctx.dbKind})`,
  );
  if (server.tls?.caPath) {
    server.app.log.info(
      `local CA certificate: ${server.tls.caPath} (trust it, e.g. NODE_EXTRA_CA_CERTS=${server.tls.caPath})`,
    );
  }
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      void server.close().then(() => process.exit(0));
    });
  }
}

async function migrate(input: ServerConfigInput): Promise<void> {
  // Migrating needs no listener: validate only the database part of the configuration.
  const config = parseConfig({ ...input, insecureHttp: true, host: '127.0.0.1' });
  const db = openDatabase(config);
  try {
    const applied = await migrateToLatest(db, { config, log: (m) => console.log(m) });
    console.log(applied.length ? `applied: ${applied.join(', ')}` : 'database is up to date');
  } finally {
    await db.destroy();
  }
}

export async function main(argv: string[]): Promise<void> {
  // Issue 5: provider-invite and seed-demo parse their own flags on top of these (src-server/seed/commands.ts).
  if (PROVIDER_COMMANDS.includes(argv[0] ?? ''))
    return runProviderCommand(argv[0]!, argv.slice(1), options, (flags) => configFromFlags(flags));
  const { values, positionals } = parseArgs({ args: argv, options, allowPositionals: true });
  const [command] = positionals;
  if (values.help || !command) {
    console.log(USAGE);
    return;
  }
  const input = configFromFlags(values);
  if (command === 'serve') return serve(input);
  if (command === 'migrate') return migrate(input);
  console.error(`unknown command: ${command}\n${USAGE}`);
  process.exitCode = 2;
}

const invokedDirectly = process.argv[1] && /cli\.(ts|js|mjs)$/.test(process.argv[1]);
if (invokedDirectly) {
  main(process.argv.slice(2)).catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : String(err));
    process.exit(1);
  });
}
