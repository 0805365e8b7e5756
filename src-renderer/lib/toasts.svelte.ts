/**
 * Short notices after an action: `toast.success('Client renamed')`, or with an undo,
 * `toast.info('Member removed', { action: { label: 'Undo', run: restore } })`. Success and info notices leave on
 * their own (later when they offer an action); errors stay until dismissed or until another page opens (they are
 * about the page they happened on). Timers pause while the pointer or
 * focus is on the notices, so nobody loses a message while reading it. `Toasts.svelte` shows them.
 */

export type ToastTone = 'success' | 'info' | 'error';

export interface ToastAction {
  label: string;
  run: () => void | Promise<void>;
}

export interface ToastOptions {
  action?: ToastAction;
  /** Milliseconds on screen; 0 keeps it until dismissed. Errors default to 0. */
  duration?: number;
}

export interface Toast {
  readonly id: number;
  readonly tone: ToastTone;
  readonly message: string;
  readonly action?: ToastAction;
  readonly duration: number;
}

export const toastDurations = { success: 5_000, info: 6_000, withAction: 10_000 } as const;
/** At most this many notices at once; the oldest non-error one makes room. */
export const maxToasts = 5;

interface Timer {
  remaining: number;
  startedAt: number;
  handle?: ReturnType<typeof setTimeout>;
}

export class ToastStore {
  items = $state.raw<readonly Toast[]>([]);
  // Countdown bookkeeping, never shown: a plain Map on purpose.
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  #timers = new Map<number, Timer>();
  #paused = false;
  #nextId = 1;

  success(message: string, options?: ToastOptions): number {
    return this.#push('success', message, options);
  }

  info(message: string, options?: ToastOptions): number {
    return this.#push('info', message, options);
  }

  error(message: string, options?: ToastOptions): number {
    return this.#push('error', message, options);
  }

  dismiss(id: number): void {
    this.#stop(id);
    this.#timers.delete(id);
    if (this.items.some((t) => t.id === id)) this.items = this.items.filter((t) => t.id !== id);
  }

  clear(): void {
    for (const id of [...this.#timers.keys()]) this.#stop(id);
    this.#timers.clear();
    this.items = [];
  }

  /** Removes the error notices: the frame calls it when another page opens, so errors do not follow you around. */
  clearErrors(): void {
    const errors = this.items.filter((t) => t.tone === 'error');
    if (errors.length === 0) return;
    for (const { id } of errors) {
      this.#stop(id);
      this.#timers.delete(id);
    }
    this.items = this.items.filter((t) => t.tone !== 'error');
  }

  /** Runs a notice's action once and removes the notice; a failing action leaves an error notice. */
  async runAction(id: number): Promise<void> {
    const item = this.items.find((t) => t.id === id);
    if (!item?.action) return;
    this.dismiss(id);
    try {
      await item.action.run();
    } catch (cause) {
      this.error(`${item.action.label} failed: ${cause instanceof Error ? cause.message : String(cause)}`);
    }
  }

  /** Stops every countdown, keeping the time left. */
  pause(): void {
    if (this.#paused) return;
    this.#paused = true;
    const now = Date.now();
    for (const [id, timer] of this.#timers) {
      this.#stop(id);
      timer.remaining = Math.max(0, timer.remaining - (now - timer.startedAt));
    }
  }

  resume(): void {
    if (!this.#paused) return;
    this.#paused = false;
    for (const id of this.#timers.keys()) this.#start(id);
  }

  #push(tone: ToastTone, message: string, options: ToastOptions = {}): number {
    // The same notice again (a double-clicked Save) refreshes the one on screen instead of stacking a copy.
    const same = this.items.find((t) => t.tone === tone && t.message === message && !t.action && !options.action);
    if (same) {
      this.#schedule(same.id, same.duration);
      return same.id;
    }
    const duration =
      options.duration ?? (tone === 'error' ? 0 : options.action ? toastDurations.withAction : toastDurations[tone]);
    const item: Toast = {
      id: this.#nextId++,
      tone,
      message,
      duration,
      ...(options.action ? { action: options.action } : {}),
    };
    const next = [...this.items, item];
    while (next.length > maxToasts) {
      const oldest = next.findIndex((t) => t.tone !== 'error');
      const [gone] = next.splice(oldest === -1 ? 0 : oldest, 1);
      if (gone) {
        this.#stop(gone.id);
        this.#timers.delete(gone.id);
      }
    }
    this.items = next;
    this.#schedule(item.id, duration);
    return item.id;
  }

  #schedule(id: number, duration: number) {
    this.#stop(id);
    if (duration <= 0) {
      this.#timers.delete(id);
      return;
    }
    this.#timers.set(id, { remaining: duration, startedAt: Date.now() });
    if (!this.#paused) this.#start(id);
  }

  #start(id: number) {
    const timer = this.#timers.get(id);
    if (!timer) return;
    timer.startedAt = Date.now();
    timer.handle = setTimeout(() => this.dismiss(id), timer.remaining);
  }

  #stop(id: number) {
    const timer = this.#timers.get(id);
    if (timer?.handle !== undefined) clearTimeout(timer.handle);
    if (timer) timer.handle = undefined;
  }
}

/** The app's notices; `Toasts` in the frame shows them. */
export const toast = new ToastStore();
