// The provider Members page against the seeded demo backend: ava (provider admin) sees the seeded members and
// their statuses, invites a new service user, resends the invitation in bulk; the invitee accepts through the
// app's link flow in a second browser shell (a second computer); ava sees Accepted, compares the fingerprint
// phrase and confirms. A second test creates an account from an invitation link inside the app and accepts.
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { PROVIDER_ADMIN } from './demoBackend';
import { finishRegistration, followVerificationMail } from './backend';
import { registerAddress, startSecondShell, uniqueAddress } from './portalInvitee';
import { signIn } from './signIn';

const SHOTS = 'test-results/screenshots';

async function shoot(page: Page, name: string) {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.screenshot({ path: `${SHOTS}/${name}-${scheme}.png`, fullPage: true });
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

function grid(page: Page) {
  return page.getByRole('grid', { name: 'Provider members' });
}

function row(page: Page, text: string) {
  return grid(page).getByRole('row').filter({ hasText: text });
}

async function openMembers(page: Page) {
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Members' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Members' })).toBeVisible();
}

async function syncNow(page: Page) {
  await page.getByRole('region', { name: 'Account' }).getByRole('button', { name: 'Sync now' }).click();
}

function inviteLink(demo: { outbox(): { to: string; link?: string }[] }, email: string): string | undefined {
  return demo
    .outbox()
    .filter((mail) => mail.to.toLowerCase() === email.toLowerCase() && mail.link?.includes('accept-provider'))
    .at(-1)?.link;
}

test('invite, resend, accept in another app, compare the fingerprint and confirm', async ({
  page,
  desk,
  demo,
  browser,
}) => {
  test.setTimeout(120_000);
  await signIn(page, desk.url, demo, demo.account(PROVIDER_ADMIN));
  await openMembers(page);

  // The seeded members with their statuses; two confirmed provider admins, so no single-admin warning.
  await expect(row(page, 'Ava Martin')).toContainText('Confirmed');
  await expect(row(page, 'Ava Martin')).toContainText('Provider admin');
  await expect(row(page, 'Dmitri Volkov')).toContainText('Accepted');
  await expect(row(page, 'emma.lindqvist@northwind-msp.example')).toContainText('Invited');
  await expect(page.getByTestId('single-admin-warning')).toHaveCount(0);
  await expect(page.getByRole('note').filter({ hasText: 'need' })).toContainText('confirmation');
  await shoot(page, 'members');

  // Invite a new service user.
  const email = uniqueAddress('new.tech');
  await page.getByRole('button', { name: 'Invite members' }).click();
  const dialog = page.getByRole('dialog', { name: 'Invite members' });
  await dialog.getByLabel('Email addresses').fill(email);
  await expect(dialog.getByRole('radio', { name: /Service user/ })).toBeChecked();
  await dialog.getByRole('button', { name: 'Invite', exact: true }).click();
  await expect(page.getByText('Invitation sent.')).toBeVisible();
  await expect(row(page, email)).toContainText('Invited', { timeout: 15_000 });
  await expect.poll(() => inviteLink(demo, email)).toBeTruthy();

  // Bulk resend on the invited member: select its row, the bulk action mails a new invitation.
  await grid(page)
    .getByRole('checkbox', { name: `Select ${email}` })
    .click();
  await page.getByRole('button', { name: 'Resend invitations' }).click();
  await expect(page.getByText('1 invitation sent again')).toBeVisible();
  await expect.poll(() => demo.outbox().filter((m) => m.to.toLowerCase() === email.toLowerCase()).length).toBe(2);
  const link = inviteLink(demo, email)!;

  // The invitee, on another computer: an account made on the server, signed in to its own app, opens the link.
  const invitee = await registerAddress(demo, email, 'Nora Newtech');
  const second = await startSecondShell(demo);
  const context = await browser.newContext();
  try {
    const other = await context.newPage();
    await signIn(other, second.url, demo, invitee);
    await openMembers(other);
    await expect(other.getByRole('heading', { name: 'No provider yet' })).toBeVisible();
    await other.getByRole('button', { name: 'Open link…' }).first().click();
    await expect(other.getByRole('heading', { level: 1, name: 'Open provider link' })).toBeVisible();
    await other.getByLabel('Setup or invitation link').fill(link);
    await other.getByRole('button', { name: 'Open link' }).click();
    await expect(other.getByRole('heading', { level: 1, name: 'Join a provider' })).toBeVisible();
    await expect(other.getByRole('region', { name: 'The link' })).toContainText('Northwind IT Partners');
    await expect(other.getByText(`Signed in as ${email}`)).toBeVisible();
    await shoot(other, 'link-accept');
    await other.getByRole('button', { name: 'Accept invitation' }).click();
    await expect(other.getByRole('heading', { name: 'Waiting for confirmation' })).toBeVisible();
    await expect(other.getByRole('status').filter({ hasText: 'must confirm you' })).toBeVisible();
    await shoot(other, 'link-accepted');
  } finally {
    await context.close();
    second.stop();
  }

  // Back as ava: after a sync the member is Accepted; confirming shows the fingerprint phrase first.
  await syncNow(page);
  await expect(row(page, email)).toContainText('Accepted', { timeout: 15_000 });
  await row(page, email)
    .getByRole('button', { name: /^Confirm/ })
    .click();
  const confirm = page.getByRole('dialog', { name: /^Confirm/ });
  const phrase = confirm.getByTestId('fingerprint');
  await expect(phrase).toHaveText(/^[a-z]+(-[a-z]+){4,}$/);
  await page.screenshot({ path: `${SHOTS}/members-confirm.png` });
  await expect(confirm.getByRole('button', { name: 'Confirm', exact: true })).toBeDisabled();
  await confirm.getByRole('checkbox', { name: 'The person read me this exact phrase' }).check();
  await confirm.getByRole('button', { name: 'Confirm', exact: true }).click();
  await expect(page.getByText('1 member confirmed')).toBeVisible();
  await expect(row(page, email)).toContainText('Confirmed', { timeout: 15_000 });
});

