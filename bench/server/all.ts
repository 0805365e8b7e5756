/**
 * Every backend measure on the scale data, one table per backend: the client list (budget "list 5,000 client orgs
 * (SQLite) ≤ 50 ms p95") and provider event paging, sequential and under bounded concurrent load. SQLite always;
 * PostgreSQL too when DATABASE_URL_BENCH or DATABASE_URL_TEST is set.
 *
 *   npx tsx bench/server/all.ts [--clients 5000] [--events 1000000] [--backend sqlite|postgres|both] [--fresh]
 *                               [--requests 200] [--concurrency 16] [--seconds 10] [--max-requests 2000] [--walk 100000]
 *
 * Prints figures; asserts nothing. The first run seeds each scale database once (see scaleServer.ts).
 */
import { eventMeasures } from './events';
import { listClientMeasures } from './listClients';
import { benchOptions, login, printTable, scaleData, startServer } from './scaleServer';

const o = benchOptions();
for (const backend of o.backends) {
  const data = await scaleData(backend, o);
  const server = await startServer(data);
  try {
    const token = await login(server.url, data);
    const measures = [
      ...(await listClientMeasures(server.url, token, data, o, backend)),
      ...(await eventMeasures(server.url, token, data, o)),
    ];
    printTable(
      `Backend, ${backend}: ${o.clients.toLocaleString('en-US')} clients, ${o.events.toLocaleString('en-US')} events`,
      measures,
    );
  } finally {
    await server.stop();
  }
}
process.exit(0);
