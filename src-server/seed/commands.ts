// Issue 5 commands for `src-server/cli.ts`: `provider-invite` and `seed-demo`, each with its own flags on top of
// the server's (--data-dir, --database-url, SMTP, --public-url …).
import { parseArgs } from 'node:util';
import type { ServerConfigInput } from '../config';
import { openCommandContext } from './cliContext';
import { inviteProvider } from './providerInvite';

export const PROVIDER_COMMANDS = ['provider-invite', 'seed-demo', 'seed-scale'];

export const PROVIDER_USAGE = `  provider-invite --email <owner email> [--type msp|reseller|business-unit] [--teams-minimum N] [--enterprise-minimum N]
                            create a pending provider and mail its setup link
  seed-demo [--clients N]   demo provider, clients, members, policies and 90 days of events (idempotent)
  seed-scale [--clients N] [--events M]
                            benchmark data: one provider, N clients (default 5000), M events over 90 days
                            (default 1000000); bulk inserts; leaves a seeded database alone, refuses a partial one`;

const ownOptions = {
  email: { type: 'string' },
  type: { type: 'string' },
  'teams-minimum': { type: 'string' },
  'enterprise-minimum': { type: 'string' },
  clients: { type: 'string' },
  events: { type: 'string' },
} as const;

export async function runProviderCommand<O extends Record<string, { type: 'string' | 'boolean'; short?: string }>>(
  command: string,
  args: string[],
  serverOptions: O,
  toConfig: (flags: ReturnType<typeof parseArgs<{ options: O }>>['values']) => ServerConfigInput,
): Promise<void> {
  const { values } = parseArgs({ args, options: { ...serverOptions, ...ownOptions }, allowPositionals: false });
  const own = values as Record<string, string | boolean | undefined>;
  const input = toConfig(values as ReturnType<typeof parseArgs<{ options: O }>>['values']);
  if (command === 'seed-scale') {
    const count = (flag: string, fallback: number, min: number) => {
      const value = own[flag] === undefined ? fallback : Number(own[flag]);
      if (!(Number.isInteger(value) && value >= min)) throw new Error(`--${flag} must be a whole number ≥ ${min}`);
      return value;
    };
    const { runSeedScale } = await import('./scale');
    return runSeedScale(input, { clients: count('clients', 5000, 1), events: count('events', 1_000_000, 0) });
  }
  if (command === 'seed-demo') {
    const clients = own.clients === undefined ? undefined : Number(own.clients);
    if (clients !== undefined && !(Number.isInteger(clients) && clients >= 1))
      throw new Error('--clients must be a whole number ≥ 1');
    const { runSeedDemo } = await import('./demo');
    return runSeedDemo(input, { clients });
  }
  const ctx = await openCommandContext(input);
  try {
    if (typeof own.email !== 'string') throw new Error('provider-invite needs --email');
    const r = await inviteProvider(ctx, {
      email: own.email,
      type: own.type as string | undefined,
      teamsMinimum: own['teams-minimum'] as string | undefined,
      enterpriseMinimum: own['enterprise-minimum'] as string | undefined,
    });
    console.log(
      `provider ${r.providerId} created (pending); setup link ${r.mailMode === 'smtp' ? `mailed to ${r.email}` : `written to the outbox for ${r.email}`}`,
    );
    if (r.mailMode === 'outbox') console.log(r.link);
  } finally {
    await ctx.close();
  }
}
