/**
 * Locks every account after the idle-minutes setting and when the computer suspends or the screen locks
 * (DESIGN.md, "Security baseline"). Idle time is the system's when the shell knows it (Electron), otherwise the
 * time since the renderer last reported activity (browser shell).
 */
import type { LockSignal, PowerEvents } from './powerEvents';

export interface AutoLockOptions {
  power: PowerEvents;
  /** The `idleLockMinutes` setting; 0 = never. Read at every check, so changes apply at once. */
  idleMinutes(): number;
  lockAll(reason: 'idleLock' | 'systemLock'): void;
  hasUnlockedAccount(): boolean;
  now?: () => number;
  checkEveryMs?: number;
}

export interface AutoLock {
  /** The user did something in the app. */
  activity(): void;
  /** Runs the idle check now (the timer calls it too). */
  check(): void;
  dispose(): void;
}

export function startAutoLock(options: AutoLockOptions): AutoLock {
  const now = options.now ?? Date.now;
  let lastActivity = now();

  const idleMs = () => {
    const system = options.power.systemIdleSeconds?.();
    return system === undefined ? now() - lastActivity : system * 1000;
  };

  const check = () => {
    const minutes = options.idleMinutes();
    if (minutes <= 0 || !options.hasUnlockedAccount()) return;
    if (idleMs() >= minutes * 60_000) options.lockAll('idleLock');
  };

  const onSignal = (_signal: LockSignal) => {
    if (options.hasUnlockedAccount()) options.lockAll('systemLock');
  };

  const unsubscribe = options.power.onLockSignal(onSignal);
  const timer = setInterval(check, options.checkEveryMs ?? 15_000);
  timer.unref?.();

  return {
    activity: () => {
      lastActivity = now();
    },
    check,
    dispose: () => {
      clearInterval(timer);
      unsubscribe();
    },
  };
}
