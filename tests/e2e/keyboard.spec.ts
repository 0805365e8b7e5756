// Keyboard and zoom (WCAG 2.1.1, 2.1.4, 2.4.3, 2.4.11, 1.4.10) against the seeded demo backend: focus lands on the
// new page's main region, the client grid is one Tab stop with arrows inside it, a row's menu closes on Tab,
// controls reached with Shift+Tab stay clear of the sticky "Acting client" banner, nothing scrolls sideways at
// 200 % zoom, ArrowDown goes from a search field into its results, and the `/` shortcut can be turned off.
import type { Page } from '@playwright/test';
import { PROVIDER_ADMIN, orgIdOf } from './demoBackend';
import { expect, test } from './fixtures';
import { signIn } from './signIn';

const CLIENT = 'Tidewater Fisheries';

const sections = (page: Page) => page.getByRole('navigation', { name: 'Sections', exact: true });
const grid = (page: Page) => page.getByRole('grid', { name: 'Clients' });

/** What has focus, in words for a failure message: tag, role and accessible-ish name. */
function focused(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el) return 'nothing';
    const name = el.getAttribute('aria-label') ?? el.textContent?.trim().slice(0, 40) ?? '';
    return `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}[${el.getAttribute('role') ?? ''}] ${name}`;
  });
}

const inside = (page: Page, selector: string) => page.evaluate((s) => !!document.activeElement?.closest(s), selector);

async function openClients(page: Page) {
  await sections(page).getByRole('link', { name: 'Clients', exact: true }).click();
  await expect(grid(page).getByRole('row').nth(1)).toBeVisible({ timeout: 20_000 });
}

test('focus moves to the main region on a page change, and the Clients grid is one Tab stop', async ({
  page,
  desk,
  demo,
}) => {
  test.setTimeout(60_000);
  await signIn(page, desk.url, demo, demo.account(PROVIDER_ADMIN));
  for (const name of ['Members', 'Waiting', 'Settings', 'Clients']) {
    await sections(page).getByRole('link', { name, exact: true }).click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText(name === 'Waiting' ? 'Waiting' : name);
    await expect(page.locator('main#main')).toBeFocused();
  }
  await expect(grid(page).getByRole('row').nth(1)).toBeVisible({ timeout: 20_000 });

  // Tab from the main region until focus leaves it: every stop counted, the grid's rows and controls not among them.
  const stops: string[] = [];
  let gridStops = 0;
  for (let i = 0; i < 200; i++) {
    await page.keyboard.press('Tab');
    if (!(await inside(page, 'main'))) break;
    stops.push(await focused(page));
    if (await inside(page, '[role="grid"]')) gridStops++;
  }
  console.log(`Clients page: ${stops.length} Tab stops in main (${gridStops} in the grid)\n  ${stops.join('\n  ')}`);
  expect(stops.length).toBeLessThan(20);
  // One stop for the rows (the active row); the column headers' sort buttons and resize handles are the others.
  const rowStops = stops.filter((stop) => stop.startsWith('tr'));
  expect(rowStops).toHaveLength(1);
});

