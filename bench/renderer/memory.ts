/**
 * Renderer memory ("≤ 200 MB with 5,000 clients and 1,000,000 cached events"): after a garbage collection, the
 * page's JavaScript heap (CDP `Runtime.getHeapUsage`) and its renderer process's resident and proportional set
 * sizes (/proc, the process Chromium's `SystemInfo.getProcessInfo` lists as a renderer). The budget is read
 * against the process figure (PSS: the process's own pages plus its share of shared ones), the larger one.
 */
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';

export interface MemorySample {
  heapUsedMB: number;
  rendererPssMB: number | null;
  rendererRssMB: number | null;
}

const MB = 1024 * 1024;

function procKb(pid: number, file: string, field: string): number | null {
  try {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/${file}`, 'utf8'));
    return match ? Number(match[1]) : null;
  } catch {
    return null;
  }
}

export async function measureMemory(browser: Browser, page: Page, samples: number): Promise<MemorySample[]> {
  const cdp = await page.context().newCDPSession(page);
  const browserCdp = await browser.newBrowserCDPSession();
  const out: MemorySample[] = [];
  try {
    for (let i = 0; i < samples; i++) {
      await cdp.send('HeapProfiler.collectGarbage');
      await new Promise((ok) => setTimeout(ok, 500));
      const heap = await cdp.send('Runtime.getHeapUsage');
      const info = (await browserCdp.send('SystemInfo.getProcessInfo')) as {
        processInfo: { type: string; id: number }[];
      };
      // One page is open, so the largest renderer is its process (others are spare or extension renderers).
      let pss: number | null = null;
      let rss: number | null = null;
      for (const p of info.processInfo.filter((p) => p.type === 'renderer')) {
        const ppss = procKb(p.id, 'smaps_rollup', 'Pss');
        if (ppss !== null && (pss === null || ppss > pss)) {
          pss = ppss;
          rss = procKb(p.id, 'status', 'VmRSS');
        }
      }
      out.push({
        heapUsedMB: heap.usedSize / MB,
        rendererPssMB: pss === null ? null : pss / 1024,
        rendererRssMB: rss === null ? null : rss / 1024,
      });
    }
  } finally {
    await cdp.detach().catch(() => {});
    await browserCdp.detach().catch(() => {});
  }
  return out;
}
