import { EventEmitter } from 'node:events';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readOrCreateDeviceIdentifier } from '../../../../src-main/platform/deviceIdentifier';
import { createElectronPowerEvents } from '../../../../src-main/platform/electronPowerEvents';

describe('Electron power events adapter', () => {
  it('turns suspend and lock-screen into lock signals, reads system idle time, and unsubscribes', () => {
    const monitor = Object.assign(new EventEmitter(), { getSystemIdleTime: () => 42 });
    const power = createElectronPowerEvents(monitor);
    const seen: string[] = [];
    const stop = power.onLockSignal((signal) => seen.push(signal));
    monitor.emit('suspend');
    monitor.emit('lock-screen');
    expect(seen).toEqual(['suspend', 'lockScreen']);
    expect(power.systemIdleSeconds?.()).toBe(42);
    stop();
    expect(monitor.listenerCount('suspend') + monitor.listenerCount('lock-screen')).toBe(0);
  });
});

describe('device identifier', () => {
  it('is made once per data folder and kept', () => {
    const dir = mkdtempSync(join(tmpdir(), 'desk-device-'));
    const first = readOrCreateDeviceIdentifier(dir);
    expect(first).toMatch(/^[0-9a-f-]{36}$/);
    expect(readOrCreateDeviceIdentifier(dir)).toBe(first);
    expect(readFileSync(join(dir, 'device-id'), 'utf8')).toBe(first);
  });
});
