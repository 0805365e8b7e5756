// Server configuration: flags override environment variables, zod validates the result.
import { homedir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { providerBillingSchema } from './domain/providers/billingConfig'; // issue 5

const bool = z
  .union([z.boolean(), z.enum(['1', '0', 'true', 'false', 'yes', 'no'])])
  .transform((v) => v === true || v === '1' || v === 'true' || v === 'yes');
const int = z.coerce.number().int();
/** A secret key in base64 (standard or URL-safe), at least 256 bits: `openssl rand -base64 32`. */
const base64Key = z
  .string()
  .trim()
  .refine((v) => /^[A-Za-z0-9+/_-]+={0,2}$/.test(v) && Buffer.from(v, 'base64').length >= 32, {
    message: 'must be base64 of at least 32 bytes (openssl rand -base64 32)',
  });

export const configSchema = z
  .object({
    dataDir: z.string().min(1),
    host: z.string().min(1).default('127.0.0.1'),
    port: int.min(0).max(65535).default(8443),
    databaseUrl: z.string().optional(),
    publicUrl: z.url().optional(),
    tlsCert: z.string().optional(),
    tlsKey: z.string().optional(),
    tlsSelfSigned: bool.default(false),
    insecureHttp: bool.default(false),
    /**
     * Access-token signing key (issue 13), kept outside the database: `PD_JWT_KEY` (base64; what several instances
     * on PostgreSQL share), else the file `PD_JWT_KEY_FILE`, else `<dataDir>/jwt.key` (made once, 0600).
     */
    jwtKey: base64Key.optional(),
    jwtKeyFile: z.string().min(1).optional(),
    /** Rollover: keys still accepted for verification (comma-separated base64), while new tokens use `jwtKey`. */
    jwtKeyPrevious: z
      .string()
      .transform((v) =>
        v
          .split(',')
          .map((k) => k.trim())
          .filter(Boolean),
      )
      .pipe(z.array(base64Key))
      .optional(),
    /** Rollover from a file: default `<dataDir>/jwt.previous.key` when present. */
    jwtKeyPreviousFile: z.string().min(1).optional(),
    smtp: z
      .object({
        host: z.string().min(1),
        port: int.min(1).max(65535).default(587),
        secure: bool.default(false),
        user: z.string().optional(),
        pass: z.string().optional(),
        ignoreTls: bool.default(false),
      })
      .optional(),
    mailFrom: z.string().default('Provider Desk <no-reply@provider-desk.local>'),
    disableUserRegistration: bool.default(false),
    /** true: registration links go by mail (204); false: send-verification-email returns the token (Bitwarden's self-hosted default). */
    emailVerification: bool.default(true),
    newDeviceVerification: bool.default(false),
    /** Slow KDF work factor for the server-side re-hash of master password hashes. */
    passwordHashIterations: int.min(1000).default(200_000),
    /** Bitwarden waits 2 s before answering a failed secret check. */
    failedAuthDelayMs: int.min(0).default(2000),
    /**
     * Login backoff (src-server/README.md "Login backoff"): per (account, client address) `freeFailures` failures,
     * then waits of `delaySeconds` doubling per failure up to `maxDelaySeconds`; per address across accounts the same
     * after `ipMaxFailures`. Counters reset after `windowSeconds` without a failure or lock.
     */
    backoff: z
      .object({
        freeFailures: int.min(1).default(5),
        ipMaxFailures: int.min(1).default(200),
        windowSeconds: int.min(1).default(900),
        delaySeconds: int.min(1).default(1),
        maxDelaySeconds: int.min(1).default(900),
      })
      .default({ freeFailures: 5, ipMaxFailures: 200, windowSeconds: 900, delaySeconds: 1, maxDelaySeconds: 900 }),
    /** Anonymous routes that send mail: requests per client address and per target address within `windowSeconds`. */
    mailRateLimit: z
      .object({
        perIp: int.min(1).default(120),
        perEmail: int.min(1).default(10),
        windowSeconds: int.min(1).default(900),
      })
      .default({ perIp: 120, perEmail: 10, windowSeconds: 900 }),
    bodyLimitBytes: int.min(1024).default(5 * 1024 * 1024),
    /**
     * Behind a load balancer or reverse proxy: which X-Forwarded-For hops to believe for the client address (IP
     * backoff, event IPs). `true` trusts every hop (only when the proxy is the sole way in); otherwise a comma-separated
     * list of proxy addresses or CIDRs, e.g. `10.0.0.0/8,127.0.0.1`. Default false: the socket address.
     */
    trustProxy: z.union([bool, z.string().regex(/^[0-9a-fA-F.:/, ]+$/)]).default(false),
    logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    /** Issue 5: provider plan prices, seat minimums, invoice terms (`domain/providers/billingConfig.ts`). */
    providerBilling: providerBillingSchema.prefault({}),
  })
  .superRefine((c, ctx) => {
    if (!!c.tlsCert !== !!c.tlsKey) ctx.addIssue({ code: 'custom', message: '--tls-cert and --tls-key go together' });
    if (c.insecureHttp && !isLoopback(c.host)) {
      ctx.addIssue({ code: 'custom', message: '--insecure-http is only allowed when --host is a loopback address' });
    }
    if (!c.insecureHttp && !c.tlsCert && !c.tlsSelfSigned) {
      ctx.addIssue({
        code: 'custom',
        message: 'choose --tls-cert/--tls-key, --tls-self-signed, or --insecure-http (loopback only)',
      });
    }
  });

export type ServerConfig = z.output<typeof configSchema>;
export type ServerConfigInput = z.input<typeof configSchema>;

export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || host === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

export function parseConfig(input: ServerConfigInput): ServerConfig {
  const result = configSchema.safeParse(input);
  if (!result.success) {
    throw new Error(
      `invalid configuration: ${result.error.issues.map((i) => `${i.path.join('.') || 'config'}: ${i.message}`).join('; ')}`,
    );
  }
  return result.data;
}

/** The OS application-data folder for the server's files. */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env): string {
  if (process.platform === 'win32')
    return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Provider Desk Server');
  if (process.platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Provider Desk Server');
  return join(env.XDG_DATA_HOME ?? join(homedir(), '.local', 'share'), 'provider-desk-server');
}

/** Reads the environment part of the configuration (flags are merged on top by the CLI). */
export function configFromEnv(env: NodeJS.ProcessEnv = process.env): ServerConfigInput {
  const pick = (name: string) => (env[name] === undefined || env[name] === '' ? undefined : env[name]);
  const smtpHost = pick('SMTP_HOST');
  return {
    dataDir: pick('PD_DATA_DIR') ?? defaultDataDir(env),
    host: pick('PD_HOST'),
    port: pick('PD_PORT') as unknown as number | undefined,
    databaseUrl: pick('DATABASE_URL'),
    publicUrl: pick('PD_PUBLIC_URL'),
    tlsCert: pick('PD_TLS_CERT'),
    tlsKey: pick('PD_TLS_KEY'),
    tlsSelfSigned: pick('PD_TLS_SELF_SIGNED') as unknown as boolean | undefined,
    insecureHttp: pick('PD_INSECURE_HTTP') as unknown as boolean | undefined,
    jwtKey: pick('PD_JWT_KEY'), // issue 13: signing key outside the database
    jwtKeyFile: pick('PD_JWT_KEY_FILE'),
    jwtKeyPrevious: pick('PD_JWT_KEY_PREVIOUS'),
    jwtKeyPreviousFile: pick('PD_JWT_KEY_PREVIOUS_FILE'),
    smtp: smtpHost
      ? {
          host: smtpHost,
          port: pick('SMTP_PORT') as unknown as number | undefined,
          secure: pick('SMTP_SECURE') as unknown as boolean | undefined,
          user: pick('SMTP_USER'),
          pass: pick('SMTP_PASS'),
        }
      : undefined,
    mailFrom: pick('SMTP_FROM'),
    disableUserRegistration: pick('PD_DISABLE_REGISTRATION') as unknown as boolean | undefined,
    logLevel: pick('PD_LOG_LEVEL') as ServerConfigInput['logLevel'],
    trustProxy: pick('PD_TRUST_PROXY'), // issue 9 (load balancers)
    providerBilling: pick('PD_PROVIDER_BILLING')
      ? (JSON.parse(pick('PD_PROVIDER_BILLING')!) as ServerConfigInput['providerBilling'])
      : undefined, // issue 5
  };
}

/**
 * The public base URL clients use (`{base}/api`, `{base}/identity`) and mailed links point at. Over HTTPS a loopback
 * listener is named `localhost`: the name the generated certificate and the app's "This computer" both use.
 */
export function publicBaseUrl(
  config: ServerConfig,
  port: number,
  scheme: 'http' | 'https' = config.insecureHttp && !config.tlsCert && !config.tlsSelfSigned ? 'http' : 'https',
): string {
  if (config.publicUrl) return config.publicUrl.replace(/\/+$/, '');
  const bare = config.host.includes(':') && !config.host.startsWith('[') ? `[${config.host}]` : config.host;
  const host = scheme === 'https' && isLoopback(config.host) ? 'localhost' : bare;
  return `${scheme}://${host}:${port}`;
}
