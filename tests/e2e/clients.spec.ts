// The Clients page end to end against the seeded demo backend: the grid from the cache, filtering as you type,
// New client, Manage seats with the billing effect shown before saving, rename, unlink with type-to-confirm,
// Ctrl+K → Go to → a client's admin console, and what a service user does not get. Screenshots of the grid in both
// themes and of each dialog.
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { PROVIDER_ADMIN, SERVICE_USER, startDemoBackend } from './demoBackend';
import { signIn } from './signIn';

const SCREENSHOTS = 'test-results/screenshots';

const grid = (page: Page) => page.getByRole('grid', { name: 'Clients' });
const search = (page: Page) => page.getByLabel('Search clients');
const rowCount = async (page: Page) => Number(await grid(page).getAttribute('aria-rowcount')) - 1;
const row = (page: Page, name: string) =>
  grid(page)
    .getByRole('row')
    .filter({ has: page.getByRole('link', { name, exact: true }) });

async function waitForClients(page: Page) {
  await expect(grid(page)).toBeVisible();
  await expect.poll(() => rowCount(page), { timeout: 20_000 }).toBeGreaterThanOrEqual(30);
}

/** Narrows the grid to one client and opens one of its row actions. */
async function rowAction(page: Page, name: string, action: string) {
  await search(page).fill(name);
  await expect.poll(() => rowCount(page)).toBe(1);
  await row(page, name)
    .getByRole('button', { name: `Actions for ${name}` })
    .click();
  await page.getByRole('menuitem', { name: action }).click();
}

async function cell(target: Locator, index: number) {
  return (await target.getByRole('gridcell').nth(index).textContent())?.trim();
}

test('a provider admin browses, creates, changes, renames and unlinks clients, and switches with Ctrl+K', async ({
  page,
  desk,
  demo,
}) => {
  test.setTimeout(120_000);
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));

  await page.emulateMedia({ colorScheme: 'light' });
  await signIn(page, desk.url, demo, demo.account(PROVIDER_ADMIN));
  await waitForClients(page);
  const total = await rowCount(page);
  await expect(page.getByRole('status').filter({ hasText: `${total} clients` })).toBeVisible();
  await expect(page.getByText(/Last synced/)).toBeVisible();
  await page.screenshot({ path: `${SCREENSHOTS}/clients-light.png` });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: `${SCREENSHOTS}/clients-dark.png` });
  await page.emulateMedia({ colorScheme: 'light' });

  // Filtering as you type narrows the grid to the one client named.
  const firstLink = grid(page).getByRole('row').nth(1).getByRole('link');
  const seededName = (await firstLink.textContent())!.trim();
  const seededHref = (await firstLink.getAttribute('href'))!;
  const seededOrgId = /clients\/([^/]+)\/members/.exec(seededHref)![1]!;
  await search(page).pressSequentially(seededName.slice(0, 12));
  await search(page).fill(seededName);
  await expect.poll(() => rowCount(page)).toBe(1);
  await expect(page.getByRole('status').filter({ hasText: `1 of ${total} clients` })).toBeVisible();
  await search(page).fill('');
  await expect.poll(() => rowCount(page)).toBe(total);

  // New client: validation first, then a real one.
  const name = `E2E Client ${Date.now().toString(36)}`;
  await page.getByRole('button', { name: 'New client' }).click();
  const create = page.getByRole('dialog', { name: 'New client organization' });
  await expect(create.getByRole('radio').first()).toBeChecked();
  await create.getByRole('button', { name: 'Create client' }).click();
  await expect(create.getByText('Enter the client organization name')).toBeVisible();
  await expect(create.getByLabel('Organization name')).toBeFocused();
  await create.getByLabel('Organization name').fill(name);
  await create.getByLabel('Owner email').fill(`owner-${Date.now().toString(36)}@client.example`);
  await create.getByLabel('Seats', { exact: true }).fill('3');
  await expect(create.getByRole('list', { name: "Effect on your provider's seats" })).toBeVisible();
  await page.screenshot({ path: `${SCREENSHOTS}/clients-new-client-dialog.png` });
  await create.getByRole('button', { name: 'Create client' }).click();
  await expect(create).toBeHidden({ timeout: 20_000 });
  await expect(page.getByText(`Created ${name}.`)).toBeVisible();
  await expect.poll(() => rowCount(page), { timeout: 20_000 }).toBe(total + 1);

  // Manage seats: the effect is shown before Save, then the grid shows the new Assigned number.
  await rowAction(page, name, 'Manage seats…');
  const seats = page.getByRole('dialog', { name: `Manage seats: ${name}` });
  await seats.getByLabel('Assigned seats').fill('5');
  const effect = seats.getByRole('region', { name: 'Billing effect' });
  await expect(effect).toContainText('Assigned seats: 3 → 5 (+2).');
  await expect(effect).toContainText(/Unassigned provider seats|Additional seats purchased/);
  await page.screenshot({ path: `${SCREENSHOTS}/clients-manage-seats-dialog.png` });
  await seats.getByRole('button', { name: 'Save seats' }).click();
  await expect(seats).toBeHidden({ timeout: 20_000 });
  await expect.poll(() => cell(row(page, name), 1), { timeout: 20_000 }).toBe('5');

  // Rename.
  const renamed = `${name} renamed`;
  await rowAction(page, name, 'Rename…');
  const rename = page.getByRole('dialog', { name: `Rename ${name}` });
  await rename.getByLabel('Name').fill(renamed);
  await rename.getByRole('button', { name: 'Save name' }).click();
  await expect(rename).toBeHidden({ timeout: 20_000 });
  await search(page).fill(renamed);
  await expect(row(page, renamed)).toBeVisible({ timeout: 20_000 });

  // Unlink with type-to-confirm: the button waits for the exact name. The new client's owner has only been
  // invited, so the server refuses: the dialog says why and stays open.
  await rowAction(page, renamed, 'Unlink…');
  const refused = page.getByRole('dialog', { name: `Unlink ${renamed}?` });
  const refusedConfirm = refused.getByRole('button', { name: `Unlink ${renamed}` });
  await expect(refusedConfirm).toBeDisabled();
  await refused.getByLabel(`Type ${renamed} to confirm`).fill(name);
  await expect(refusedConfirm).toBeDisabled();
  await refused.getByLabel(`Type ${renamed} to confirm`).fill(renamed);
  await refusedConfirm.click();
  await expect(refused.getByRole('alert')).toContainText('confirmed owner');
  await refused.getByRole('button', { name: 'Cancel' }).click();
  await expect(refused).toBeHidden();

  // A seeded client with a confirmed owner is unlinked (one no other test uses).
  const leaving = 'Windmill Energy Co-op';
  await rowAction(page, leaving, 'Unlink…');
  const unlink = page.getByRole('dialog', { name: `Unlink ${leaving}?` });
  await unlink.getByLabel(`Type ${leaving} to confirm`).fill(leaving);
  await page.screenshot({ path: `${SCREENSHOTS}/clients-unlink-dialog.png` });
  await unlink.getByRole('button', { name: `Unlink ${leaving}` }).click();
  await expect(unlink).toBeHidden({ timeout: 20_000 });
  await expect(page.getByText(`Unlinked ${leaving} from Northwind IT Partners`)).toBeVisible();
  await expect(page.getByText(`No client matches “${leaving}”.`)).toBeVisible({ timeout: 20_000 });
  await search(page).fill('');
  await expect.poll(() => rowCount(page)).toBe(total);

  // Ctrl+K → Go to → the client's admin console.
  await page.keyboard.press('Control+k');
  const goTo = page.getByRole('combobox', { name: 'Go to' });
  await expect(goTo).toBeFocused();
  await goTo.fill(seededName);
  await expect(page.getByRole('option').first()).toContainText(seededName);
  await page.screenshot({ path: `${SCREENSHOTS}/clients-palette.png` });
  await page.keyboard.press('Enter');
  await expect.poll(() => page.evaluate(() => location.hash)).toContain(seededOrgId);
  await expect(page.getByRole('region', { name: 'Acting client' })).toContainText(seededName);

  // The client just opened comes first in Go to, as a recent client.
  await page.keyboard.press('Control+k');
  await expect(page.getByRole('option').first()).toContainText(seededName);
  await expect(page.getByRole('option').first()).toContainText('Recent client');
  await page.keyboard.press('Escape');
  expect(problems).toEqual([]);
});

