// The backend's join pages in real Chromium (issue 12): a person follows the mailed link, makes their keys in the
// page, logs in, sees their fingerprint phrase, and accepts an organization or a provider invitation. The backend is
// this spec's own: HTTPS with its generated certificate (pinned in Chromium by SPKI), email verification on, and
// the file outbox, from which every link is taken.
import { createHash, randomUUID, X509Certificate } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  chromium,
  expect,
  request as playwrightRequest,
  test,
  type APIRequestContext,
  type Browser,
  type Page,
} from '@playwright/test';
import { createServer, type ProviderDeskServer } from '../../src-server/app';
import { parseConfig } from '../../src-server/config';
import { outboxDir } from '../../src-server/mail/mailer';
import { inviteProvider } from '../../src-server/seed/providerInvite';
import {
  DEFAULT_KDF_CONFIG,
  decryptPrivateKey,
  deriveMasterKey,
  fingerprintPhrase,
  hashMasterPassword,
  makeOrganization,
  makeProviderSetup,
  makeRegistration,
  rsaDecapsulate,
  unlockUserKey,
} from '../../src-main/crypto/index';

const PASSWORD = 'a long and careful master password';
const SHOTS = join(import.meta.dirname, '../../test-results/screenshots');
const CLIENT = { 'Bitwarden-Client-Name': 'cli', 'Bitwarden-Client-Version': '2026.9.0', 'Device-Type': '25' };

let dataDir: string;
let server: ProviderDeskServer;
let base: string;
let browser: Browser;
let api: APIRequestContext;
let counter = 0;
const address = (who: string) => `${who}.${Date.now().toString(36)}.${++counter}@northwind-msp.example`;

interface Mail {
  to: string;
  subject: string;
  link?: string;
  meta?: Record<string, string>;
}

/** The newest outbox mail to `to` that has a link (waits a little: mail is sent after the commit). */
async function mailTo(to: string, match: RegExp = /./): Promise<Mail> {
  for (let i = 0; i < 50; i++) {
    const dir = outboxDir(dataDir);
    const mails = readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .sort()
      .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as Mail)
      .filter((m) => m.to === to && m.link && match.test(m.link));
    if (mails.length) return mails[mails.length - 1]!;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no mail to ${to}`);
}

/** The code of the newest code mail to `to` whose subject matches (these mails carry no link). */
async function codeTo(to: string, subject: RegExp): Promise<string> {
  for (let i = 0; i < 50; i++) {
    const dir = outboxDir(dataDir);
    const code = readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .sort()
      .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as Mail)
      .filter((m) => m.to === to && subject.test(m.subject) && m.meta?.code)
      .pop()?.meta?.code;
    if (code) return code;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no code mail to ${to}`);
}

async function post(path: string, body: unknown, token?: string): Promise<any> {
  const res = await api.post(path, {
    data: body as object,
    headers: { ...CLIENT, ...(token ? { authorization: `Bearer ${token}` } : {}) },
  });
  const text = await res.text();
  if (!res.ok()) throw new Error(`${path}: ${res.status()} ${text}`);
  return text ? JSON.parse(text) : null;
}

async function put(path: string, body: unknown, token: string): Promise<any> {
  const res = await api.put(path, { data: body as object, headers: { ...CLIENT, authorization: `Bearer ${token}` } });
  if (!res.ok()) throw new Error(`${path}: ${res.status()} ${await res.text()}`);
  return res.json();
}

async function get(path: string, token: string): Promise<any> {
  const res = await api.get(path, { headers: { ...CLIENT, authorization: `Bearer ${token}` } });
  if (!res.ok()) throw new Error(`${path}: ${res.status()} ${await res.text()}`);
  return res.json();
}

/** A password grant as the official CLI makes it; returns the token body and the user id. */
async function apiLogin(email: string, password = PASSWORD, clientId = 'cli') {
  const masterKey = await deriveMasterKey(password, email, DEFAULT_KDF_CONFIG);
  const hash = await hashMasterPassword(masterKey, password, 1);
  const res = await api.post('/identity/connect/token', {
    form: {
      grant_type: 'password',
      scope: 'api offline_access',
      client_id: clientId,
      deviceType: '25',
      deviceIdentifier: randomUUID(),
      deviceName: 'linux',
      username: email,
      password: hash,
    },
    headers: CLIENT,
  });
  const body = await res.json();
  if (!res.ok()) throw new Error(`login ${email}: ${res.status()} ${JSON.stringify(body)}`);
  const sub = JSON.parse(Buffer.from(String(body.access_token).split('.')[1]!, 'base64url').toString()).sub as string;
  const userKey = unlockUserKey(masterKey, body.Key);
  return { token: body.access_token as string, userId: sub, userKey, privateKeyEnc: body.PrivateKey as string, hash };
}

