/**
 * The renderer budgets, measured in Chromium on the real pages with the cache filled (5,000 clients, 1,000,000
 * events at full size). Each measure finds its page by the accessible names the pages promise; when a page or
 * control is missing it says so ("not measured: …") instead of producing a number.
 *
 * Latency = from the input's event time (keydown/click/change `timeStamp`) to the end of the frame painted after
 * the last DOM change it caused (pageProbe's paint clock), so debounced or asynchronous updates are included.
 */
import type { Page } from 'playwright-core';
import type { ProbeGlobal } from './pageProbe';

export class NotMeasured extends Error {}

const GRID_ROWS = '[role="grid"][aria-label="Clients"] tbody tr[data-index]';
const ACTING = 'section[aria-label="Acting client"], [role="region"][aria-label="Acting client"]';
const sleep = (ms: number) => new Promise((ok) => setTimeout(ok, ms));

async function visible(page: Page, what: string, locator: ReturnType<Page['locator']>, timeout = 15_000) {
  try {
    await locator.first().waitFor({ state: 'visible', timeout });
  } catch {
    throw new NotMeasured(`${what} did not appear`);
  }
}

const sectionLink = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name, exact: true });

async function goToSection(page: Page, name: string, heading: string) {
  await sectionLink(page, name).click();
  await visible(page, `the ${heading} page`, page.getByRole('heading', { level: 1, name: heading }));
}

/** Reload with the cache filled: ms from navigation start until the first client rows are painted. */
export async function clientsColdPaint(page: Page): Promise<number> {
  await page.reload();
  await visible(page, 'the Clients page', page.getByRole('heading', { level: 1, name: 'Clients' }), 60_000);
  return page.evaluate(
    async ([rows]) => {
      await (globalThis as unknown as ProbeGlobal).__pdBench.until(rows!, null, 30_000);
      return performance.now();
    },
    [GRID_ROWS],
  );
}

/** Another section → Clients (sidebar click): ms until the first client rows are painted, `n` times. */
export async function clientsGridPaint(page: Page, n: number): Promise<number[]> {
  await visible(page, 'the Clients grid', page.getByRole('grid', { name: 'Clients' }), 30_000);
  const samples: number[] = [];
  for (let i = -2; i < n; i++) {
    await goToSection(page, 'Settings', 'Settings');
    await page.evaluate(() => (globalThis as unknown as ProbeGlobal).__pdBench.arm('click'));
    const painted = page.evaluate(
      ([rows]) => (globalThis as unknown as ProbeGlobal).__pdBench.until(rows!, null, 30_000),
      [GRID_ROWS],
    );
    await sectionLink(page, 'Clients').click();
    const ms = await painted;
    await page.evaluate(() => (globalThis as unknown as ProbeGlobal).__pdBench.collect());
    if (i >= 0) samples.push(ms);
  }
  return samples;
}

/** Typing into `Search clients` on the Clients page: one sample per keystroke (characters and Backspace). */
export async function filterKeystrokes(page: Page, words: string[], gapMs: number): Promise<number[]> {
  const search = page.getByRole('searchbox', { name: 'Search clients' }).or(page.getByLabel('Search clients'));
  await visible(page, 'the Search clients field', search);
  await search.first().click();
  await search.first().fill('');
  await sleep(gapMs);
  await page.evaluate(() => (globalThis as unknown as ProbeGlobal).__pdBench.arm('keydown'));
  for (const word of words) {
    for (const ch of word) {
      await page.keyboard.press(ch === ' ' ? 'Space' : ch);
      await sleep(gapMs);
    }
    for (let i = 0; i < word.length; i++) {
      await page.keyboard.press('Backspace');
      await sleep(gapMs);
    }
  }
  return page.evaluate(() => (globalThis as unknown as ProbeGlobal).__pdBench.collect());
}