test('a service user sees the clients without the provider-admin actions', async ({ page, desk, demo }) => {
  await signIn(page, desk.url, demo, demo.account(SERVICE_USER));
  await waitForClients(page);
  await expect(page.getByRole('button', { name: 'New client' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Add existing organization' })).toHaveCount(0);
  const first = grid(page).getByRole('row').nth(1);
  const name = (await first.getByRole('link').textContent())!.trim();
  await first.getByRole('button', { name: `Actions for ${name}` }).click();
  await expect(page.getByRole('menuitem', { name: 'Manage seats…' })).toBeVisible();
  await expect(page.getByRole('menuitem', { name: 'Rename…' })).toBeVisible();
  await expect(page.getByRole('menuitem', { name: 'Unlink…' })).toHaveCount(0);
  await page.keyboard.press('Escape');
  await page.screenshot({ path: `${SCREENSHOTS}/clients-service-user.png` });
});

test('offline: the cached clients stay browsable, marked stale, with changes disabled and the reason', async ({
  page,
  desk,
}) => {
  // A demo backend of its own, to stop it without disturbing the other tests.
  const own = await startDemoBackend();
  try {
    await signIn(page, desk.url, own, own.account(PROVIDER_ADMIN));
    await waitForClients(page);
    const total = await rowCount(page);

    await own.close();
    await page.getByRole('region', { name: 'Account' }).getByRole('button', { name: 'Sync now' }).click();
    await expect(page.locator('.stale-notice')).toContainText(/Offline\s*·\s*last synced (just now|1 minute ago)/, {
      timeout: 20_000,
    });
    expect(await rowCount(page)).toBe(total);
    await search(page).fill('bay');
    await expect.poll(() => rowCount(page)).toBeLessThan(total);
    await search(page).fill('');

    const create = page.getByRole('button', { name: 'New client' });
    await expect(create).toHaveAttribute('aria-disabled', 'true');
    await expect(create).toHaveAttribute('title', /Offline: .* cannot be reached/);
    await create.click({ force: true });
    await expect(page.getByRole('dialog')).toHaveCount(0);
    await expect(page.getByRole('note')).toContainText('Cached clients stay browsable.');

    const first = grid(page).getByRole('row').nth(1);
    const name = (await first.getByRole('link').textContent())!.trim();
    await first.getByRole('button', { name: `Actions for ${name}` }).click();
    await expect(page.getByRole('menu')).toContainText('cannot be reached');
    await expect(page.getByRole('menuitem', { name: 'Manage seats…' })).toHaveAttribute('data-disabled', '');
    await page.screenshot({ path: `${SCREENSHOTS}/clients-offline.png` });
    await page.keyboard.press('Escape');
  } finally {
    await own.close().catch(() => undefined);
  }
});