/** Registers through the mailed token, keys made with src-main/crypto, as another client would. */
async function apiRegister(email: string) {
  await post('/identity/accounts/register/send-verification-email', { email, name: 'Someone' });
  const mail = await mailTo(email, /finish-signup/);
  const { payload } = await makeRegistration(email, PASSWORD, DEFAULT_KDF_CONFIG);
  await post('/identity/accounts/register/finish', { ...payload, emailVerificationToken: mail.meta!.token });
  return { ...(await apiLogin(email)), publicKey: payload.userAsymmetricKeys.publicKey };
}

/** The expected phrase, from the user's public key as the API hands it out. */
async function expectedFingerprint(email: string): Promise<string> {
  const me = await apiLogin(email);
  const { publicKey } = await get(`/api/users/${me.userId}/public-key`, me.token);
  return fingerprintPhrase(me.userId, publicKey);
}

/** Light and dark screenshots of what the page shows now. */
async function shoot(page: Page, name: string) {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await page.screenshot({ path: join(SHOTS, `join-${name}-${colorScheme}.png`), fullPage: true });
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

test.beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'desk-e2e-join-'));
  server = await createServer(
    parseConfig({
      dataDir,
      host: '127.0.0.1',
      port: 0,
      tlsSelfSigned: true,
      logLevel: 'silent',
      passwordHashIterations: 1000,
      failedAuthDelayMs: 0,
    }),
  );
  base = await server.listen();
  expect(base).toMatch(/^https:\/\/localhost:\d+$/);
  const cert = new X509Certificate(readFileSync(join(dataDir, 'tls', 'server.crt')));
  const spki = createHash('sha256')
    .update(cert.publicKey.export({ type: 'spki', format: 'der' }))
    .digest('base64');
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', `--ignore-certificate-errors-spki-list=${spki}`],
  });
  // The test's own API calls trust the same local CA.
  api = await playwrightRequest.newContext({ baseURL: base, ignoreHTTPSErrors: true });
});

test.afterAll(async () => {
  await browser?.close();
  await api?.dispose();
  await server?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

async function newPage(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 900, height: 900 } });
  const page = await context.newPage();
  page.on('pageerror', (error) => {
    throw error;
  });
  return page;
}

test('sign up from the verification mail, log in, see the fingerprint phrase', async () => {
  test.setTimeout(90_000);
  const email = address('newcomer');
  await post('/identity/accounts/register/send-verification-email', { email, name: 'New Comer' });
  const mail = await mailTo(email, /redirect-connector\.html#finish-signup/);
  const page = await newPage();
  const response = await page.goto(mail.link!);
  expect(response?.headers()['content-security-policy']).toContain("default-src 'none'");
  await expect(page.getByRole('heading', { name: 'Finish creating your account' })).toBeVisible();
  await expect(page.getByLabel('Master password', { exact: true })).toBeFocused();
  await shoot(page, 'finish-signup');

  await page.getByLabel('Master password', { exact: true }).fill('too short');
  await page.getByLabel('Confirm master password').fill('too short');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByText('Use at least 12 characters.')).toBeVisible();
  await page.getByLabel('Master password', { exact: true }).fill(PASSWORD);
  await page.getByLabel('Confirm master password').fill(`${PASSWORD}!`);
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByText('The passwords do not match.')).toBeVisible();
  await shoot(page, 'finish-signup-errors');
  await page.getByLabel('Confirm master password').fill(PASSWORD);
  await page.getByLabel('Master password hint (optional)').fill('the careful one');
  await page.keyboard.press('Enter');

  await expect(page.getByRole('heading', { name: 'Your account is ready' })).toBeVisible({ timeout: 30_000 });
  await shoot(page, 'login');
  await page.getByLabel('Master password').fill('not the password at all');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('alert')).toContainText('Username or password is incorrect');
  await page.getByLabel('Master password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Log in' }).click();
  const phrase = page.getByTestId('fingerprint');
  await expect(phrase).toBeVisible({ timeout: 30_000 });
  await shoot(page, 'fingerprint');
  expect(await phrase.textContent()).toBe(await expectedFingerprint(email));

  // The link works once: a second visit says so and offers to log in.
  await page.goto('about:blank');
  await page.goto(mail.link!);
  await expect(page.getByRole('alert')).toContainText('Expired link');
  await shoot(page, 'finish-signup-used');

  // The account page logs in from scratch.
  await page.goto(`${base}/account/fingerprint`);
  await expect(page.getByLabel('Email address')).toBeFocused();
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Master password').fill(PASSWORD);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('fingerprint')).toHaveText((await phrase.textContent()) ?? '', { timeout: 30_000 });
});