/** Ctrl+K, the client's name, Enter: ms from Enter until the console's `Acting client` shows that client. */
export async function paletteToConsole(page: Page, names: string[]): Promise<number[]> {
  const samples: number[] = [];
  for (const [i, name] of names.entries()) {
    await page.keyboard.press('Control+k');
    const input = page.getByRole('combobox', { name: 'Go to' });
    await visible(page, 'the command palette (Ctrl+K, `Go to`)', input, 5000);
    await input.fill(name);
    const option = page.getByRole('option').filter({ hasText: name }).first();
    await visible(page, `a palette entry for "${name}"`, option, 5000);
    if ((await page.getByRole('option').first().getAttribute('aria-selected')) !== 'true')
      throw new NotMeasured('the palette has no active entry to open with Enter');
    if (!((await page.getByRole('option').first().textContent()) ?? '').includes(name))
      throw new NotMeasured(`the palette's first entry for "${name}" is not that client`);
    await page.evaluate(() => (globalThis as unknown as ProbeGlobal).__pdBench.arm('keydown'));
    const shown = page
      .evaluate(
        ([acting, text]) => (globalThis as unknown as ProbeGlobal).__pdBench.until(acting!, text!, 10_000),
        [ACTING, name],
      )
      .catch(() => {
        throw new NotMeasured(`Enter on "${name}" in the palette did not show its console (\`Acting client\`)`);
      });
    await page.keyboard.press('Enter');
    const ms = await shown;
    await page.evaluate(() => (globalThis as unknown as ProbeGlobal).__pdBench.collect());
    if (i > 0) samples.push(ms); // the first opens the console route for the first time
  }
  return samples;
}

export interface EventLogFigures {
  firstPage: number[];
  /** Filter change → the first rows of the new answer painted. */
  filtered: number[];
  /** Filter change → the last change it caused painted (the page also loads more rows behind the first ones). */
  settled: number[];
  filter: string;
}

const EVENT_ROWS = '[role="grid"] tbody tr[data-index]';

/**
 * Event logs: ms from the sidebar click until the first rows are painted (unfiltered), then ms from each change
 * of a filter (a `select` on the page: preferably User, else Event or Client) until the first rows of the new
 * answer are painted, and until the page settles.
 */
export async function eventLogFirstPages(page: Page, n: number, gapMs: number): Promise<EventLogFigures> {
  const firstPage: number[] = [];
  for (let i = -1; i < Math.max(3, Math.floor(n / 2)); i++) {
    await goToSection(page, 'Settings', 'Settings');
    await page.evaluate(() => (globalThis as unknown as ProbeGlobal).__pdBench.arm('click'));
    const painted = page
      .evaluate(([r]) => (globalThis as unknown as ProbeGlobal).__pdBench.until(r!, null, 30_000), [EVENT_ROWS])
      .catch(() => {
        throw new NotMeasured('the Event logs page showed no grid rows within 30 s');
      });
    await sectionLink(page, 'Event logs').click();
    const ms = await painted;
    await page.evaluate(() => (globalThis as unknown as ProbeGlobal).__pdBench.collect());
    if (i >= 0) firstPage.push(ms);
  }

  const select = await eventFilter(page);
  const filtered: number[] = [];
  const settled: number[] = [];
  for (let i = 0; i < n; i++) {
    await page.evaluate(() => (globalThis as unknown as ProbeGlobal).__pdBench.arm('change'));
    // A choice whose answer is empty (or starts with the same event) changes no first row: no sample.
    const changed = page
      .evaluate(([r]) => (globalThis as unknown as ProbeGlobal).__pdBench.firstRowChange(r!, 5000), [EVENT_ROWS])
      .catch(() => null);
    await select.locator.selectOption(select.values[i % select.values.length]!);
    const ms = await changed;
    if (ms !== null) filtered.push(ms);
    await sleep(gapMs);
    settled.push(...(await page.evaluate(() => (globalThis as unknown as ProbeGlobal).__pdBench.collect())));
  }
  if (filtered.length === 0) throw new NotMeasured(`no "${select.label}" choice changed the rows`);
  return { firstPage, filtered, settled, filter: select.label };
}

/** The filter to change: a `select` with choices, User first (every technician has events), Event, Client, any. */
async function eventFilter(page: Page) {
  const selects = page.locator('main select');
  const found: { label: string; index: number; values: string[] }[] = [];
  for (let i = 0; i < (await selects.count()); i++) {
    const select = selects.nth(i);
    if (!(await select.isEnabled())) continue;
    const values = await select
      .locator('option')
      .evaluateAll((os) => os.map((o) => (o as unknown as { value: string }).value));
    const label = await select.evaluate(
      (s) =>
        s.getAttribute('aria-label') ??
        (s as unknown as { labels?: { textContent: string | null }[] }).labels?.[0]?.textContent?.trim() ??
        s.id,
    );
    // Consecutive choices must give different answers: skip "all" (the first option).
    if (values.length >= 3) found.push({ label, index: i, values: values.slice(1) });
  }
  const rank = (label: string) => ['User', 'Event', 'Client'].findIndex((l) => label.startsWith(l)) >>> 0;
  const best = found.sort((a, b) => rank(a.label) - rank(b.label))[0];
  if (!best) throw new NotMeasured('the Event logs page has no filter (a select with choices) to change');
  return { ...best, locator: selects.nth(best.index) };
}
