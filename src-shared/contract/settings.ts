import { z } from 'zod';

export const themeSchema = z.enum(['system', 'light', 'dark']);
export type Theme = z.infer<typeof themeSchema>;

/** User preferences persisted by main through a `SettingsStore`. Bounds keep a typo from locking the app forever. */
export const settingsSchema = z.object({
  theme: themeSchema,
  /** Lock after this many idle minutes; 0 means never. */
  idleLockMinutes: z.number().int().min(0).max(1440),
  /** Background sync every this many minutes; 0 means only on demand. */
  syncIntervalMinutes: z.number().int().min(0).max(1440),
  /** Whether single-key shortcuts (`/` focuses search) are on; WCAG 2.1.4 asks that they can be turned off. */
  singleKeyShortcuts: z.boolean(),
});
export type Settings = z.infer<typeof settingsSchema>;

export const defaultSettings: Settings = Object.freeze({
  theme: 'system',
  idleLockMinutes: 15,
  syncIntervalMinutes: 5,
  singleKeyShortcuts: true,
});

/** `settings.set` takes any subset; unknown keys are refused rather than silently dropped. */
export const settingsPatchSchema = settingsSchema.partial().strict();
export type SettingsPatch = z.infer<typeof settingsPatchSchema>;
