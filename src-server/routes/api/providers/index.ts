// Issue 5: the provider routes (one module folder) plus the provider parts of the profile and an hourly billing
// sweep (seat snapshots and due invoices of every billable provider).
import type { RouteModule, ServerContext } from '../../../context';
import { setProviderProfileLoader } from '../../../domain/profile';
import { isBillable } from '../../../domain/providers/enums';
import { issueDueInvoices } from '../../../domain/providers/invoices';
import { providerProfileParts } from '../../../domain/providers/profile';
import { snapshotProviderSeats } from '../../../domain/providers/snapshots';
import billing from './billing';
import clients from './clients';
import events from './events';
import providerOrganizations from './providerOrganizations';
import providerUserChanges from './providerUserChanges';
import providerUsers from './providerUsers';
import providers from './providers';

const SWEEP_MS = 60 * 60 * 1000;

export async function billingSweep(ctx: Pick<ServerContext, 'db' | 'config'>, now = new Date()): Promise<void> {
  const rows = await ctx.db.selectFrom('providers').selectAll().execute();
  for (const provider of rows.filter(isBillable)) {
    await ctx.db.transaction().execute((trx) => snapshotProviderSeats(trx, provider.id, undefined, now));
    await issueDueInvoices(ctx.db, provider, ctx.config.providerBilling, now);
  }
}

const providerModules: RouteModule = async (app, ctx) => {
  setProviderProfileLoader(providerProfileParts);
  let timer: NodeJS.Timeout | undefined;
  const sweep = () =>
    billingSweep(ctx).catch((err: unknown) =>
      app.log.error({ err: err instanceof Error ? err.message : String(err) }, 'provider billing sweep failed'),
    );
  app.addHook('onReady', async () => {
    void sweep();
    timer = setInterval(() => void sweep(), SWEEP_MS);
    timer.unref();
  });
  app.addHook('onClose', async () => {
    if (timer) clearInterval(timer);
  });
  for (const register of [
    providers,
    providerUsers,
    providerUserChanges,
    providerOrganizations,
    clients,
    billing,
    events,
  ])
    await register(app, ctx);
};

export default providerModules;
