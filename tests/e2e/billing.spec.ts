// Billing and Settings against the seeded demo backend (provider-portal.md §8, §9, §13): the provider admin sees
// the subscription and invoices and downloads one, saves the provider details; a service user sees neither.
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { PROVIDER_ADMIN, SERVICE_USER } from './demoBackend';
import { signIn } from './signIn';

const SCREENSHOTS = 'test-results/screenshots';

const sections = (page: Page) => page.getByRole('navigation', { name: 'Sections', exact: true });

async function screenshots(page: Page, name: string) {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.screenshot({ path: `${SCREENSHOTS}/${name}-light.png` });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: `${SCREENSHOTS}/${name}-dark.png` });
  await page.emulateMedia({ colorScheme: 'light' });
}

test('a provider admin sees the subscription and invoices, downloads one, and saves provider details', async ({
  page,
  desk,
  demo,
}) => {
  test.setTimeout(60_000);
  await signIn(page, desk.url, demo, demo.account(PROVIDER_ADMIN));

  await sections(page).getByRole('link', { name: 'Billing' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Billing' })).toBeVisible();
  const plans = page.getByRole('table', { name: 'Plans' });
  await expect(plans).toBeVisible({ timeout: 20_000 });
  await expect(plans.getByRole('row', { name: /Total/ })).toContainText(/\$[\d,]+\.\d{2} \/ month/);
  expect(await plans.getByRole('row').count()).toBeGreaterThan(2);
  await expect(page.getByRole('grid', { name: 'Seats per client' })).toBeVisible();
  const invoices = page.getByRole('table', { name: 'Invoices' });
  await expect(invoices.getByRole('row')).toHaveCount(4); // header + the seed's three monthly invoices
  await screenshots(page, 'billing');

  const first = invoices.getByRole('row').nth(1);
  const number = (await first.getByRole('rowheader').textContent())!.trim();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    first.getByRole('button', { name: /Download CSV/ }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(
    new RegExp(`^bitwarden_provider-billing-history_\\d{8}_${number.replace(/[^\w.-]+/g, '_')}\\.csv$`),
  );
  const csv = readFileSync(await download.path(), 'utf8');
  expect(csv.split(/\r?\n/)[0]).toBe('Client,Id,Assigned,Used,Remaining,Plan,Estimated total');
  expect(csv.split(/\r?\n/).filter(Boolean).length).toBeGreaterThan(1);

  // Settings: the app's own settings, and the provider details form for admins.
  await sections(page).getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Provider details' })).toBeVisible();
  const email = page.getByLabel('Billing email');
  await expect(email).toHaveValue('billing@northwind-msp.example', { timeout: 20_000 });
  await expect(page.getByLabel('Provider name')).toHaveValue('Northwind IT Partners');
  await screenshots(page, 'settings');

  const changed = `accounts+${Date.now()}@northwind-msp.example`;
  await email.fill('not an email');
  await page.getByRole('button', { name: 'Save provider details' }).click();
  await expect(email).toHaveAttribute('aria-invalid', 'true');
  await email.fill(changed);
  await page.getByRole('button', { name: 'Save provider details' }).click();
  await expect(page.getByText('Provider details saved')).toBeVisible();

  // Saved on the server: read again after leaving the page.
  await sections(page).getByRole('link', { name: 'Clients' }).click();
  await sections(page).getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByLabel('Billing email')).toHaveValue(changed, { timeout: 20_000 });
  // Put the seed's address back for the worker's other tests.
  await page.getByLabel('Billing email').fill('billing@northwind-msp.example');
  await page.getByRole('button', { name: 'Save provider details' }).click();
  await expect(page.getByRole('button', { name: 'Save provider details' })).toBeDisabled();
});

test('a service user has Settings with their account but no Billing, and Billing refuses if reached anyway', async ({
  page,
  desk,
  demo,
}) => {
  await signIn(page, desk.url, demo, demo.account(SERVICE_USER));
  for (const name of ['Clients', 'Settings', 'Waiting']) {
    await expect(sections(page).getByRole('link', { name, exact: true })).toBeVisible();
  }
  for (const name of ['Billing', 'Members', 'Event logs']) {
    await expect(sections(page).getByRole('link', { name })).toHaveCount(0);
  }

  await page.evaluate(() => (location.hash = '#/billing'));
  await expect(page.getByRole('heading', { name: 'Billing is for provider admins' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Invoices' })).toHaveCount(0);
  await page.evaluate(() => (location.hash = '#/events'));
  await expect(page.getByRole('heading', { name: 'Event logs are for provider admins' })).toBeVisible();

  // Settings from the sidebar: the app's preferences and the account's own fingerprint, not the provider details.
  await sections(page).getByRole('link', { name: 'Settings', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  await expect(page.getByLabel('Theme')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Account' })).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Email', exact: true })).toHaveValue(SERVICE_USER, {
    timeout: 20_000,
  });
  await expect(page.getByRole('textbox', { name: 'Fingerprint phrase' })).toHaveValue(/^\w+(-\w+){4}$/);
  await expect(page.getByText('can only be changed by a provider admin')).toBeVisible();
  await expect(page.getByLabel('Provider name')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Save provider details' })).toHaveCount(0);
});
