// The per-client admin console (issue 8): a provider admin opens a client from the palette, builds a group and a
// nested collection, invites someone who registers and accepts through the server API, confirms them with the
// fingerprint phrase the app shows (checked against one computed from their real public key), then revokes and
// restores them. The demo data is shared by the worker's tests, so every name here is unique.
import type { Page } from '@playwright/test';
import { deriveMasterKey, fingerprintPhrase, hashMasterPassword, makeRegistration } from '../../src-main/crypto/index';
import { call, DEFAULT_KDF, verifyEmail, type Backend } from './backend';
import { PROVIDER_ADMIN } from './demoBackend';
import { expect, test } from './fixtures';
import { signIn } from './signIn';

const CLIENT = 'Bayside Logistics';
const PASSWORD = 'correct horse battery staple';

async function api(
  backend: Backend,
  path: string,
  init: { json?: unknown; form?: Record<string, string>; token?: string },
) {
  const headers: Record<string, string> = {};
  if (init.token) headers.authorization = `Bearer ${init.token}`;
  let body: string | undefined;
  if (init.form) {
    headers['content-type'] = 'application/x-www-form-urlencoded';
    body = new URLSearchParams(init.form).toString();
  } else if (init.json !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(init.json);
  }
  return call(backend, path, { headers, ...(body === undefined ? {} : { body }) });
}

/** Registers `email` as the official clients do; returns its access token, user id and public key. */
async function registerAndLogin(backend: Backend, email: string) {
  const sent = await verifyEmail(backend, email, 'Console Invitee');
  const { payload } = await makeRegistration(email, PASSWORD, DEFAULT_KDF);
  await api(backend, '/identity/accounts/register/finish', { json: { ...payload, emailVerificationToken: sent } });
  const hash = hashMasterPassword(await deriveMasterKey(PASSWORD, email, DEFAULT_KDF), PASSWORD, 1);
  const token = JSON.parse(
    await api(backend, '/identity/connect/token', {
      form: {
        scope: 'api offline_access',
        client_id: 'cli',
        deviceType: '25',
        deviceIdentifier: crypto.randomUUID(),
        deviceName: 'linux',
        grant_type: 'password',
        username: email,
        password: await hash,
      },
    }),
  ) as { access_token: string };
  const claims = JSON.parse(Buffer.from(token.access_token.split('.')[1]!, 'base64url').toString()) as { sub: string };
  return { accessToken: token.access_token, userId: claims.sub, publicKey: payload.userAsymmetricKeys.publicKey };
}

async function shoot(page: Page, name: string, scheme: 'light' | 'dark') {
  await page.emulateMedia({ colorScheme: scheme });
  await page.screenshot({ path: `test-results/screenshots/${name}-${scheme}.png`, fullPage: true });
}

