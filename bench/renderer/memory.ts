/**
 * Renderer memory ("≤ 200 MB with 5,000 clients and 1,000,000 cached events"): after a garbage collection, the
 * page's JavaScript heap (CDP `Runtime.getHeapUsage`) and its renderer process's proportional and resident set
 * sizes from /proc. The renderer is found by its command line (`--type=renderer` and this run's
 * `--user-data-dir`); with one page open the largest is the page's. The budget is read against PSS (the process's
 * own pages plus its share of the pages it shares with Chromium's other processes); RSS counts shared pages whole.
 */
import { readdirSync, readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';

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

function rendererPids(userDataDir: string): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const cmd = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      if (cmd.includes('--type=renderer') && cmd.includes(userDataDir)) pids.push(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return pids;
}

export async function measureMemory(page: Page, userDataDir: string, samples: number): Promise<MemorySample[]> {
  const cdp = await page.context().newCDPSession(page);
  const out: MemorySample[] = [];
  try {
    for (let i = 0; i < samples; i++) {
      await cdp.send('HeapProfiler.collectGarbage');
      await new Promise((ok) => setTimeout(ok, 500));
      const heap = await cdp.send('Runtime.getHeapUsage');
      let pss: number | null = null;
      let rss: number | null = null;
      for (const pid of rendererPids(userDataDir)) {
        const ppss = procKb(pid, 'smaps_rollup', 'Pss');
        if (ppss !== null && (pss === null || ppss > pss)) {
          pss = ppss;
          rss = procKb(pid, 'status', 'VmRSS');
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
  }
  return out;
}
