// The client console's settings pages (issue 8): a provider admin sets policies (and sees them after a reload),
// configures OpenID Connect SSO with the callback URL to copy, imports a 50-item LastPass CSV (preview, progress,
// report), downloads a self-hosted license; the official Bitwarden CLI, logged in as the client's owner, then
// lists the 50 imported items with their decrypted names, against the same HTTPS backend (npm start's, with its
// generated local CA, which the CLI is told to trust through NODE_EXTRA_CA_CERTS).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import Papa from 'papaparse';
import { BwAccount } from '../interop/bw';
import { PROVIDER_ADMIN, orgIdOf } from './demoBackend';
import { expect, test } from './fixtures';
import { signIn } from './signIn';

// An Enterprise client (policies and SSO) no other end-to-end test works in.
const CLIENT = 'Tidewater Fisheries';
const SHOTS = 'test-results/screenshots';

/** A LastPass export (url,username,password,totp,extra,name,grouping,fav): 46 logins and 4 secure notes. */
function lastPassExport(tag: string) {
  const names: string[] = [];
  const rows = Array.from({ length: 50 }, (_, i) => {
    const n = String(i + 1).padStart(2, '0');
    const name = i === 0 ? `Zürich, "Bank" ${tag} #${n}` : `${tag} item #${n}`;
    names.push(name);
    const grouping = i % 2 ? `Desk ${tag}\\Servers` : `Desk ${tag} Email`;
    if (i >= 46) return ['http://sn', '', '', '', `Door code ${i}\nsecond line`, name, grouping, '0'];
    return [
      `https://app${n}.example`,
      `user${n}@example.com`,
      `pw-${n}, "q"`,
      '',
      '',
      name,
      grouping,
      i === 3 ? '1' : '0',
    ];
  });
  const csv = Papa.unparse({
    fields: ['url', 'username', 'password', 'totp', 'extra', 'name', 'grouping', 'fav'],
    data: rows,
  });
  return { csv, names };
}

async function shoot(page: Page, name: string, scheme: 'light' | 'dark' = 'light', { top = true } = {}) {
  await page.emulateMedia({ colorScheme: scheme });
  // The main region scrolls, not the page: bring its top into view for the picture.
  if (top) {
    await page.evaluate(() => {
      for (const element of document.querySelectorAll('*')) if (element.scrollTop > 0) element.scrollTop = 0;
    });
  }
  await page.screenshot({ path: `${SHOTS}/${name}-${scheme}.png`, fullPage: true });
}

/** Opens a console page by its address (hash router), as a pasted link or a bookmark would. */
async function openConsole(page: Page, orgId: string, section: string, heading: string) {
  const base = page.url().split('#')[0];
  await page.goto(`${base}#/clients/${orgId}/${section}`);
  await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible({ timeout: 15_000 });
}

function policyRow(page: Page, name: string) {
  return page.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 2, name, exact: true }) });
}

