import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startAutoLock } from '../../../../src-main/session/autoLock';
import type { LockSignal, PowerEvents } from '../../../../src-main/session/powerEvents';

function power(systemIdle?: () => number) {
  let listener: ((signal: LockSignal) => void) | null = null;
  const events: PowerEvents = {
    onLockSignal: (l) => {
      listener = l;
      return () => (listener = null);
    },
    ...(systemIdle ? { systemIdleSeconds: systemIdle } : {}),
  };
  return { events, fire: (signal: LockSignal) => listener?.(signal), subscribed: () => listener !== null };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

function start(o: { minutes?: number; unlocked?: boolean; power?: PowerEvents } = {}) {
  const locks: string[] = [];
  let minutes = o.minutes ?? 15;
  let unlocked = o.unlocked ?? true;
  const p = power();
  const autoLock = startAutoLock({
    power: o.power ?? p.events,
    idleMinutes: () => minutes,
    lockAll: (reason) => {
      locks.push(reason);
      unlocked = false;
    },
    hasUnlockedAccount: () => unlocked,
    now: () => Date.now(),
    checkEveryMs: 10_000,
  });
  return { autoLock, locks, power: p, setMinutes: (m: number) => (minutes = m), unlock: () => (unlocked = true) };
}

describe('auto-lock', () => {
  it('locks after the idle minutes, and activity postpones it', () => {
    const a = start({ minutes: 15 });
    vi.advanceTimersByTime(10 * 60_000);
    a.autoLock.activity();
    vi.advanceTimersByTime(10 * 60_000);
    expect(a.locks).toEqual([]);
    vi.advanceTimersByTime(5 * 60_000 + 10_000);
    expect(a.locks[0]).toBe('idleLock');
    a.autoLock.dispose();
  });

  it('never locks when the setting is 0, and reads a changed setting at once', () => {
    const a = start({ minutes: 0 });
    vi.advanceTimersByTime(24 * 3600_000);
    expect(a.locks).toEqual([]);
    a.setMinutes(1);
    vi.advanceTimersByTime(20_000);
    expect(a.locks).toEqual(['idleLock']);
    a.autoLock.dispose();
  });

  it('uses the system idle time when the shell knows it', () => {
    let idleSeconds = 0;
    const p = power(() => idleSeconds);
    const a = start({ minutes: 5, power: p.events });
    vi.advanceTimersByTime(60 * 60_000); // no renderer activity, but the user is at the computer
    expect(a.locks).toEqual([]);
    idleSeconds = 5 * 60;
    vi.advanceTimersByTime(10_000);
    expect(a.locks).toEqual(['idleLock']);
    a.autoLock.dispose();
  });

  it('locks on suspend and screen lock, and only when something is unlocked', () => {
    const a = start();
    a.power.fire('suspend');
    a.power.fire('lockScreen'); // already locked: nothing to do
    a.unlock();
    a.power.fire('lockScreen');
    expect(a.locks).toEqual(['systemLock', 'systemLock']);
    const idle = start({ unlocked: false });
    idle.power.fire('suspend');
    vi.advanceTimersByTime(3600_000);
    expect(idle.locks).toEqual([]);
    a.autoLock.dispose();
    expect(a.power.subscribed()).toBe(false);
    idle.autoLock.dispose();
  });
});
