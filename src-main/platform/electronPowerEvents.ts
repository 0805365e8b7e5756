import type { PowerEvents } from '../session/powerEvents';

/** The part of Electron's `powerMonitor` auto-lock uses. Passed in, so this file never imports Electron. */
export interface PowerMonitorLike {
  on(event: 'suspend' | 'lock-screen', listener: () => void): unknown;
  removeListener(event: 'suspend' | 'lock-screen', listener: () => void): unknown;
  getSystemIdleTime(): number;
}

/** Electron shell: lock on suspend and screen lock; idle time is the whole system's. */
export function createElectronPowerEvents(powerMonitor: PowerMonitorLike): PowerEvents {
  return {
    onLockSignal(listener) {
      const onSuspend = () => listener('suspend');
      const onLockScreen = () => listener('lockScreen');
      powerMonitor.on('suspend', onSuspend);
      powerMonitor.on('lock-screen', onLockScreen);
      return () => {
        powerMonitor.removeListener('suspend', onSuspend);
        powerMonitor.removeListener('lock-screen', onLockScreen);
      };
    },
    systemIdleSeconds: () => powerMonitor.getSystemIdleTime(),
  };
}
