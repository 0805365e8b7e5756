// The tests run what users run: the backend under test is `npm start`'s (scripts/localServer.mjs) — HTTPS on
// https://localhost:<port> with its generated local CA, email verification on, mail in the file outbox — and the
// browser shell reaches it the way a user's app does: "This computer", preselected by `--server local:<port>`,
// trusting the generated CA found through PD_DATA_DIR and nothing else.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { verifyEmail } from './backend';
import { PROVIDER_ADMIN } from './demoBackend';
import { expect, test } from './fixtures';
import { startShell } from './shell';

test("the backend is npm start's: HTTPS on localhost, mailed links on localhost, the app trusts only its CA", async ({
  page,
  desk,
  demo,
}) => {
  expect(demo.url).toBe(`https://localhost:${demo.port}`);
  expect(demo.ca).toContain('BEGIN CERTIFICATE');

  // Email verification is on: the link is mailed (to the outbox), on the host the certificate covers.
  const email = `config.${Date.now().toString(36)}@example.com`;
  await verifyEmail(demo, email, 'Config Check');
  const mail = demo
    .outbox()
    .filter((m) => m.to === email)
    .at(-1);
  expect(mail?.link).toMatch(new RegExp(`^https://localhost:${demo.port}/`));

  // The sign-in screen preselects "This computer" with the backend's port, as after `npm start`.
  await page.goto(desk.url);
  await expect(page.getByRole('heading', { level: 1, name: 'Log in' })).toBeVisible();
  await expect(page.getByLabel('Server', { exact: true })).toHaveValue('local');
  await expect(page.getByLabel('Port', { exact: true })).toHaveValue(String(demo.port));
  const admin = demo.account(PROVIDER_ADMIN);
  await page.getByLabel('Email address').fill(admin.email);
  await page.getByLabel('Master password').fill(admin.password);
  await page.getByRole('button', { name: 'Log in', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Clients' })).toBeVisible({ timeout: 20_000 });
  await expect(page.getByRole('region', { name: 'Account' })).toContainText(`localhost:${demo.port}`);
});

test('without the generated CA the same sign-in is refused: the certificate is not trusted', async ({ page, demo }) => {
  const noCa = mkdtempSync(join(tmpdir(), 'desk-e2e-no-ca-'));
  const shell = await startShell({ port: demo.port, dataDir: noCa });
  try {
    await page.goto(shell.url);
    const admin = demo.account(PROVIDER_ADMIN);
    await expect(page.getByLabel('Port', { exact: true })).toHaveValue(String(demo.port));
    await page.getByLabel('Email address').fill(admin.email);
    await page.getByLabel('Master password').fill(admin.password);
    await page.getByRole('button', { name: 'Log in', exact: true }).click();
    await expect(page.getByText(/certificate of localhost:\d+ is not trusted/)).toBeVisible({ timeout: 20_000 });
  } finally {
    shell.stop();
    rmSync(noCa, { recursive: true, force: true });
  }
});
