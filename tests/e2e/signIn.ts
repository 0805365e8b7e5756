import type { Page } from '@playwright/test';
import type { Backend, RegisteredUser } from './backend';
import { expect } from './fixtures';

/** The sign-in screen's fields for the backend started by the test (Self-hosted, its http://127.0.0.1 URL). */
export async function fillSignIn(page: Page, backend: Backend, user: RegisteredUser, password = user.password) {
  await expect(page.getByRole('heading', { level: 1, name: 'Log in' })).toBeVisible();
  await page.getByLabel('Server', { exact: true }).selectOption({ label: 'Self-hosted' });
  await page.getByLabel('Server URL').fill(backend.url);
  await page.getByLabel('Email address').fill(user.email);
  await page.getByLabel('Master password').fill(password);
}

/** Opens the launch link and signs in through the UI, until the first page (Clients) is painted. */
export async function signIn(page: Page, url: string, backend: Backend, user: RegisteredUser) {
  await page.goto(url);
  await fillSignIn(page, backend, user);
  await page.getByRole('button', { name: 'Log in', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Clients' })).toBeVisible({ timeout: 20_000 });
}
