// The Waiting view against the seeded demo backend: people who accepted but are not confirmed, across the provider
// and its clients, with bulk confirm (each fingerprint phrase shown) and bulk resend of invitations.
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { PROVIDER_ADMIN } from './demoBackend';
import { acceptThroughApi, registerAddress, uniqueAddress } from './portalInvitee';
import { signIn } from './signIn';

const SHOTS = 'test-results/screenshots';

function grid(page: Page) {
  return page.getByRole('grid', { name: 'People waiting' });
}

function inviteLink(demo: { outbox(): { to: string; link?: string }[] }, email: string): string | undefined {
  return demo
    .outbox()
    .filter((mail) => mail.to.toLowerCase() === email.toLowerCase() && mail.link?.includes('accept-provider'))
    .at(-1)?.link;
}

test('lists people waiting across provider and clients; bulk confirm with fingerprints, bulk resend', async ({
  page,
  desk,
  demo,
}) => {
  test.setTimeout(120_000);
  await signIn(page, desk.url, demo, demo.account(PROVIDER_ADMIN));

  // Two new provider members who accepted (through the API, as their own apps would) but are not confirmed yet.
  const people = [uniqueAddress('queue.one'), uniqueAddress('queue.two')];
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Members' }).click();
  await page.getByRole('button', { name: 'Invite members' }).click();
  const dialog = page.getByRole('dialog', { name: 'Invite members' });
  await dialog.getByLabel('Email addresses').fill(people.join(', '));
  await dialog.getByRole('button', { name: 'Invite', exact: true }).click();
  await expect(page.getByText('2 invitations sent.')).toBeVisible();
  for (const [index, email] of people.entries()) {
    await expect.poll(() => inviteLink(demo, email)).toBeTruthy();
    await acceptThroughApi(
      demo,
      await registerAddress(demo, email, `Queue Person ${index + 1}`),
      inviteLink(demo, email)!,
    );
  }

  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Waiting' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Waiting' })).toBeVisible();
  for (const email of people) {
    const row = grid(page).getByRole('row').filter({ hasText: email });
    await expect(row).toContainText('Needs confirmation', { timeout: 20_000 });
    await expect(row).toContainText('Provider');
    await expect(row.locator('code')).toHaveText(/^[a-z]+(-[a-z]+){4,}$/);
  }
  // Client members who accepted are listed with their client's name.
  const clientRows = grid(page)
    .getByRole('row')
    .filter({ hasText: 'Needs confirmation' })
    .filter({ hasNotText: 'Provider' });
  await expect(clientRows.first()).toBeVisible();
  await expect(page.getByText(/\d+ clients? checked/)).toBeVisible();
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.screenshot({ path: `${SHOTS}/queue-${scheme}.png`, fullPage: true });
  }
  await page.emulateMedia({ colorScheme: 'light' });

  // Bulk confirm: both phrases are shown before anything is sent.
  for (const [index] of people.entries()) {
    await grid(page)
      .getByRole('checkbox', { name: `Select Queue Person ${index + 1} (Provider)` })
      .click();
  }
  await page.getByRole('button', { name: 'Confirm…' }).click();
  const confirm = page.getByRole('dialog', { name: 'Confirm 2 people' });
  await expect(confirm.getByTestId('fingerprint')).toHaveCount(2);
  await page.screenshot({ path: `${SHOTS}/queue-confirm.png` });
  await confirm.getByRole('checkbox', { name: 'Each person read me their exact phrase' }).check();
  await confirm.getByRole('button', { name: 'Confirm 2 people' }).click();
  await expect(page.getByText('2 people confirmed')).toBeVisible();
  for (const email of people) {
    await expect(grid(page).getByRole('row').filter({ hasText: email })).toHaveCount(0, { timeout: 20_000 });
  }

  // Bulk resend: every open invitation (limit 0 days), one of them resent.
  await page.getByLabel('Invitations older than (days)').fill('0');
  await page.getByLabel('Status').selectOption({ label: 'Invited' });
  // The first person row (the header row has a "Select all rows" box and an "Invited" column).
  const firstPerson = grid(page)
    .getByRole('checkbox', { name: /^Select (?!all rows)/ })
    .first();
  await expect(firstPerson).toBeVisible({ timeout: 20_000 });
  await firstPerson.click();
  await expect(page.getByText(/^1 of \d+ selected$/)).toBeVisible();
  await page.getByRole('button', { name: 'Resend invitations' }).click();
  await expect(page.getByText('1 invitation sent again')).toBeVisible();
});
