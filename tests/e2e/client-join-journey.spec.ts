// Journey (b) of issue 12, on the backend `npm start` runs (HTTPS with its generated CA, email verification on, file
// outbox): a provider admin, acting in a client's console, makes a collection and invites a client user with access
// to it; the user follows the mailed link in a browser, creates the account and accepts on the backend's page; the
// admin confirms them with the phrase the page showed; the official Bitwarden CLI then logs in as that user and
// lists the client's collections with their names.
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { BwAccount } from '../interop/bw';
import { PROVIDER_ADMIN } from './demoBackend';
import { expect, test } from './fixtures';
import { spkiOf } from './tlsTrust';
import { signIn } from './signIn';

const CLIENT = 'Alder Dental Group';
const PASSWORD = 'a client user with a careful passphrase';

test('a client user invited in the console joins on the backend page and reads the collections with bw', async ({
  page,
  desk,
  demo,
}) => {
  test.setTimeout(300_000);
  const tag = Date.now().toString(36);
  const collectionName = `Front desk ${tag}`;
  const email = `front.desk.${tag}@alder-dental.example`;

  await signIn(page, desk.url, demo, demo.account(PROVIDER_ADMIN));
  await page.keyboard.press('Control+K');
  await page.getByLabel('Go to').fill(CLIENT);
  await expect(page.getByRole('option', { name: new RegExp(CLIENT) }).first()).toBeVisible();
  await page.keyboard.press('Enter');
  const banner = page.getByRole('region', { name: 'Acting client' });
  await expect(banner).toContainText(CLIENT);
  const sections = page.getByRole('navigation', { name: 'Client sections' });

  // A collection of the client's, made in the console (its name encrypted with the client's key).
  await sections.getByRole('link', { name: 'Collections' }).click();
  await page.getByRole('button', { name: 'New collection' }).click();
  let dialog = page.getByRole('dialog');
  await dialog.getByLabel('Name', { exact: true }).fill(collectionName);
  await dialog.getByRole('button', { name: 'Create collection' }).click();
  await expect(dialog).toBeHidden();

  // The invitation, with access to that collection.
  await sections.getByRole('link', { name: 'Members' }).click();
  await page.getByRole('button', { name: 'Invite members' }).click();
  dialog = page.getByRole('dialog');
  await dialog.getByLabel('Email addresses').fill(email);
  await dialog
    .getByRole('group', { name: /Collections/ })
    .getByRole('checkbox', { name: collectionName })
    .check();
  await dialog.getByRole('button', { name: 'Invite', exact: true }).click();
  await expect(dialog).toBeHidden();
  const row = page.getByRole('grid', { name: 'Members' }).getByRole('row').filter({ hasText: email });
  await expect(row).toContainText('Invited');

  let link: string | undefined;
  await expect
    .poll(
      () =>
        (link = demo
          .outbox()
          .filter((m) => m.to === email && m.link?.includes('/accept-organization?'))
          .at(-1)?.link),
    )
    .toBeTruthy();
  expect(link!.startsWith(`https://localhost:${demo.port}/`)).toBe(true);
  const organizationId = new URL(link!).searchParams.get('organizationId');

  // The client user, in a browser that trusts the backend's certificate: create the account, log in, accept.
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', `--ignore-certificate-errors-spki-list=${spkiOf(demo)}`],
  });
  const bw = new BwAccount(join(demo.dataDir, 'tls', 'ca.crt'), PASSWORD);
  try {
    const web = await (await browser.newContext()).newPage();
    await web.goto(link!);
    await expect(web.getByRole('heading', { name: `Join ${CLIENT}` })).toBeVisible();
    await web.getByLabel('Master password', { exact: true }).fill(PASSWORD);
    await web.getByLabel('Confirm master password').fill(PASSWORD);
    await web.getByRole('button', { name: 'Create account' }).click();
    await expect(web.getByText('Your account is ready. Log in to continue.')).toBeVisible({ timeout: 60_000 });
    await web.getByLabel('Master password').fill(PASSWORD);
    await web.getByRole('button', { name: 'Log in' }).click();
    await expect(web.getByRole('heading', { name: 'Invitation accepted' })).toBeVisible({ timeout: 60_000 });
    const phrase = (await web.getByTestId('fingerprint').textContent())?.trim();
    expect(phrase).toMatch(/^[a-z]+(-[a-z]+){4}$/);

    // Before confirmation the official client lists no such organization (sync names confirmed memberships only).
    await bw.login(`https://localhost:${demo.port}`, email);
    await bw.ok(['sync']);
    expect(await bw.json<{ id: string }[]>(['list', 'organizations'])).toEqual([]);

    // The admin confirms in the console, with the phrase the user read out.
    await sections.getByRole('link', { name: 'Groups' }).click();
    await sections.getByRole('link', { name: 'Members' }).click();
    await expect(row).toContainText('Needs confirmation', { timeout: 20_000 });
    await row.getByRole('button', { name: 'Confirm' }).click();
    dialog = page.getByRole('dialog');
    await expect(dialog.getByTestId('fingerprint')).toHaveText(phrase!);
    await dialog.getByRole('checkbox', { name: 'The member read me this exact phrase' }).check();
    await dialog.getByRole('button', { name: 'Confirm', exact: true }).click();
    await expect(dialog).toBeHidden();
    await expect(row).toContainText('Confirmed');

    // The official Bitwarden CLI, as that user: the client is confirmed and the collection reads by name.
    await bw.ok(['sync']);
    const orgs = await bw.json<{ id: string; name: string; status: number }[]>(['list', 'organizations']);
    expect(orgs).toEqual([expect.objectContaining({ id: organizationId, name: CLIENT, status: 2 })]);
    const collections = await bw.json<{ name: string; organizationId: string }[]>([
      'list',
      'collections',
      '--organizationid',
      organizationId!,
    ]);
    expect(collections.map((c) => c.name)).toEqual([collectionName]);
  } finally {
    bw.dispose();
    await browser.close();
  }
});
