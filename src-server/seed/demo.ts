// `npm run server -- seed-demo [--clients N]`: a demo provider with 2 admins and 3 service users, ~40 client orgs
// with collections, groups, members in every status and policies, and 90 days of history — made through the
// server's own routes (in-process) with real client crypto and the default KDF. Idempotent: each finished step is
// recorded in `seed_markers`, so a second run adds nothing and only prints the accounts again.
import type { ServerConfigInput } from '../config';
import { clearCallerCounters } from '../domain/backoff';
import { createServer, type ProviderDeskServer } from '../app';
import type { Mailer } from '../mail/mailer';
import { openCommandContext, type CommandContext } from './cliContext';
import { clientMarker, ensureClient } from './demoClients';
import { demoClients, PROVIDER, PROVIDER_USERS, type DemoClient } from './demoData';
import { seedHistory } from './demoHistory';
import { ensureProvider, getMarker, setMarker } from './demoProvider';
import { demoPassword, ensureAccount, mapLimit, SEED_ADDRESS, SeedHttp, type Account } from './seedHttp';

export interface SeedSummary {
  providerId: string;
  createdClients: number;
  events: number;
  invoices: number;
  accounts: { email: string; password: string | null; role: string }[];
}

/** Seeds through a running (or injectable) server. Mail the routes send goes to the server's mailer. */
export async function seedDemo(
  server: ProviderDeskServer,
  o: { clients?: number | undefined; log?: (line: string) => void } = {},
): Promise<SeedSummary> {
  const started = Date.now();
  const say = o.log ?? (() => {});
  const log = (line: string) => say(`${line} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  const ctx = server.ctx;
  const http = new SeedHttp(server.app);
  const clients = demoClients(o.clients);
  const pending: DemoClient[] = [];
  for (const c of clients) if ((await getMarker(ctx, clientMarker(c))) === undefined) pending.push(c);
  const done = ['demo:provider', 'demo:provider-users', 'demo:history'];
  const existing = await getMarker(ctx, 'demo:provider');
  if (
    existing &&
    pending.length === 0 &&
    (await Promise.all(done.map((m) => getMarker(ctx, m)))).every((v) => v !== undefined)
  ) {
    log('everything is seeded already');
    return {
      providerId: existing,
      createdClients: 0,
      events: 0,
      invoices: 0,
      accounts: accountList(ctx.keys.hmac, clients),
    };
  }
  const provider = await ensureProvider(http, ctx);
  log(`provider ${provider.id} ready`);

  // Accounts of the clients still to create, registered in parallel (RSA and PBKDF2 on the thread pool).
  const people = pending.flatMap((c) => [
    ...(c.owner ? [c.owner] : []),
    ...c.members.filter((m) => m.status !== 'invited'),
  ]);
  const accounts = new Map<string, Account>();
  const made = await mapLimit(people, 4, (p) => ensureAccount(http, ctx, p));
  for (const a of made) accounts.set(a.email, a);
  log(`${made.length} client accounts ready`);

  let createdClients = 0;
  for (const [i, c] of clients.entries()) if (await ensureClient(http, ctx, provider, c, i, accounts)) createdClients++;
  log(`${createdClients} clients created`);

  let history = { events: 0, invoices: 0 };
  if ((await getMarker(ctx, 'demo:history')) === undefined) {
    history = await seedHistory(ctx, provider, clients);
    await setMarker(ctx, 'demo:history');
    log(`${history.events} history events, ${history.invoices} invoices`);
  }
  const list = accountList(ctx.keys.hmac, clients);
  // The seed is no stranger: its registrations must not count against the first people to sign up after it.
  await clearCallerCounters(
    ctx.db,
    SEED_ADDRESS,
    list.map((a) => a.email.toLowerCase()),
  );
  return { providerId: provider.id, createdClients, ...history, accounts: list };
}

function accountList(hmac: Buffer, clients: DemoClient[]): SeedSummary['accounts'] {
  const out: SeedSummary['accounts'] = PROVIDER_USERS.map((u) => ({
    email: u.email,
    password: u.status === 'invited' ? null : demoPassword(hmac, u.email),
    role: `${PROVIDER.name}: ${u.type === 0 ? 'provider admin' : 'service user'}${u.status === 'confirmed' ? '' : ` (${u.status})`}`,
  }));
  for (const c of clients) {
    if (c.owner)
      out.push({ email: c.owner.email, password: demoPassword(hmac, c.owner.email), role: `${c.name}: owner` });
    for (const m of c.members) {
      const role = { 1: 'admin', 2: 'user', 4: 'custom' }[m.type];
      out.push({
        email: m.email,
        password: m.status === 'invited' ? null : demoPassword(hmac, m.email),
        role: `${c.name}: ${role}${m.status === 'confirmed' ? '' : ` (${m.status})`}`,
      });
    }
  }
  return out;
}

const quietMailer: Mailer = { mode: 'outbox', send: async () => {} };

/** The command: an in-process server on the configured database (no listener, no mail sent), then the list. */
export async function runSeedDemo(input: ServerConfigInput, o: { clients?: number | undefined }): Promise<void> {
  const started = Date.now();
  const ctx: CommandContext = await openCommandContext(input);
  const baseUrl = ctx.baseUrl;
  await ctx.close();
  const server = await createServer({ ...ctx.config, publicUrl: baseUrl, logLevel: 'warn' }, { mailer: quietMailer });
  try {
    const summary = await seedDemo(server, { clients: o.clients, log: (line) => console.log(`seed-demo: ${line}`) });
    console.log(
      `\n${PROVIDER.name} (provider ${summary.providerId}), ${summary.createdClients} clients created now, ${summary.events} history events, ${summary.invoices} invoices`,
    );
    console.log('\nAccounts (email, password, role) — log in at the server URL with any client:');
    const width = Math.max(...summary.accounts.map((a) => a.email.length));
    for (const a of summary.accounts)
      console.log(`  ${a.email.padEnd(width)}  ${(a.password ?? '(invited, no account)').padEnd(28)}  ${a.role}`);
    console.log(`\nseed-demo finished in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    await server.close();
  }
}
