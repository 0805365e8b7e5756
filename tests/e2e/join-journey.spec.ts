// Journey (a) of issue 12, as people do it on the backend `npm start` runs (HTTPS with its generated CA, email
// verification on, file outbox): the provider admin invites a technician who has no account; the technician follows
// the mailed link in a browser, creates the account and accepts on the backend's page; reads their fingerprint
// phrase in Provider Desk's Settings → Account; the admin confirms with that phrase; the technician opens a client.
import { chromium, type Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { PROVIDER_ADMIN } from './demoBackend';
import { startSecondShell, uniqueAddress } from './portalInvitee';
import { signIn } from './signIn';
import { spkiOf } from './tlsTrust';

const SHOTS = 'test-results/screenshots';
const PASSWORD = 'a long and careful master password';

async function syncNow(page: Page) {
  await page.getByRole('region', { name: 'Account' }).getByRole('button', { name: 'Sync now' }).click();
}

test('a technician without an account joins through the mailed link and is confirmed by phrase', async ({
  page,
  desk,
  demo,
}) => {
  test.setTimeout(240_000);
  // The admin invites the technician in the app.
  await signIn(page, desk.url, demo, demo.account(PROVIDER_ADMIN));
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Members' }).click();
  const email = uniqueAddress('joining.tech');
  await page.getByRole('button', { name: 'Invite members' }).click();
  const dialog = page.getByRole('dialog', { name: 'Invite members' });
  await dialog.getByLabel('Email addresses').fill(email);
  await dialog.getByRole('button', { name: 'Invite', exact: true }).click();
  await expect(page.getByText('Invitation sent.')).toBeVisible();
  let link: string | undefined;
  await expect
    .poll(
      () =>
        (link = demo
          .outbox()
          .filter((m) => m.to === email && m.link?.includes('accept-provider'))
          .at(-1)?.link),
    )
    .toBeTruthy();
  expect(link!.startsWith(`https://localhost:${demo.port}/`)).toBe(true);

  // The technician opens the mailed link in a browser: creates the account, logs in, accepts.
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', `--ignore-certificate-errors-spki-list=${spkiOf(demo)}`],
  });
  const second = await startSecondShell(demo);
  try {
    const web = await (await browser.newContext()).newPage();
    await web.goto(link!);
    await web.getByRole('button', { name: 'I do not have an account yet: create one' }).click();
    await web.getByLabel('Master password', { exact: true }).fill(PASSWORD);
    await web.getByLabel('Confirm master password').fill(PASSWORD);
    await web.keyboard.press('Enter');
    await expect(web.getByText('Your account is ready. Log in to continue.')).toBeVisible({ timeout: 60_000 });
    await web.getByLabel('Master password').fill(PASSWORD);
    await web.keyboard.press('Enter');
    await expect(web.getByRole('heading', { name: 'Invitation accepted' })).toBeVisible({ timeout: 60_000 });
    const pagePhrase = (await web.getByTestId('fingerprint').textContent())?.trim();
    expect(pagePhrase).toMatch(/^[a-z]+(-[a-z]+){4}$/);

    // In their own Provider Desk: waiting for confirmation, and the same phrase in Settings → Account.
    const tech = await (await page.context().browser()!.newContext()).newPage();
    await signIn(tech, second.url, demo, { email, password: PASSWORD, name: email });
    await tech.evaluate(() => (location.hash = '#/settings'));
    await expect(tech.getByRole('textbox', { name: 'Fingerprint phrase' })).toHaveValue(pagePhrase!, {
      timeout: 20_000,
    });
    await tech.screenshot({ path: `${SHOTS}/journey-settings-account.png`, fullPage: true });

    // The admin confirms, comparing the phrase the technician read out.
    await syncNow(page);
    const row = page.getByRole('grid', { name: 'Provider members' }).getByRole('row').filter({ hasText: email });
    await expect(row).toContainText('Accepted', { timeout: 20_000 });
    await row.getByRole('button', { name: /^Confirm/ }).click();
    const confirm = page.getByRole('dialog', { name: /^Confirm/ });
    await expect(confirm.getByTestId('fingerprint')).toHaveText(pagePhrase!);
    await confirm.getByRole('checkbox', { name: 'The person read me this exact phrase' }).check();
    await confirm.getByRole('button', { name: 'Confirm', exact: true }).click();
    await expect(row).toContainText('Confirmed', { timeout: 20_000 });

    // The technician, once synced, sees the clients and opens one's console.
    await syncNow(tech);
    await tech.evaluate(() => (location.hash = '#/clients'));
    const clients = tech.getByRole('grid', { name: 'Clients' });
    await expect(clients.getByRole('row').nth(1)).toBeVisible({ timeout: 30_000 });
    await clients.getByRole('row').nth(1).getByRole('link').first().click();
    await expect(tech.getByRole('region', { name: 'Acting client' })).toBeVisible({ timeout: 20_000 });
    await tech.screenshot({ path: `${SHOTS}/journey-client-console.png` });
  } finally {
    await browser.close();
    second.stop();
  }
});
