// The seeded backend fixture itself: the provider admin the seed prints signs in and lands on the app.
import { expect, test } from './fixtures';
import { PROVIDER_ADMIN } from './demoBackend';
import { signIn } from './signIn';

test('the seeded provider admin signs in against the demo backend', async ({ page, desk, demo }) => {
  expect(demo.accounts.length).toBeGreaterThan(100);
  await signIn(page, desk.url, demo, demo.account(PROVIDER_ADMIN));
  await expect(page.getByRole('heading', { level: 1, name: 'Clients' })).toBeVisible();
});
