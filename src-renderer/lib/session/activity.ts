/**
 * The browser shell has no system idle clock, so main counts idle time from the renderer's reports
 * (`session.activity`). Any input counts; reports are throttled to one per `throttleMs`, so auto-lock may come at
 * most that much early, never late.
 */
export interface ActivityReporterOptions {
  report: () => unknown;
  /** Only worth reporting while something can be locked. */
  shouldReport?: () => boolean;
  throttleMs?: number;
  target?: EventTarget;
  now?: () => number;
}

export const ACTIVITY_THROTTLE_MS = 30_000;
const INPUT_EVENTS = ['keydown', 'pointerdown', 'pointermove', 'wheel', 'touchstart'] as const;

export function startActivityReporter(options: ActivityReporterOptions): () => void {
  const target = options.target ?? window;
  const now = options.now ?? Date.now;
  const throttleMs = options.throttleMs ?? ACTIVITY_THROTTLE_MS;
  let lastReport = -Infinity;

  const onInput = () => {
    const time = now();
    if (time - lastReport < throttleMs) return;
    if (options.shouldReport && !options.shouldReport()) return;
    lastReport = time;
    void Promise.resolve()
      .then(options.report)
      .catch(() => {
        // Main unreachable: the next input tries again.
        lastReport = -Infinity;
      });
  };

  const listenerOptions = { capture: true, passive: true };
  for (const type of INPUT_EVENTS) target.addEventListener(type, onInput, listenerOptions);
  return () => {
    for (const type of INPUT_EVENTS) target.removeEventListener(type, onInput, listenerOptions);
  };
}