test('create an account from an organization invitation and accept it', async () => {
  test.setTimeout(90_000);
  const owner = await apiRegister(address('owner'));
  const { payload } = await makeOrganization(owner.publicKey, 'Default collection');
  const org = await post(
    '/api/organizations',
    { name: 'Contoso Ltd', billingEmail: 'billing@contoso.example', planType: 0, additionalSeats: 0, ...payload },
    owner.token,
  );
  const invitee = address('member');
  await post(`/api/organizations/${org.id}/users/invite`, { emails: [invitee], type: 2 }, owner.token);
  const mail = await mailTo(invitee, /\/accept-organization\?/);
  expect(mail.link).toContain('orgUserHasExistingUser=false');

  const page = await newPage();
  await page.goto(mail.link!);
  await expect(page.getByRole('heading', { name: 'Join Contoso Ltd' })).toBeVisible();
  await shoot(page, 'accept-organization-create');
  await page.getByLabel('Master password', { exact: true }).fill(PASSWORD);
  await page.getByLabel('Confirm master password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByText('Your account is ready. Log in to continue.')).toBeVisible({ timeout: 30_000 });
  await page.getByLabel('Master password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByRole('heading', { name: 'Invitation accepted' })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText('an administrator of Contoso Ltd must confirm you')).toBeVisible();
  await shoot(page, 'accept-organization-done');
  expect(await page.getByTestId('fingerprint').textContent()).toBe(await expectedFingerprint(invitee));

  const members = await get(`/api/organizations/${org.id}/users`, owner.token);
  const row = (members.data as { email: string; status: number }[]).find((m) => m.email === invitee);
  expect(row?.status).toBe(1);
});

test('an existing account logs in and accepts; account recovery auto-enrollment sends the wrapped user key', async () => {
  test.setTimeout(90_000);
  const owner = await apiRegister(address('owner'));
  const { payload, secrets } = await makeOrganization(owner.publicKey, 'Default collection');
  const org = await post(
    '/api/organizations',
    { name: 'Fabrikam', billingEmail: 'billing@fabrikam.example', planType: 20, additionalSeats: 5, ...payload },
    owner.token,
  );
  await put(`/api/organizations/${org.id}/policies/3`, { policy: { enabled: true } }, owner.token);
  await put(
    `/api/organizations/${org.id}/policies/8`,
    { policy: { enabled: true, data: { autoEnrollEnabled: true } } },
    owner.token,
  );
  const memberEmail = address('existing');
  const member = await apiRegister(memberEmail);
  await post(`/api/organizations/${org.id}/users/invite`, { emails: [memberEmail], type: 2 }, owner.token);
  const mail = await mailTo(memberEmail, /\/accept-organization\?/);
  expect(mail.link).toContain('orgUserHasExistingUser=true');

  const page = await newPage();
  await page.goto(mail.link!);
  await expect(page.getByRole('heading', { name: 'Join Fabrikam' })).toBeVisible();
  await expect(page.getByLabel('Master password')).toBeFocused();
  await shoot(page, 'accept-organization-login');
  await page.getByLabel('Master password').fill(PASSWORD);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Invitation accepted' })).toBeVisible({ timeout: 30_000 });

  const row = await server.ctx.db
    .selectFrom('organization_users')
    .select(['status', 'reset_password_key'])
    .where('id', '=', mail.meta!.organizationUserId!)
    .executeTakeFirstOrThrow();
  expect(row.status).toBe(1);
  expect(row.reset_password_key).toMatch(/^4\./);
  expect(rsaDecapsulate(row.reset_password_key!, secrets.orgPrivateKey)).toEqual(member.userKey);
});

test('accept a provider invitation by logging in; the setup link hands over to the app', async () => {
  test.setTimeout(90_000);
  const adminEmail = address('founder');
  const admin = await apiRegister(adminEmail);
  const invite = await inviteProvider({ ...server.ctx, baseUrl: base }, { email: adminEmail });
  const setupMail = await mailTo(adminEmail, /\/providers\/setup-provider\?/);
  expect(setupMail.link).toBe(invite.link);

  const page = await newPage();
  await page.goto(setupMail.link!);
  await expect(page.getByRole('heading', { name: 'Set up your provider' })).toBeVisible();
  const deskLink = await page.getByRole('link', { name: 'Open in Provider Desk' }).getAttribute('href');
  expect(deskLink).toMatch(/^providerdesk:\/\/providers\/setup-provider\?/);
  const handed = new URL(deskLink!.replace('providerdesk://', 'https://x/'));
  expect(handed.searchParams.get('server')).toBe(base);
  expect(handed.searchParams.get('token')).toBe(setupMail.meta!.token);
  await expect(page.getByRole('textbox', { name: 'Provider Desk link' })).toHaveValue(deskLink!);
  await shoot(page, 'setup-provider');

  const { payload } = makeProviderSetup(admin.publicKey);
  await post(
    `/api/providers/${invite.providerId}/setup`,
    { name: 'Northwind MSP', billingEmail: adminEmail, token: setupMail.meta!.token, ...payload },
    admin.token,
  );
  const techEmail = address('tech');
  const tech = await apiRegister(techEmail);
  await post(`/api/providers/${invite.providerId}/users/invite`, { emails: [techEmail], type: 1 }, admin.token);
  const mail = await mailTo(techEmail, /\/providers\/accept-provider\?/);

  await page.goto(mail.link!);
  await expect(page.getByRole('heading', { name: 'Join Northwind MSP' })).toBeVisible();
  const acceptInApp = await page.getByRole('link', { name: 'Open in Provider Desk' }).getAttribute('href');
  expect(acceptInApp).toMatch(/^providerdesk:\/\/providers\/accept-provider\?.*server=/);
  await shoot(page, 'accept-provider');
  await page.getByLabel('Master password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByRole('heading', { name: 'Invitation accepted' })).toBeVisible({ timeout: 30_000 });
  await shoot(page, 'accept-provider-done');
  const phrase = await page.getByTestId('fingerprint').textContent();
  const privateKey = decryptPrivateKey(tech.privateKeyEnc, tech.userKey);
  expect(privateKey.length).toBeGreaterThan(0);
  expect(phrase).toBe(await fingerprintPhrase(tech.userId, tech.publicKey));

  // Someone without an account creates one from the invitation (providerInviteToken), then accepts.
  const newcomer = address('newtech');
  await post(`/api/providers/${invite.providerId}/users/invite`, { emails: [newcomer], type: 1 }, admin.token);
  const second = await mailTo(newcomer, /\/providers\/accept-provider\?/);
  const page2 = await newPage();
  await page2.goto(second.link!);
  await page2.getByRole('button', { name: 'I do not have an account yet: create one' }).click();
  await expect(page2.getByLabel('Master password', { exact: true })).toBeFocused();
  await shoot(page2, 'accept-provider-create');
  await page2.getByLabel('Master password', { exact: true }).fill(PASSWORD);
  await page2.getByLabel('Confirm master password').fill(PASSWORD);
  await page2.keyboard.press('Enter');
  await expect(page2.getByText('Your account is ready. Log in to continue.')).toBeVisible({ timeout: 30_000 });
  await page2.getByLabel('Master password').fill(PASSWORD);
  await page2.keyboard.press('Enter');
  await expect(page2.getByRole('heading', { name: 'Invitation accepted' })).toBeVisible({ timeout: 30_000 });

  const users = await get(`/api/providers/${invite.providerId}/users`, admin.token);
  const statusOf = (email: string) =>
    (users.data as { email: string; status: number }[]).find((u) => u.email === email)?.status;
  expect(statusOf(techEmail)).toBe(1);
  expect(statusOf(newcomer)).toBe(1);
});

test('two-step login by email code on the account page', async () => {
  test.setTimeout(90_000);
  const email = address('careful');
  await apiRegister(email);
  const web = await apiLogin(email, PASSWORD, 'web');
  const expected = await expectedFingerprint(email); // before two-step login is on
  const { userVerificationToken } = await post(
    '/api/two-factor/get-email',
    { masterPasswordHash: web.hash },
    web.token,
  );
  await post('/api/two-factor/send-email', { email, userVerificationToken }, web.token);
  const setupCode = await codeTo(email, /set-up code/);
  await put('/api/two-factor/email', { email, token: setupCode, userVerificationToken }, web.token);

  const page = await newPage();
  await page.goto(`${base}/account/fingerprint`);
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Master password').fill(PASSWORD);
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Verification code')).toBeFocused({ timeout: 30_000 });
  await expect(page.getByText('Two-step login is on.')).toBeVisible();
  await page.getByRole('button', { name: 'Send a code by email' }).click();
  await expect(page.getByText('Code sent.')).toBeVisible();
  await shoot(page, 'two-step');
  await page.getByLabel('Verification code').fill('000000');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('alert')).toContainText('Two-step token is invalid');
  await page.getByRole('button', { name: 'Send a code by email' }).click();
  await expect(page.getByText('Code sent.')).toBeVisible();
  await page.getByLabel('Verification code').fill(await codeTo(email, /two-step login verification code/));
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByTestId('fingerprint')).toHaveText(expected, { timeout: 30_000 });
});

test('an unknown page is a friendly HTML 404', async () => {
  const page = await newPage();
  const response = await page.goto(`${base}/no/such/page`);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  await shoot(page, 'not-found');
});
