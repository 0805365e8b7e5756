import { expect, test } from './fixtures';
import { signIn } from './signIn';

// The app frame shows once an account is signed in and unlocked (issue 6): each test signs in through the UI first.

test('opens the frame, navigates by keyboard, and keeps the theme across a reload', async ({
  page,
  desk,
  backend,
  user,
}) => {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));

  await signIn(page, desk.url, backend, user);
  // The launch token leaves the address bar as soon as the bridge has read it.
  expect(page.url()).not.toContain('launch=');
  const nav = page.getByRole('navigation', { name: 'Sections' });
  for (const name of ['Clients', 'Members', 'Event logs', 'Billing', 'Settings', 'Waiting']) {
    await expect(nav.getByRole('link', { name, exact: true })).toBeVisible();
  }
  await page.screenshot({ path: 'test-results/screenshots/frame-clients.png' });

  // Keyboard only: tab to the Settings link and follow it.
  const settingsLink = nav.getByRole('link', { name: 'Settings', exact: true });
  for (let i = 0; i < 12 && !(await settingsLink.evaluate((el) => el === document.activeElement)); i++) {
    await page.keyboard.press('Tab');
  }
  await expect(settingsLink).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  await expect(settingsLink).toHaveAttribute('aria-current', 'page');

  // The section shortcut works too.
  await page.keyboard.press('Control+2');
  await expect(page.getByRole('heading', { level: 1, name: 'Members' })).toBeVisible();
  await page.keyboard.press('Control+5');
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();

  const theme = page.getByLabel('Theme');
  await theme.selectOption('dark');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Settings saved')).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.screenshot({ path: 'test-results/screenshots/frame-settings-dark.png' });

  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  await expect(page.getByLabel('Theme')).toHaveValue('dark');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  expect(problems).toEqual([]);
});

test('shows the About dialog from app.info and closes it with Escape', async ({ page, desk, backend, user }) => {
  await signIn(page, desk.url, backend, user);
  const about = page.getByRole('button', { name: 'About Provider Desk' });
  await about.click();
  const dialog = page.getByRole('dialog', { name: 'About Provider Desk' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('0.1.0');
  await expect(dialog).toContainText('Browser');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(about).toBeFocused();
});

test('a second tab with the already used link is told so, not shown a blank page', async ({ page, desk, context }) => {
  await page.goto(desk.url);
  // The first tab is connected: it shows the sign-in screen.
  await expect(page.getByRole('heading', { level: 1, name: 'Log in' })).toBeVisible();
  const second = await context.newPage();
  await second.goto(desk.url);
  await expect(second.getByText(/already used/)).toBeVisible();
});
