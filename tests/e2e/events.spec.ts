// Event logs against the seeded demo backend (provider-portal.md §7, §12): the provider log from the cache with
// filters and CSV export, a client's own log fetched on demand, and both still browsable offline.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import Papa from 'papaparse';
import type { Page } from '@playwright/test';
import { eventCsvColumns } from '../../src-shared/events/eventCsv';
import { expect, test } from './fixtures';
import { PROVIDER_ADMIN, startDemoBackend, type DemoBackend } from './demoBackend';
import { signIn } from './signIn';

const SCREENSHOTS = 'test-results/screenshots';

const count = (page: Page) => page.getByTestId('event-count');

async function shownCount(page: Page): Promise<number> {
  const text = (await count(page).textContent()) ?? '';
  const match = /^([\d,]+)(\+?) events?$/.exec(text.trim());
  if (!match) return -1; // nothing counted yet: polls keep waiting
  const n = Number(match[1]!.replaceAll(',', ''));
  // The list answers with its first 100 rows, then a page of 1,000: "100+" is not a count yet.
  return match[2] && n < 1000 ? -1 : n;
}

/** Waits until the list counts some events, fewer than `than`. */
async function expectFewer(page: Page, than: number) {
  await expect
    .poll(async () => {
      const n = await shownCount(page);
      return n > 0 && n < than;
    })
    .toBe(true);
}

/** Opens the provider's Event logs once the sign-in sync has brought the events in. */
async function openProviderLog(page: Page) {
  await expect(page.getByRole('region', { name: 'Account' })).toContainText(/Online · last synced/, {
    timeout: 30_000,
  });
  await page
    .getByRole('navigation', { name: 'Sections', exact: true })
    .getByRole('link', { name: 'Event logs' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Event logs' })).toBeVisible();
  // "Syncing…" while a run is going; the events phase comes last.
  await expect(page.getByRole('button', { name: 'Refresh' })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('progressbar')).toHaveCount(0);
  await expect.poll(() => shownCount(page), { timeout: 30_000 }).toBeGreaterThan(0);
}

async function exportCsv(page: Page) {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export CSV' }).click(),
  ]);
  const path = await download.path();
  const parsed = Papa.parse<Record<string, string>>(readFileSync(path, 'utf8'), {
    header: true,
    skipEmptyLines: true,
  });
  return { name: download.suggestedFilename(), fields: parsed.meta.fields, rows: parsed.data };
}

/** A client org of the demo provider that has events, read from the backend's database. */
function clientWithEvents(demo: DemoBackend): { orgId: string; name: string } {
  const db = new Database(join(demo.dataDir, 'provider-desk.sqlite'), { readonly: true, fileMustExist: true });
  try {
    return (
      db
        // The busiest client of the last 30 days (the log's default range): the seed's history is random per
        // template, and a client with a handful of events may have none that a text search leaves out.
        .prepare(
          `select o.id as orgId, o.name as name from organizations o
         join provider_organizations po on po.organization_id = o.id
         join events e on e.organization_id = o.id
         where po.provider_id = ? and e.date >= ? and o.name not like '%&%'
         group by o.id order by count(*) desc, o.name limit 1`,
        )
        .get(demo.providerId, new Date(Date.now() - 30 * 86_400_000).toISOString()) as { orgId: string; name: string }
    );
  } finally {
    db.close();
  }
}

