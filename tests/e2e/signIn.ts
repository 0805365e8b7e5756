import type { Page } from '@playwright/test';
import type { Backend, RegisteredUser } from './backend';
import { expect } from './fixtures';

/**
 * The sign-in screen's fields for a backend the test started: "This computer" with the backend's port, as a user of
 * `npm start` signs in (the shell preselects it for the worker's demo backend; other backends get their port typed).
 */
export async function fillSignIn(
  page: Page,
  backend: Pick<Backend, 'port'>,
  user: RegisteredUser,
  password = user.password,
) {
  await expect(page.getByRole('heading', { level: 1, name: 'Log in' })).toBeVisible();
  await page.getByLabel('Server', { exact: true }).selectOption({ label: 'This computer (local provider server)' });
  await page.getByLabel('Port', { exact: true }).fill(String(backend.port));
  await page.getByLabel('Email address').fill(user.email);
  await page.getByLabel('Master password').fill(password);
}

/** Opens the launch link and signs in through the UI, until the first page (Clients) is painted. */
export async function signIn(page: Page, url: string, backend: Pick<Backend, 'port'>, user: RegisteredUser) {
  await page.goto(url);
  await fillSignIn(page, backend, user);
  await page.getByRole('button', { name: 'Log in', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Clients' })).toBeVisible({ timeout: 20_000 });
}