test('a provider admin runs a client: group, nested collection, invite → confirm, revoke and restore', async ({
  page,
  desk,
  demo,
}) => {
  test.setTimeout(150_000);
  const tag = Date.now().toString(36);
  const groupName = `Dispatch ${tag}`;
  const parentName = `Parent ${tag}`;
  const childName = `Child ${tag}`;
  const email = `console.${tag}@bayside-logistics.example`;

  await page.emulateMedia({ colorScheme: 'light' });
  await signIn(page, desk.url, demo, demo.account(PROVIDER_ADMIN));

  // The palette lists clients: Ctrl+K, type the name, Enter.
  await page.keyboard.press('Control+K');
  await page.getByLabel('Go to').fill(CLIENT);
  await expect(page.getByRole('option', { name: new RegExp(CLIENT) }).first()).toBeVisible();
  await page.keyboard.press('Enter');
  const banner = page.getByRole('region', { name: 'Acting client' });
  await expect(banner).toContainText(CLIENT);
  await expect(page.getByRole('heading', { level: 1, name: 'Members' })).toBeVisible();
  const sections = page.getByRole('navigation', { name: 'Client sections' });
  for (const label of ['Members', 'Groups', 'Collections', 'Policies', 'Single sign-on', 'Import', 'Event logs']) {
    await expect(sections.getByRole('link', { name: label })).toBeVisible();
  }
  await expect(sections.getByRole('link', { name: 'Members' })).toHaveAttribute('aria-current', 'page');

  // A parent collection, then a collection nested under it.
  await sections.getByRole('link', { name: 'Collections' }).click();
  await expect(banner).toContainText(CLIENT);
  const collections = page.getByRole('grid', { name: 'Collections' });
  await page.getByRole('button', { name: 'New collection' }).click();
  let dialog = page.getByRole('dialog');
  await dialog.getByLabel('Name', { exact: true }).fill(parentName);
  await dialog.getByRole('button', { name: 'Create collection' }).click();
  await expect(dialog).toBeHidden();
  const parentRow = collections.getByRole('row').filter({ hasText: parentName });
  await expect(parentRow).toBeVisible();
  await parentRow.getByRole('button', { name: 'Add nested' }).click();
  dialog = page.getByRole('dialog');
  await expect(dialog.getByLabel('Nest under')).toHaveValue(/.+/);
  await dialog.getByLabel('Name', { exact: true }).fill(childName);
  await expect(dialog.getByText(`Full name: ${parentName}/${childName}`)).toBeVisible();
  await dialog.getByRole('button', { name: 'Create collection' }).click();
  await expect(dialog).toBeHidden();
  const child = collections.locator(`[title="${parentName}/${childName}"]`);
  await expect(child).toHaveText(new RegExp(`^\\s*└\\s*${childName}(\\s|$)`));

  // A group with access to the nested collection: Can edit.
  await sections.getByRole('link', { name: 'Groups' }).click();
  await page.getByRole('button', { name: 'New group' }).click();
  dialog = page.getByRole('dialog');
  await dialog.getByLabel('Name', { exact: true }).fill(groupName);
  const collectionAccess = dialog.getByRole('group', { name: /Collections/ });
  await collectionAccess.getByRole('checkbox', { name: childName }).check();
  await collectionAccess.getByLabel(`Access for ${childName}`).selectOption({ label: 'Can edit' });
  await dialog.getByRole('button', { name: 'Create group' }).click();
  await expect(dialog).toBeHidden();
  const groupRow = page.getByRole('grid', { name: 'Groups' }).getByRole('row').filter({ hasText: groupName });
  await expect(groupRow).toContainText(`${parentName}/${childName} (Can edit)`);
  await shoot(page, 'console-groups', 'light');

  await sections.getByRole('link', { name: 'Collections' }).click();
  await expect(collections.getByRole('row').filter({ hasText: childName })).toContainText(`${groupName} (Can edit)`);
  await shoot(page, 'console-collections', 'light');

  // Invite someone into the group.
  await sections.getByRole('link', { name: 'Members' }).click();
  await page.getByRole('button', { name: 'Invite members' }).click();
  dialog = page.getByRole('dialog');
  await dialog.getByLabel('Email addresses').fill(email);
  await dialog.getByRole('checkbox', { name: groupName }).check();
  await page.screenshot({ path: 'test-results/screenshots/console-invite-light.png' });
  await dialog.getByRole('button', { name: 'Invite', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(`Invited 1 member to ${CLIENT}.`)).toBeVisible();
  const members = page.getByRole('grid', { name: 'Members' });
  const row = members.getByRole('row').filter({ hasText: email });
  await expect(row).toContainText('Invited');
  await expect(row).toContainText(groupName);

  // They register and accept through the server's API, with the token from the invitation mail.
  const mail = [...demo.outbox()].reverse().find((m) => m.to === email && m.link);
  expect(mail?.link).toBeTruthy();
  const link = new URL(mail!.link!.replace('#/', ''));
  const invitee = await registerAndLogin(demo, email);
  await api(
    demo,
    `/api/organizations/${link.searchParams.get('organizationId')}/users/${link.searchParams.get('organizationUserId')}/accept`,
    { token: invitee.accessToken, json: { token: link.searchParams.get('token') } },
  );

  // Back in the app: Needs confirmation → confirm with the phrase the app shows.
  await sections.getByRole('link', { name: 'Groups' }).click();
  await sections.getByRole('link', { name: 'Members' }).click();
  await expect(row).toContainText('Needs confirmation');
  await row.getByRole('button', { name: 'Confirm' }).click();
  dialog = page.getByRole('dialog');
  const expected = await fingerprintPhrase(invitee.userId, invitee.publicKey);
  await expect(dialog.getByTestId('fingerprint')).toHaveText(expected);
  await page.screenshot({ path: 'test-results/screenshots/console-confirm-light.png' });
  await dialog.getByRole('checkbox', { name: 'The member read me this exact phrase' }).check();
  await dialog.getByRole('button', { name: 'Confirm', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(row).toContainText('Confirmed');
  await shoot(page, 'console-members', 'light');
  await shoot(page, 'console-members', 'dark');
  await page.emulateMedia({ colorScheme: 'light' });

  // Revoke (the dialog names the client), then restore from the Revoked view.
  // DataTable drives the checkbox from its selection (the native toggle is undone), so click and read the row.
  await row.getByRole('checkbox').click();
  await expect(row).toHaveAttribute('aria-selected', 'true');
  await page.getByRole('button', { name: 'Revoke 1' }).click();
  dialog = page.getByRole('dialog');
  await expect(dialog).toContainText(`in ${CLIENT}?`);
  await dialog.getByRole('button', { name: 'Revoke 1 member' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(`Revoked 1 member in ${CLIENT}.`)).toBeVisible();
  await expect(row).toBeHidden();
  await page.getByRole('button', { name: /^Revoked/ }).click();
  await expect(row).toContainText('Revoked');
  await row.getByRole('button', { name: 'Restore' }).click();
  await expect(page.getByText(`Restored 1 member in ${CLIENT}.`)).toBeVisible();
  await page.getByRole('button', { name: /^All/ }).click();
  await expect(row).toContainText('Confirmed');
  await expect(banner).toContainText(CLIENT);

  // The console's own address opens on Members.
  await page.evaluate((orgId) => (location.hash = `#/clients/${orgId}`), link.searchParams.get('organizationId'));
  await expect(page.getByRole('heading', { level: 1, name: 'Members' })).toBeVisible();
  await expect(banner).toContainText(CLIENT);

  // Switching back and forth from the palette, three times (DESIGN.md budget: ≤ 150 ms, measured in bench/); the time is taken in the page, from the Enter keydown to the frame naming the client over its members.
  const timings: number[] = [];
  for (let round = 0; round < 3; round++) {
    await banner.getByRole('link', { name: /Clients/ }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Clients' })).toBeVisible();
    await page.keyboard.press('Control+K');
    await page.getByLabel('Go to').fill(CLIENT);
    await expect(page.getByRole('option', { name: new RegExp(CLIENT) }).first()).toBeVisible();
    await page.evaluate(
      ({ client, email }) => {
        const shown = () =>
          document.querySelector('[aria-label="Acting client"]')?.textContent?.includes(client) &&
          [...document.querySelectorAll('[role="grid"] tr')].some((tr) => tr.textContent?.includes(email));
        (window as unknown as { consoleVisible: Promise<number> }).consoleVisible = new Promise<number>((resolve) => {
          let started = 0;
          const observer = new MutationObserver(() => {
            if (started && shown()) {
              observer.disconnect();
              resolve(performance.now() - started);
            }
          });
          window.addEventListener('keydown', (event) => event.key === 'Enter' && (started = performance.now()), {
            capture: true,
            once: true,
          });
          observer.observe(document.body, { childList: true, subtree: true, characterData: true });
        });
      },
      { client: CLIENT, email },
    );
    await page.keyboard.press('Enter');
    timings.push(await page.evaluate(() => (window as unknown as { consoleVisible: Promise<number> }).consoleVisible));
  }
  // Printed, not asserted: the budget is measured by `npm run bench`.
  console.log(`palette → console page visible (cached): ${timings.map((t) => t.toFixed(0)).join(', ')} ms`);
});