test('creates an account from an invitation link inside the app, then accepts', async ({ page, desk, demo }) => {
  test.setTimeout(90_000);
  await signIn(page, desk.url, demo, demo.account(PROVIDER_ADMIN));
  await openMembers(page);
  const email = uniqueAddress('fresh.account');
  await page.getByRole('button', { name: 'Invite members' }).click();
  const dialog = page.getByRole('dialog', { name: 'Invite members' });
  await dialog.getByLabel('Email addresses').fill(email);
  await dialog.getByRole('button', { name: 'Invite', exact: true }).click();
  await expect.poll(() => inviteLink(demo, email)).toBeTruthy();

  // Open the link here: it is for another address, which has no account yet.
  await page.getByRole('button', { name: 'Open link…' }).click();
  await page.getByLabel('Setup or invitation link').fill(inviteLink(demo, email)!);
  await page.getByRole('button', { name: 'Open link' }).click();
  await expect(page.getByText(`This link was sent to ${email}`)).toBeVisible();
  await page.getByRole('button', { name: 'Create account', exact: true }).click();
  await expect(page.getByLabel('Email address')).toHaveValue(email);
  await page.getByLabel('Your name').fill('Fresh Account');
  await page.getByLabel('Master password', { exact: true }).fill('a new master password');
  await page.getByLabel('Confirm master password').fill('a new master password!');
  await page.getByRole('button', { name: 'Create account and log in' }).click();
  await expect(page.getByText('The master passwords do not match.')).toBeVisible();
  await page.getByLabel('Master password', { exact: true }).fill('a new master password');
  await page.getByLabel('Confirm master password').fill('a new master password');
  await shoot(page, 'link-create-account');
  await page.getByRole('button', { name: 'Create account and log in' }).click();

  // Email verification is on (as after npm start): the server mails a link instead of answering the token. The
  // person follows it (the mail in the outbox) to finish the account, then logs in here.
  await expect(page.getByText(`We sent an email to ${email.toLowerCase()}.`)).toBeVisible({ timeout: 20_000 });
  const token = await followVerificationMail(demo, email);
  await finishRegistration(demo, email, 'a new master password', token);
  await page.getByLabel('Master password', { exact: true }).fill('a new master password');
  await page.getByRole('button', { name: 'Log in', exact: true }).click();

  // Registered and signed in as the new account, which is now active; accept.
  await expect(page.getByText(`Signed in as ${email}`)).toBeVisible({ timeout: 20_000 });
  await page.getByRole('button', { name: 'Accept invitation' }).click();
  await expect(page.getByRole('heading', { name: 'Waiting for confirmation' })).toBeVisible();
});