test('policies, SSO, import and license of a client, with the import checked by the official CLI', async ({
  page,
  context,
  desk,
  demo,
}) => {
  test.setTimeout(240_000);
  const tag = `t${Date.now().toString(36)}`;
  const orgId = orgIdOf(demo.dataDir, CLIENT);
  const owner = demo.accounts.find((a) => a.role === `${CLIENT}: owner`);
  expect(owner?.password).toBeTruthy();

  await page.emulateMedia({ colorScheme: 'light' });
  await signIn(page, desk.url, demo, demo.account(PROVIDER_ADMIN));

  // Policies: master password requirements with a minimum length of 14, Vault timeout and Remove Send turned on.
  await openConsole(page, orgId, 'policies', 'Policies');
  await expect(page.getByText(CLIENT).first()).toBeVisible();
  const masterPassword = policyRow(page, 'Master password requirements');
  await masterPassword.getByRole('button', { name: 'Edit' }).click();
  let dialog = page.getByRole('dialog', { name: 'Master password requirements' });
  await dialog.getByLabel('Minimum length').fill('14');
  await dialog.getByLabel('Require numbers (0-9)').check();
  await shoot(page, 'console-policy-dialog', 'light', { top: false });
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  await expect(masterPassword).toContainText('Minimum length 14');

  const vaultTimeout = policyRow(page, 'Vault timeout');
  await vaultTimeout.getByRole('button', { name: 'Edit' }).click();
  dialog = page.getByRole('dialog', { name: 'Vault timeout' });
  await dialog.getByLabel('Turn on this policy').check();
  await dialog.getByLabel('Maximum timeout (minutes)').fill('480');
  await dialog.getByLabel('Timeout action').selectOption({ label: 'Lock' });
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();

  const removeSend = policyRow(page, 'Remove Send');
  await removeSend.getByRole('button', { name: 'Turn on…' }).click();
  dialog = page.getByRole('dialog', { name: 'Remove Send' });
  await dialog.getByLabel('Turn on this policy').check();
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('list', { name: 'Policies' })).toBeVisible();

  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Policies' })).toBeVisible({ timeout: 15_000 });
  await expect(policyRow(page, 'Vault timeout')).toContainText('Enabled');
  await expect(policyRow(page, 'Vault timeout')).toContainText('Maximum timeout 480 minutes · Timeout action: Lock');
  await expect(policyRow(page, 'Remove Send')).toContainText('Enabled');
  await expect(policyRow(page, 'Master password requirements')).toContainText('Minimum length 14');
  await expect(policyRow(page, 'Master password requirements')).toContainText('Require numbers');
  await shoot(page, 'console-policies');
  await shoot(page, 'console-policies', 'dark');
  await page.emulateMedia({ colorScheme: 'light' });

  // Single sign-on with OpenID Connect; the callback URL is there to copy.
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(page.url()).origin });
  await openConsole(page, orgId, 'sso', 'Single sign-on');
  await page.getByLabel('Allow SSO authentication').check();
  await page.getByLabel('SSO identifier').fill(`tidewater-${tag}`);
  await page.getByRole('radio', { name: 'OpenID Connect' }).check();
  await page
    .getByLabel('Authority')
    .fill('https://login.microsoftonline.com/7f1d2c3b-0000-4000-8000-000000000001/v2.0');
  await page.getByLabel('Client ID').fill(`desk-${tag}`);
  await page.getByLabel('Client secret').fill('s3cr3t-value');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'SSO settings saved' })).toBeVisible();
  const callback = page.getByRole('textbox', { name: 'Callback URL', exact: true });
  await expect(callback).toHaveValue(`${demo.url}/sso/oidc-signin`);
  await page.getByRole('button', { name: 'Copy Callback URL' }).click();
  await expect(page.getByRole('button', { name: 'Copy Callback URL' })).toHaveText('Copied');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await callback.inputValue());
  await expect(page.getByLabel('Client secret')).toHaveAttribute('placeholder', /Saved/);
  await shoot(page, 'console-sso');
  await shoot(page, 'console-sso', 'dark');
  await page.emulateMedia({ colorScheme: 'light' });

  // A 1.5 MB export goes through the browser shell's socket to a preview (it used to close the shell).
  await openConsole(page, orgId, 'import', 'Import');
  await page.getByLabel('File format').selectOption('lastpassCsv');
  const bigRows = Array.from({ length: 12_000 }, (_, i) => [
    `https://big${i}.example`,
    `user${i}@example.com`,
    `pw-${i}-${'x'.repeat(40)}`,
    '',
    `note ${i}`,
    `Big ${tag} #${i}`,
    `Desk ${tag} Big`,
    '0',
  ]);
  const big = Papa.unparse({
    fields: ['url', 'username', 'password', 'totp', 'extra', 'name', 'grouping', 'fav'],
    data: bigRows,
  });
  expect(big.length).toBeGreaterThan(1_500_000);
  await page.getByLabel('File', { exact: true }).setInputFiles({
    name: 'lastpass_big.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(big),
  });
  await page.getByRole('button', { name: 'Preview' }).click();
  await expect(page.getByTestId('importable-count')).toHaveText('12,000 items', { timeout: 30_000 });

  // Import 50 LastPass items: preview, progress (pushed to the renderer), report.
  const { csv, names } = lastPassExport(tag);
  await page.getByLabel('File', { exact: true }).setInputFiles({
    name: 'lastpass_export.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(csv),
  });
  await page.getByRole('button', { name: 'Preview' }).click();
  await expect(page.getByTestId('importable-count')).toHaveText('50 items');
  const byType = page.getByRole('table', { name: 'Items by type' });
  await expect(byType.getByRole('row', { name: /Logins/ })).toContainText('46');
  await expect(byType.getByRole('row', { name: /Secure notes/ })).toContainText('4');
  const byCollection = page.getByRole('table', { name: 'Items by collection' });
  await expect(byCollection.getByRole('row', { name: new RegExp(`Desk ${tag}/Servers`) })).toContainText('25');
  await expect(byCollection.getByRole('row', { name: new RegExp(`Desk ${tag} Email`) })).toContainText('New');
  await expect(page.locator('body')).not.toContainText('user01@example.com');
  await shoot(page, 'console-import');

  await page.evaluate(() => {
    const w = window as unknown as {
      __progress: unknown[];
      desk: { on: (e: string, h: (p: unknown) => void) => void };
    };
    w.__progress = [];
    w.desk.on('org.import.progress', (p) => w.__progress.push(p));
  });
  await page.getByRole('button', { name: 'Import 50 items' }).click();
  dialog = page.getByRole('dialog', { name: 'Import 50 items?' });
  await expect(dialog).toContainText(`Desk ${tag}/Servers`);
  await dialog.getByRole('button', { name: 'Import' }).click();
  await expect(page.getByRole('heading', { name: 'Import complete' })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('imported-count')).toHaveText('50');
  await expect(page.getByTestId('failed-count')).toHaveText('0');
  await expect(page.getByTestId('import-headline')).toHaveText('Imported 50 items.');
  const progress = (await page.evaluate(() => (window as unknown as { __progress: unknown[] }).__progress)) as {
    phase: string;
    sent: number;
    total: number;
  }[];
  expect(progress.map((p) => p.phase)).toEqual(['started', 'batch', 'done']);
  expect(progress.at(-1)).toMatchObject({ sent: 50, total: 50 });
  await shoot(page, 'console-import-done');

  // Self-hosted license for an installation id, saved as a download.
  await openConsole(page, orgId, 'subscription', 'Subscription');
  await expect(page.getByTestId('plan-name')).not.toBeEmpty();
  await expect(page.getByRole('meter', { name: 'Seats of this client' })).toBeVisible();
  const installationId = crypto.randomUUID();
  await page.getByLabel('Installation ID').fill(installationId.toUpperCase());
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download license' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('bitwarden_organization_license.json');
  const license = JSON.parse(readFileSync(await download.path(), 'utf8')) as Record<string, unknown>;
  expect(license).toMatchObject({ installationId, id: orgId, name: CLIENT });
  await expect(
    page.getByRole('status').filter({ hasText: 'License saved as bitwarden_organization_license.json' }),
  ).toBeVisible();
  await shoot(page, 'console-subscription');
  await shoot(page, 'console-subscription', 'dark');

  // The owner gets the new collections (through the same bridge the Collections page uses) and lists the items
  // with the official CLI over HTTPS.
  await page.evaluate(
    async ({ orgId, ownerEmail, prefix }) => {
      const desk = (window as unknown as { desk: { invoke: (c: string, i: unknown) => Promise<any> } }).desk;
      const { members } = await desk.invoke('org.members.list', { organizationId: orgId });
      const ownerId = members.find((m: { email: string }) => m.email === ownerEmail).id;
      const { collections } = await desk.invoke('org.collections.list', {
        organizationId: orgId,
        includeAccess: false,
      });
      for (const c of collections.filter((x: { name: string }) => x.name.startsWith(prefix))) {
        await desk.invoke('org.collections.update', {
          organizationId: orgId,
          id: c.id,
          members: [{ id: ownerId, access: 'canManage' }],
        });
      }
    },
    { orgId, ownerEmail: owner!.email, prefix: `Desk ${tag}` },
  );

  // The official CLI logs in to the same backend, trusting its generated CA as the app does.
  const bw = new BwAccount(join(demo.dataDir, 'tls', 'ca.crt'), owner!.password!);
  try {
    await bw.login(demo.url, owner!.email);
    const items = await bw.json<{ name: string; type: number; login?: { username: string } }[]>([
      'list',
      'items',
      '--organizationid',
      orgId,
    ]);
    const imported = items.filter((i) => i.name.includes(tag));
    expect(imported).toHaveLength(50);
    expect(imported.map((i) => i.name).sort()).toEqual([...names].sort());
    expect(imported.filter((i) => i.type === 2)).toHaveLength(4);
    expect(imported.find((i) => i.name === names[0])?.login?.username).toBe('user01@example.com');
  } finally {
    bw.dispose();
  }
});
