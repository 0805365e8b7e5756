// Sign-in end to end: the built browser shell in Chromium against a real provider backend, a user registered
// with real crypto (PBKDF2 600,000). Sign in, see the app, lock, unlock, log out; screenshots of the sign-in and
// lock screens; the time from `Log in` to the first page painted is printed (measured, not asserted).
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { registerUser, startBackend } from './backend';
import { fillSignIn, signIn } from './signIn';

const SCREENSHOTS = 'test-results/screenshots';

function cacheNames(page: Page): Promise<string[]> {
  return page.evaluate(async () =>
    (await indexedDB.databases()).map((db) => db.name ?? '').filter((name) => name.startsWith('provider-desk:')),
  );
}

test('signs in, shows the app, locks, unlocks and logs out', async ({ page, desk, backend, user }) => {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));

  await page.goto(desk.url);
  const signInHeading = page.getByRole('heading', { level: 1, name: 'Log in' });
  await expect(signInHeading).toBeVisible();
  // Focus starts where typing starts: the server is preselected, the email address is not.
  await expect(page.getByLabel('Email address')).toBeFocused();

  // A wrong password: main's message, shown as given, and the password field emptied.
  await fillSignIn(page, backend, user, 'not the password');
  await page.screenshot({ path: `${SCREENSHOTS}/sign-in.png` });
  await page.getByRole('button', { name: 'Log in', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText('Username or password is incorrect');
  await expect(page.getByLabel('Master password')).toHaveValue('');
  await expect(page.getByLabel('Master password')).toBeFocused();

  await page.screenshot({ path: `${SCREENSHOTS}/sign-in-error.png` });
  await page.getByLabel('Master password').fill(user.password);
  const started = Date.now();
  await page.getByRole('button', { name: 'Log in', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Clients' })).toBeVisible({ timeout: 20_000 });
  const elapsed = Date.now() - started;
  console.log(`Log in → first page painted (Clients heading visible), PBKDF2 600,000: ${elapsed} ms`);
  test.info().annotations.push({ type: 'login-to-first-paint-ms', description: String(elapsed) });

  // The sidebar names the account, its server and the connection; the first sync fills this account's cache.
  const account = page.getByRole('region', { name: 'Account' });
  await expect(account).toContainText(user.email);
  await expect(account).toContainText(new URL(backend.url).host);
  await expect(account).toContainText('Online');
  await expect.poll(() => cacheNames(page)).toHaveLength(1);
  await expect(account).toContainText(/last synced (just now|\d+ minutes? ago)/);
  await page.screenshot({ path: `${SCREENSHOTS}/signed-in.png` });

  // Lock: the keys are gone; the lock screen asks for the master password.
  await account.getByRole('button', { name: 'Lock' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Provider Desk is locked' })).toBeVisible();
  const password = page.getByLabel('Master password');
  await expect(password).toBeFocused();
  await expect(page.getByRole('navigation', { name: 'Sections' })).toHaveCount(0);
  await page.screenshot({ path: `${SCREENSHOTS}/lock.png` });

  // Keyboard only: a wrong password is refused, the right one unlocks.
  await page.keyboard.type('wrong password');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('alert')).toContainText('Invalid master password');
  await expect(password).toHaveValue('');
  await expect(password).toBeFocused();
  await page.keyboard.type(user.password);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Clients' })).toBeVisible({ timeout: 20_000 });

  // Log out, confirmed: back to sign-in, and the account's cache is deleted.
  await account.getByRole('button', { name: 'Log out' }).click();
  const dialog = page.getByRole('dialog', { name: 'Log out?' });
  await expect(dialog).toContainText(user.email);
  await dialog.getByRole('button', { name: 'Log out' }).click();
  await expect(signInHeading).toBeVisible();
  await expect.poll(() => cacheNames(page)).toEqual([]);
  expect(problems).toEqual([]);
});

test('a second account: add, switch between the two, each keeps its own state', async ({
  page,
  desk,
  backend,
  user,
}) => {
  const second = await registerUser(backend, { name: 'Ben Engineer' });

  await page.goto(desk.url);
  await fillSignIn(page, backend, user);
  await page.keyboard.press('Enter');
  const account = page.getByRole('region', { name: 'Account' });
  await expect(account).toContainText(user.email, { timeout: 20_000 });

  await account.getByRole('button', { name: 'Switch account' }).click();
  await account.getByRole('button', { name: 'Add account' }).click();
  await fillSignIn(page, backend, second);
  await page.getByRole('button', { name: 'Log in', exact: true }).click();
  await expect(account).toContainText(second.email, { timeout: 20_000 });

  // Lock is for everyone: both accounts are locked, and each opens only with its own master password.
  await account.getByRole('button', { name: 'Lock' }).click();
  const locked = page.getByRole('heading', { level: 1, name: 'Provider Desk is locked' });
  await expect(locked).toBeVisible();
  const others = page.getByRole('navigation', { name: 'Signed-in accounts' });
  await expect(others).toContainText(user.email.toLowerCase());
  await others.getByRole('button', { name: new RegExp(user.email.replace(/[.+]/g, '\\$&'), 'i') }).click();
  // Choosing the first account shows its unlock form, it does not open it.
  await expect(locked).toBeVisible();
  await expect(page.getByText(`${user.email.toLowerCase()} on`)).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Clients' })).toHaveCount(0);
  // The second account's password does not open the first.
  await page.getByLabel('Master password').fill('not the right password at all');
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByRole('alert')).toBeVisible({ timeout: 20_000 });
  await expect(locked).toBeVisible();
  await page.getByLabel('Master password').fill(user.password);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Clients' })).toBeVisible({ timeout: 20_000 });
  await expect(account).toContainText(user.email);
  // The second is still locked: switching to it shows the lock screen, not its data.
  await account.getByRole('button', { name: 'Switch account' }).click();
  await account.getByRole('button', { name: new RegExp(second.email.replace(/[.+]/g, '\\$&'), 'i') }).click();
  await expect(locked).toBeVisible();
  await expect(page.getByText(`${second.email.toLowerCase()} on`)).toBeVisible();
  await page.screenshot({ path: `${SCREENSHOTS}/lock-two-accounts.png` });
});

test('offline: the server goes away, the app says so, keeps the cache, and unlocks without it', async ({
  page,
  desk,
}) => {
  // A backend of its own, to stop it without disturbing the other tests.
  const own = await startBackend();
  try {
    const user = await registerUser(own);
    await signIn(page, desk.url, own, user);
    const account = page.getByRole('region', { name: 'Account' });
    await expect(account).toContainText(/Online · last synced/);

    await own.close();
    await account.getByRole('button', { name: 'Sync now' }).click();
    await expect(account).toContainText(/Offline — showing cached data, last synced (just now|1 minute ago)/, {
      timeout: 20_000,
    });
    await expect(account).toContainText(new URL(own.url).host);
    await page.screenshot({ path: `${SCREENSHOTS}/offline.png` });

    // Lock and unlock with the server gone: unlocking checks the password locally.
    await account.getByRole('button', { name: 'Lock' }).click();
    await page.getByLabel('Master password').fill(user.password);
    await page.getByRole('button', { name: 'Unlock' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Clients' })).toBeVisible({ timeout: 20_000 });
    await expect(account).toContainText('Offline');
  } finally {
    await own.close().catch(() => undefined);
  }
});