test('the provider event log: last 30 days, filters, CSV export, and a client log', async ({ page, desk, demo }) => {
  test.setTimeout(90_000);
  await signIn(page, desk.url, demo, demo.account(PROVIDER_ADMIN));
  await openProviderLog(page);
  const grid = page.getByRole('grid', { name: 'Provider events' });
  const all = await shownCount(page);
  expect(all).toBeGreaterThan(0);

  // The range defaults to the last 30 days: widening it to 90 days shows the older history the seed wrote.
  const start = page.getByLabel('Start', { exact: true });
  const defaultStart = await start.inputValue();
  const ninetyDaysAgo = new Date(Date.now() - 89 * 24 * 3600_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  await start.fill(
    `${ninetyDaysAgo.getFullYear()}-${pad(ninetyDaysAgo.getMonth() + 1)}-${pad(ninetyDaysAgo.getDate())}T00:00`,
  );
  await expect.poll(() => shownCount(page)).toBeGreaterThan(all);
  await start.fill(defaultStart);
  await expect.poll(() => shownCount(page)).toBe(all);

  await start.blur();
  await page.emulateMedia({ colorScheme: 'light' });
  await page.screenshot({ path: `${SCREENSHOTS}/events-light.png` });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: `${SCREENSHOTS}/events-dark.png` });
  await page.emulateMedia({ colorScheme: 'light' });

  // By event type.
  await page.getByLabel('Event', { exact: true }).selectOption({ label: 'Provider organization vault accessed' });
  await expectFewer(page, all);
  const vault = await shownCount(page);
  expect(vault).toBeGreaterThan(0);
  for (const cell of await grid.getByRole('row').locator('[role="gridcell"]:nth-child(3)').all()) {
    await expect(cell).toContainText('organization vault');
  }
  await page.getByLabel('Event', { exact: true }).selectOption({ label: 'All events' });
  await expect.poll(() => shownCount(page)).toBe(all);

  // By client, then by text within it.
  const client = clientWithEvents(demo);
  await page.getByLabel('Client', { exact: true }).selectOption({ label: client.name });
  await expectFewer(page, all);
  const forClient = await shownCount(page);
  expect(forClient).toBeGreaterThan(0);
  await page.getByLabel('Search events').fill('vault');
  await expectFewer(page, forClient);
  await page.getByLabel('Search events').fill('');
  await expect.poll(() => shownCount(page)).toBe(forClient);

  // Export what is shown: the web vault's columns, one row per shown event.
  const file = await exportCsv(page);
  expect(file.name).toMatch(/^bitwarden_provider-events_export_\d{14}\.csv$/);
  // The web vault's columns, then the Client column the screen shows.
  expect(file.fields).toEqual([...eventCsvColumns, 'client']);
  expect(file.rows.every((row) => row.client === client.name)).toBe(true);
  expect(file.rows).toHaveLength(forClient);
  expect(file.rows.every((row) => row.type && row.date && row.message)).toBe(true);

  // The client's own log, fetched into the cache when it opens.
  await page.evaluate((hash) => (location.hash = hash), `#/clients/${client.orgId}/events`);
  await expect(page.getByRole('heading', { level: 1, name: 'Event logs' })).toBeVisible();
  await expect(page.getByRole('grid', { name: 'Client events' })).toBeVisible();
  await expect(page.getByRole('progressbar')).toHaveCount(0, { timeout: 30_000 });
  await expect(count(page)).toHaveText(/^[1-9][\d,]* events?$/, { timeout: 30_000 });
  const orgShown = await shownCount(page);
  await page.screenshot({ path: `${SCREENSHOTS}/client-events.png` });
  const orgFile = await exportCsv(page);
  expect(orgFile.name).toMatch(/^bitwarden_org-events_export_\d{14}\.csv$/);
  expect(orgFile.fields).toEqual([...eventCsvColumns]);
  expect(orgFile.rows).toHaveLength(orgShown);
});

test('offline: the event logs still open and filter from the cache', async ({ page, desk }) => {
  test.setTimeout(90_000);
  // A private copy of the demo backend, so stopping it does not disturb the worker's other tests.
  const own = await startDemoBackend();
  try {
    await signIn(page, desk.url, own, own.account(PROVIDER_ADMIN));
    await openProviderLog(page);
    const online = await shownCount(page);
    const client = clientWithEvents(own);
    await page.evaluate((hash) => (location.hash = hash), `#/clients/${client.orgId}/events`);
    await expect(count(page)).toHaveText(/^[1-9][\d,]* events?$/, { timeout: 30_000 });
    const orgOnline = await shownCount(page);

    await own.close();
    const account = page.getByRole('region', { name: 'Account' });
    await account.getByRole('button', { name: 'Sync now' }).click();
    await expect(account).toContainText(/Offline/, { timeout: 20_000 });

    await page
      .getByRole('navigation', { name: 'Sections', exact: true })
      .getByRole('link', { name: 'Event logs' })
      .click();
    await expect(page.getByRole('heading', { level: 1, name: 'Event logs' })).toBeVisible();
    await expect(page.getByRole('grid', { name: 'Provider events' })).toBeVisible();
    await expect(page.getByText(/Offline: showing the events cached on this device/)).toBeVisible();
    await expect(page.locator('.stale-notice')).toContainText('Offline');
    await expect.poll(() => shownCount(page)).toBe(online);
    await page.getByLabel('Event', { exact: true }).selectOption({ label: 'Provider organization vault accessed' });
    await expectFewer(page, online);
    expect(await shownCount(page)).toBeGreaterThan(0);
    await expect(page.getByRole('button', { name: 'Refresh' })).toHaveAttribute('aria-disabled', 'true');

    await page.evaluate((hash) => (location.hash = hash), `#/clients/${client.orgId}/events`);
    await expect.poll(() => shownCount(page)).toBe(orgOnline);
    await expect(page.getByText(/Offline: showing the events cached on this device/)).toBeVisible();
  } finally {
    await own.close().catch(() => undefined);
  }
});