test('arrows move between rows and into a row, Escape goes back, and focus survives scrolling', async ({
  page,
  desk,
  demo,
}) => {
  test.setTimeout(60_000);
  await signIn(page, desk.url, demo, demo.account(PROVIDER_ADMIN));
  await openClients(page);
  const rows = grid(page).getByRole('row');
  await rows.nth(1).click({ position: { x: 4, y: 4 } });
  await expect(rows.nth(1)).toBeFocused();

  await page.keyboard.press('ArrowDown');
  await expect(rows.nth(2)).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(rows.nth(1)).toBeFocused();

  // ArrowRight walks the row's controls (pin, the client's link, …, its ⋯ menu button); ArrowLeft walks back.
  await page.keyboard.press('ArrowRight');
  expect(
    await rows.nth(1).evaluate((row) => row !== document.activeElement && row.contains(document.activeElement)),
  ).toBe(true);
  const link = rows.nth(1).getByRole('link').first();
  const menuButton = rows.nth(1).getByRole('button', { name: /^Actions for / });
  const reached: string[] = [];
  let sawLink = false;
  for (let i = 0; i < 10 && !(await menuButton.evaluate((el) => el === document.activeElement)); i++) {
    reached.push(await focused(page));
    if (await link.evaluate((el) => el === document.activeElement)) sawLink = true;
    await page.keyboard.press('ArrowRight');
  }
  console.log(`ArrowRight through row 1: ${reached.join(' → ')} → menu button`);
  expect(sawLink).toBe(true);
  await expect(menuButton).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(rows.nth(1)).toBeFocused();

  // Far down the list: the rows virtualise, the focused one stays rendered and focused.
  for (let i = 0; i < 4; i++) await page.keyboard.press('PageDown');
  for (let i = 0; i < 15; i++) await page.keyboard.press('ArrowDown');
  expect(await inside(page, '[role="grid"]'), await focused(page)).toBe(true);
  const index = await page.evaluate(() => document.activeElement?.getAttribute('aria-rowindex'));
  console.log(`after 4×PageDown and 15×ArrowDown the focused row is aria-rowindex ${index}`);
  expect(Number(index)).toBeGreaterThan(20);
  await page.keyboard.press('Home');
  await expect(rows.nth(1)).toBeFocused();
});

test('Tab in an open row menu closes it and gives focus back to its button', async ({ page, desk, demo }) => {
  await signIn(page, desk.url, demo, demo.account(PROVIDER_ADMIN));
  await openClients(page);
  const menuButton = grid(page)
    .getByRole('row')
    .nth(1)
    .getByRole('button', { name: /^Actions for / });
  for (const key of ['Tab', 'Shift+Tab']) {
    await menuButton.click();
    await expect(page.getByRole('menu')).toBeVisible();
    await page.keyboard.press(key);
    await expect(page.getByRole('menu')).toHaveCount(0);
    await expect(menuButton).toBeFocused();
  }
});

test('Shift+Tab in a client console keeps the focused control clear of the sticky banner', async ({
  page,
  desk,
  demo,
}) => {
  test.setTimeout(60_000);
  const orgId = orgIdOf(demo.dataDir, CLIENT);
  await signIn(page, desk.url, demo, demo.account(PROVIDER_ADMIN));
  await page.setViewportSize({ width: 1000, height: 420 });
  const base = page.url().split('#')[0];
  await page.goto(`${base}#/clients/${orgId}/policies`);
  await expect(page.getByRole('heading', { level: 1, name: 'Policies' })).toBeVisible({ timeout: 15_000 });
  const banner = page.getByRole('region', { name: 'Acting client' });
  await expect(banner).toContainText(CLIENT);
  await expect(page.locator('main [aria-busy="true"]')).toHaveCount(0, { timeout: 20_000 });
  await expect(page.locator('main .content').getByRole('heading', { level: 2 }).first()).toBeVisible({
    timeout: 20_000,
  });

  // Scroll the main region to its end, focus the last control, then walk back up with Shift+Tab.
  await page.locator('main').evaluate((main) => (main.scrollTop = main.scrollHeight));
  await page.locator('main').evaluate((main) => {
    const controls = [...main.querySelectorAll<HTMLElement>('button:not(:disabled), input:not(:disabled), select')];
    controls
      .filter((el) => el.tabIndex >= 0 && el.getClientRects().length > 0)
      .at(-1)
      ?.focus();
  });
  expect(await inside(page, 'main'), await focused(page)).toBe(true);
  let checked = 0;
  for (let i = 0; i < 25; i++) {
    await page.keyboard.press('Shift+Tab');
    if (!(await inside(page, 'main'))) break;
    if (!(await inside(page, '.content'))) continue;
    const bannerBox = (await banner.boundingBox())!;
    const box = await page.evaluate(() => {
      const rect = document.activeElement!.getBoundingClientRect();
      return { top: rect.top, height: rect.height };
    });
    if (box.height === 0) continue;
    expect(box.top, `${await focused(page)} under the banner`).toBeGreaterThanOrEqual(
      bannerBox.y + bannerBox.height - 1,
    );
    checked++;
  }
  console.log(`Shift+Tab: ${checked} controls checked below the banner`);
  expect(checked).toBeGreaterThan(3);
});

