// Accessibility (WCAG 2.1 A and AA) of every page of the app, in the light and the dark theme: axe-core finds no
// violation on the provider's sections, Settings with its Account part, the About dialog, a client row's menu and
// every page of an Enterprise client's console; and form fields' borders reach 3:1 against what is behind them
// (WCAG 1.4.11, non-text contrast), computed from the painted styles.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { PROVIDER_ADMIN, orgIdOf } from './demoBackend';
import { expect, test } from './fixtures';
import { signIn } from './signIn';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
// An Enterprise client: it offers every console page (groups, policies, SSO, import).
const CLIENT = 'Tidewater Fisheries';
const THEMES = ['light', 'dark'] as const;

const SECTIONS = [
  { link: 'Clients', heading: 'Clients' },
  { link: 'Members', heading: 'Members' },
  { link: 'Event logs', heading: 'Event logs' },
  { link: 'Billing', heading: 'Billing' },
  { link: 'Settings', heading: 'Settings' },
  { link: 'Waiting', heading: /Waiting/ },
] as const;

const CONSOLE = [
  ['members', 'Members'],
  ['groups', 'Groups'],
  ['collections', 'Collections'],
  ['policies', 'Policies'],
  ['sso', 'Single sign-on'],
  ['import', 'Import'],
  ['events', 'Event logs'],
  ['subscription', 'Subscription'],
] as const;

/** The theme follows the OS while the preference is "System" (the default): emulate the OS's choice. */
async function useTheme(page: Page, theme: (typeof THEMES)[number]) {
  await page.emulateMedia({ colorScheme: theme });
  await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
}

/** Waits until nothing on the page says it is still loading, so axe sees the page people read. */
async function settled(page: Page) {
  await expect(page.locator('main [aria-busy="true"]')).toHaveCount(0, { timeout: 20_000 });
  // Transitions (theme colours, dialogs) finish before colours are measured.
  await page.waitForTimeout(250);
}

/** Runs axe on the page as it is and returns one line per violation node: `page: rule — target`. */
async function axe(page: Page, where: string): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  return results.violations.flatMap((violation) =>
    violation.nodes.map(
      (node) => `${where}: ${violation.id} (${violation.impact}) — ${node.target.join(' ')} — ${node.failureSummary}`,
    ),
  );
}

interface BorderContrast {
  field: string;
  ratio: number;
}

/**
 * The contrast of each visible text field, select and textarea's border against the nearest opaque background
 * behind the field (WCAG relative luminance). Fields drawn without a border of their own are skipped.
 */
function fieldBorderContrasts(page: Page, where: string): Promise<BorderContrast[]> {
  return page.evaluate((where) => {
    const rgb = (css: string) => {
      const [r = 0, g = 0, b = 0, a = 1] = (css.match(/[\d.]+/g) ?? []).map(Number);
      return { r, g, b, a };
    };
    const luminance = ({ r, g, b }: { r: number; g: number; b: number }) => {
      const channel = (c: number) => {
        const s = c / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
    };
    const backdrop = (element: Element | null) => {
      for (let at = element; at; at = at.parentElement) {
        const colour = rgb(getComputedStyle(at).backgroundColor);
        if (colour.a >= 0.99) return colour;
      }
      return rgb(getComputedStyle(document.documentElement).backgroundColor);
    };
    const fields = document.querySelectorAll<HTMLElement>(
      'input:not([type=checkbox]):not([type=radio]):not([type=hidden]):not([type=range]), select, textarea',
    );
    return [...fields]
      .filter((field) => field.getClientRects().length > 0 && getComputedStyle(field).borderTopStyle !== 'none')
      .filter((field) => parseFloat(getComputedStyle(field).borderTopWidth) > 0)
      .map((field) => {
        const border = luminance(rgb(getComputedStyle(field).borderTopColor));
        const behind = luminance(backdrop(field.parentElement));
        const ratio = (Math.max(border, behind) + 0.05) / (Math.min(border, behind) + 0.05);
        const label = field.getAttribute('aria-label') ?? (field as HTMLInputElement).labels?.[0]?.textContent;
        const name = `${where}: ${field.tagName.toLowerCase()} "${label?.trim().slice(0, 40) ?? field.id}"`;
        return { field: name, ratio: Math.round(ratio * 100) / 100 };
      });
  }, where);
}

const sections = (page: Page) => page.getByRole('navigation', { name: 'Sections', exact: true });

for (const theme of THEMES) {
  test(`every provider section, Settings and the About dialog have no WCAG 2.1 AA violations (${theme})`, async ({
    page,
    desk,
    demo,
  }) => {
    test.setTimeout(120_000);
    await signIn(page, desk.url, demo, demo.account(PROVIDER_ADMIN));
    await useTheme(page, theme);
    const found: string[] = [];
    const borders: BorderContrast[] = [];
    for (const { link, heading } of SECTIONS) {
      await sections(page).getByRole('link', { name: link, exact: true }).click();
      await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
      await settled(page);
      found.push(...(await axe(page, link)));
      borders.push(...(await fieldBorderContrasts(page, link)));
    }

    // A client row's menu, open.
    await sections(page).getByRole('link', { name: 'Clients', exact: true }).click();
    await page
      .getByRole('grid', { name: 'Clients' })
      .getByRole('button', { name: /^Actions for / })
      .first()
      .click();
    await expect(page.getByRole('menu')).toBeVisible();
    found.push(...(await axe(page, 'Clients, row menu open')));
    await page.keyboard.press('Escape');

    // The About dialog.
    await page.getByRole('button', { name: 'About Provider Desk' }).click();
    await expect(page.getByRole('dialog', { name: 'About Provider Desk' })).toBeVisible();
    await page.waitForTimeout(250);
    found.push(...(await axe(page, 'About dialog')));
    await page.keyboard.press('Escape');

    console.log(`axe (${theme}), provider sections: ${found.length} violation nodes`);
    expect(found, found.join('\n')).toEqual([]);
    console.log(
      `field borders (${theme}): ${borders.length} fields, lowest ${Math.min(...borders.map((b) => b.ratio))}:1`,
    );
    expect(borders.length).toBeGreaterThan(3);
    expect(borders.filter((b) => b.ratio < 3)).toEqual([]);
  });

  test(`every page of a client's console has no WCAG 2.1 AA violations (${theme})`, async ({ page, desk, demo }) => {
    test.setTimeout(120_000);
    const orgId = orgIdOf(demo.dataDir, CLIENT);
    await signIn(page, desk.url, demo, demo.account(PROVIDER_ADMIN));
    await useTheme(page, theme);
    const base = page.url().split('#')[0];
    const found: string[] = [];
    const borders: BorderContrast[] = [];
    for (const [path, heading] of CONSOLE) {
      await page.goto(`${base}#/clients/${orgId}/${path}`);
      await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible({ timeout: 15_000 });
      await expect(page.getByRole('region', { name: 'Acting client' })).toContainText(CLIENT);
      await settled(page);
      found.push(...(await axe(page, `console ${path}`)));
      borders.push(...(await fieldBorderContrasts(page, `console ${path}`)));
    }
    console.log(`axe (${theme}), console pages: ${found.length} violation nodes`);
    expect(found, found.join('\n')).toEqual([]);
    console.log(`field borders (${theme}), console: ${borders.length} fields`);
    expect(borders.filter((b) => b.ratio < 3)).toEqual([]);
  });
}