test("journey (c): the admin's own new actions show in the provider log after Sync now, with names", async ({
  page,
  desk,
  demo,
}) => {
  test.setTimeout(120_000);
  const tag = Date.now().toString(36);
  const email = `log.${tag}@northwind-msp.example`;
  const clientName = `Log Check ${tag}`;
  await signIn(page, desk.url, demo, demo.account(PROVIDER_ADMIN));
  await openProviderLog(page);
  const sections = page.getByRole('navigation', { name: 'Sections', exact: true });

  // Two actions of the admin's own: invite a technician, create a client.
  await sections.getByRole('link', { name: 'Members' }).click();
  await page.getByRole('button', { name: 'Invite members' }).click();
  let dialog = page.getByRole('dialog', { name: 'Invite members' });
  await dialog.getByLabel('Email addresses').fill(email);
  await dialog.getByRole('button', { name: 'Invite', exact: true }).click();
  await expect(page.getByText('Invitation sent.')).toBeVisible();

  await sections.getByRole('link', { name: 'Clients' }).click();
  await page.getByRole('button', { name: 'New client' }).click();
  dialog = page.getByRole('dialog', { name: 'New client organization' });
  await dialog.getByLabel('Organization name').fill(clientName);
  await dialog.getByLabel('Owner email').fill(`owner.${tag}@client.example`);
  await dialog.getByRole('button', { name: 'Create client' }).click();
  await expect(dialog).toBeHidden({ timeout: 30_000 });

  const account = page.getByRole('region', { name: 'Account' });
  await account.getByRole('button', { name: 'Sync now' }).click();
  await expect(account).toContainText(/Online · last synced/, { timeout: 30_000 });
  await sections.getByRole('link', { name: 'Event logs' }).click();
  const events = page.getByRole('grid', { name: 'Provider events' });
  await page.getByLabel('Search events').fill(tag);
  // Named, not by short id: the invitee from the synced members, the client from the synced clients.
  await expect(events.getByRole('row').filter({ hasText: `Invited user ${email}.` })).toBeVisible({
    timeout: 30_000,
  });
  await expect(events.getByRole('row').filter({ hasText: `Created organization ${clientName}.` })).toBeVisible();
  await expectFewer(page, 10);
  // The new client's owner invitation is named once the client was opened on this device (its members saved).
  const ownerInvite = events.getByRole('row').filter({ hasText: `Invited user owner.${tag}@client.example.` });
  await expect(ownerInvite).toHaveCount(0);
  await page.keyboard.press('Control+K');
  await page.getByLabel('Go to').fill(clientName);
  await expect(
    page
      .getByRole('dialog')
      .getByRole('option', { name: new RegExp(clientName) })
      .first(),
  ).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('grid', { name: 'Members' })).toContainText(`owner.${tag}@client.example`, {
    timeout: 20_000,
  });
  await sections.getByRole('link', { name: 'Event logs' }).click();
  await page.getByLabel('Search events').fill(tag);
  await expect(ownerInvite).toBeVisible({ timeout: 15_000 });
  await expectFewer(page, 10);
  await page.screenshot({ path: `${SCREENSHOTS}/events-own-actions.png` });
});
