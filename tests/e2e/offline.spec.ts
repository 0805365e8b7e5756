// Offline browsing of lists that sync does not keep (issue 12): a client's members, once opened, and the Waiting
// queue, once read, stay browsable when the server is gone, also after the window reloads (nothing in memory).
import { expect, test } from './fixtures';
import { PROVIDER_ADMIN, startDemoBackend } from './demoBackend';
import { signIn } from './signIn';

const CLIENT = 'Bayside Logistics';
const SCREENSHOTS = 'test-results/screenshots';

test("offline after a reload: an opened client's members and the Waiting queue are still shown", async ({
  page,
  desk,
}) => {
  test.setTimeout(120_000);
  // A backend of its own, to stop it without disturbing the worker's other tests.
  const own = await startDemoBackend();
  try {
    await signIn(page, desk.url, own, own.account(PROVIDER_ADMIN));
    await page.keyboard.press('Control+K');
    await page.getByLabel('Go to').fill(CLIENT);
    await expect(page.getByRole('option', { name: new RegExp(CLIENT) }).first()).toBeVisible();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: 'Members' })).toBeVisible();
    const members = page.getByRole('grid', { name: 'Members' });
    await expect(members.getByRole('row').nth(1)).toBeVisible({ timeout: 20_000 });
    const memberRows = await members.getByRole('row').count();
    const firstMember = (await members.getByRole('row').nth(1).textContent())!.trim().slice(0, 20);
    const consoleUrl = page.url();

    await page
      .getByRole('navigation', { name: 'Sections', exact: true })
      .getByRole('link', { name: 'Waiting' })
      .click();
    const queue = page.getByRole('grid', { name: 'People waiting' });
    await expect(queue.getByRole('row').nth(1)).toBeVisible({ timeout: 30_000 });
    const queueRows = await queue.getByRole('row').count();
    const waitingUrl = page.url();

    await own.close();
    await page.reload();
    const account = page.getByRole('region', { name: 'Account' });
    await expect(account).toContainText(/Offline/, { timeout: 30_000 });

    // The Waiting queue as last read, with its time, and changes turned off.
    await page.goto(waitingUrl);
    await expect(queue.getByRole('row')).toHaveCount(queueRows, { timeout: 15_000 });
    await expect(page.getByText(/as of /)).toBeVisible();
    await expect(page.getByRole('button', { name: 'Refresh' })).toHaveAttribute('aria-disabled', 'true');
    await page.screenshot({ path: `${SCREENSHOTS}/offline-waiting.png` });

    // The client's members as loaded, marked offline with the time.
    await page.goto(consoleUrl);
    await expect(page.getByRole('heading', { level: 1, name: 'Members' })).toBeVisible();
    await expect(members.getByRole('row')).toHaveCount(memberRows, { timeout: 15_000 });
    await expect(members.getByRole('row').nth(1)).toContainText(firstMember);
    await expect(page.getByText(/Offline: showing members as loaded at .*Changes are turned off/)).toBeVisible();
    await page.screenshot({ path: `${SCREENSHOTS}/offline-client-members.png` });
  } finally {
    await own.close().catch(() => undefined);
  }
});
