/** What auto-lock needs from the operating system; each shell provides it (DESIGN.md, "Security baseline"). */
export type LockSignal = 'suspend' | 'lockScreen';

export interface PowerEvents {
  /** Calls `listener` when the computer suspends or the screen locks; returns the unsubscribe function. */
  onLockSignal(listener: (signal: LockSignal) => void): () => void;
  /** Seconds since the last keyboard or mouse input anywhere on the system, when the shell can tell. */
  systemIdleSeconds?(): number;
}

/** The browser shell: no suspend or screen-lock signal; idle time comes from the renderer's activity reports. */
export const idleOnlyPowerEvents: PowerEvents = { onLockSignal: () => () => {} };