test('at 200 % zoom the client console and Billing do not scroll sideways', async ({ page, desk, demo }) => {
  test.setTimeout(90_000);
  const orgId = orgIdOf(demo.dataDir, CLIENT);
  await signIn(page, desk.url, demo, demo.account(PROVIDER_ADMIN));
  // 1280×800 at 200 %: 640×400 CSS pixels.
  await page.setViewportSize({ width: 640, height: 400 });
  const widths = () =>
    page.evaluate(() =>
      [document.documentElement, document.body, document.querySelector('main')!].map((el) => ({
        what: el.tagName.toLowerCase(),
        scroll: el.scrollWidth,
        client: el.clientWidth,
      })),
    );
  const base = page.url().split('#')[0];
  const pages = [
    ...['members', 'groups', 'collections', 'policies', 'events', 'subscription'].map(
      (path) => [`#/clients/${orgId}/${path}`, `console ${path}`] as const,
    ),
    ['#/billing', 'Billing'] as const,
  ];
  for (const [hash, name] of pages) {
    await page.goto(`${base}${hash}`);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible({ timeout: 15_000 });
    await expect(page.locator('main [aria-busy="true"]')).toHaveCount(0, { timeout: 20_000 });
    const measured = await widths();
    console.log(`${name} at 640 px: ${measured.map((m) => `${m.what} ${m.scroll}/${m.client}`).join(', ')}`);
    for (const m of measured) expect(m.scroll, `${name}: ${m.what}`).toBeLessThanOrEqual(m.client + 1);
  }
  // The sidebar folds behind a toggle at this width.
  await expect(page.getByRole('button', { name: 'Show sections' })).toBeVisible();
  await expect(sections(page)).toBeHidden();
});

test('ArrowDown moves from a search field into its results', async ({ page, desk, demo }) => {
  test.setTimeout(60_000);
  await signIn(page, desk.url, demo, demo.account(PROVIDER_ADMIN));
  const cases = [
    ['Clients', 'Search clients'],
    ['Members', 'Search members'],
    ['Waiting', 'Search people or clients'],
    ['Event logs', 'Search events'],
  ] as const;
  for (const [section, label] of cases) {
    await sections(page).getByRole('link', { name: section, exact: true }).click();
    await expect(page.locator('main [aria-busy="true"]')).toHaveCount(0, { timeout: 20_000 });
    const search = page.getByRole('searchbox', { name: label });
    await search.focus();
    const results = await search.getAttribute('aria-controls');
    expect(results, section).toBeTruthy();
    // Results exist once the page has read its data.
    await expect(page.locator(`[id="${results}"] :is(tr[data-index], li, [role="option"])`).first()).toBeAttached({
      timeout: 20_000,
    });
    await page.keyboard.press('ArrowDown');
    expect(
      await page.evaluate((id) => !!document.activeElement?.closest(`[id="${id}"]`), results),
      `${section}: ${await focused(page)}`,
    ).toBe(true);
  }
});

test('the / shortcut moves to search, and Settings turns it off', async ({ page, desk, demo }) => {
  test.setTimeout(60_000);
  await signIn(page, desk.url, demo, demo.account(PROVIDER_ADMIN));
  await openClients(page);
  const search = page.getByRole('searchbox', { name: 'Search clients' });
  await page.locator('main').focus();
  await page.keyboard.press('/');
  await expect(search).toBeFocused();
  await expect(search).toHaveValue('');

  const turnOff = async (on: boolean) => {
    await sections(page).getByRole('link', { name: 'Settings', exact: true }).click();
    const box = page.getByRole('checkbox', { name: /Single-key shortcuts/ });
    await box.setChecked(on);
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(page.getByText('Settings saved')).toBeVisible();
  };
  await turnOff(false);
  await openClients(page);
  await page.locator('main').focus();
  await page.keyboard.press('/');
  await expect(search).not.toBeFocused();
  await expect(search).not.toHaveAttribute('aria-keyshortcuts', '/');

  // Kept across a reload, and back on for the worker's other tests.
  await page.reload();
  await expect(grid(page).getByRole('row').nth(1)).toBeVisible({ timeout: 20_000 });
  await page.locator('main').focus();
  await page.keyboard.press('/');
  await expect(search).not.toBeFocused();
  await turnOff(true);
});
