import { afterEach, describe, expect, it, vi } from 'vitest';
import { startActivityReporter } from '$lib/session/activity';

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('activity reporter', () => {
  let stop = () => {};
  afterEach(() => stop());

  function start(options: { shouldReport?: () => boolean; report?: () => unknown } = {}) {
    let now = 1_000_000;
    const report = vi.fn(options.report ?? (() => undefined));
    const target = new EventTarget();
    stop = startActivityReporter({
      report,
      target,
      now: () => now,
      throttleMs: 30_000,
      ...(options.shouldReport ? { shouldReport: options.shouldReport } : {}),
    });
    return {
      report,
      input: (type = 'keydown') => target.dispatchEvent(new Event(type)),
      advance: (ms: number) => (now += ms),
    };
  }

  it('reports the first input at once, then at most once per 30 seconds', async () => {
    const t = start();
    t.input('keydown');
    t.input('pointerdown');
    t.input('wheel');
    await settle();
    expect(t.report).toHaveBeenCalledTimes(1);
    t.advance(29_999);
    t.input('pointermove');
    await settle();
    expect(t.report).toHaveBeenCalledTimes(1);
    t.advance(1);
    t.input('touchstart');
    await settle();
    expect(t.report).toHaveBeenCalledTimes(2);
  });

  it('stays quiet while nothing can be locked', async () => {
    let unlocked = false;
    const t = start({ shouldReport: () => unlocked });
    t.input();
    await settle();
    expect(t.report).not.toHaveBeenCalled();
    unlocked = true;
    t.input();
    await settle();
    expect(t.report).toHaveBeenCalledTimes(1);
  });

  it('tries again on the next input when a report failed', async () => {
    let fail = true;
    const t = start({
      report: () => {
        if (fail) throw new Error('offline');
      },
    });
    t.input();
    await settle();
    fail = false;
    t.input();
    await settle();
    expect(t.report).toHaveBeenCalledTimes(2);
  });

  it('stops listening when stopped', async () => {
    const t = start();
    stop();
    t.input();
    await settle();
    expect(t.report).not.toHaveBeenCalled();
  });
});
