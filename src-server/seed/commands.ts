// Issue 5 commands for `src-server/cli.ts`: `provider-invite` and `seed-demo`, each with its own flags on top of
// the server's (--data-dir, --database-url, SMTP, --public-url …).
import { parseArgs } from 'node:util';
import type { ServerConfigInput } from '../config';
import { openCommandContext } from './cliContext';
import { inviteProvider } from './providerInvite';

export const PROVIDER_COMMANDS = ['provider-invite', 'seed-demo'];

export const PROVIDER_USAGE = `  provider-invite --email <owner email> [--type msp|reseller|business-unit] [--teams-minimum N] [--enterprise-minimum N]
                            create a pending provider and mail its setup link
  seed-demo [--clients N]   demo provider, clients, members, policies and 90 days of events (idempotent)`;

const ownOptions = {
  email: { type: 'string' },
  type: { type: 'string' },
  'teams-minimum': { type: 'string' },
  'enterprise-minimum': { type: 'string' },
  clients: { type: 'string' },
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
  if (command === 'seed-demo') {
    const clients = own.clients === undefined ? undefined : Number(own.clients);
    if (clients !== undefined && !(Number.isInteger(clients) && clients >= 1)) throw new Error('--clients must be a whole number ≥ 1');
    const { runSeedDemo } = await import('./demo');
    return runSeedDemo(input, { clients });
  }
  const ctx = await openCommandContext(input);
  try {
    if (typeof own.email !== 'string') throw new Error('provider-invite needs --email');
    const r = await inviteProvider(ctx, { email: own.email, type: own.type as string | undefined, teamsMinimum: own['teams-minimum'] as string | undefined, enterpriseMinimum: own['enterprise-minimum'] as string | undefined });
    console.log(`provider ${r.providerId} created (pending); setup link ${r.mailMode === 'smtp' ? `mailed to ${r.email}` : `written to the outbox for ${r.email}`}`);
    if (r.mailMode === 'outbox') console.log(r.link);
  } finally {
    await ctx.close();
  }
}
