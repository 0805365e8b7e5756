import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../../../../src-shared/contract';
import { createSettingsService } from '../../../../src-main/services/settingsService';
import { createConfSettingsStore } from '../../../../src-main/platform/confSettingsStore';
import { createMemorySettingsStore } from '../../../../src-main/platform/memorySettingsStore';

describe('settings service', () => {
  it('starts from the defaults', () => {
    expect(createSettingsService(createMemorySettingsStore()).get()).toEqual(defaultSettings);
  });

  it('merges a patch, stores it and tells listeners', () => {
    const store = createMemorySettingsStore();
    const service = createSettingsService(store);
    const seen: unknown[] = [];
    service.onChange((value) => seen.push(value));
    expect(service.set({ theme: 'dark' })).toEqual({ ...defaultSettings, theme: 'dark' });
    expect(store.read()).toEqual({ ...defaultSettings, theme: 'dark' });
    expect(seen).toEqual([{ ...defaultSettings, theme: 'dark' }]);
  });

  it('keeps valid stored fields and falls back per field for broken ones', () => {
    const service = createSettingsService(
      createMemorySettingsStore({ theme: 'light', idleLockMinutes: 'soon', syncIntervalMinutes: 9999 }),
    );
    expect(service.get()).toEqual({ ...defaultSettings, theme: 'light' });
  });

  it('has single-key shortcuts on by default, also for a file saved before the setting existed', () => {
    expect(defaultSettings.singleKeyShortcuts).toBe(true);
    const service = createSettingsService(
      createMemorySettingsStore({ theme: 'dark', idleLockMinutes: 15, syncIntervalMinutes: 5 }),
    );
    expect(service.get().singleKeyShortcuts).toBe(true);
  });

  it('turns single-key shortcuts off and keeps them off; a non-boolean is refused', () => {
    const store = createMemorySettingsStore();
    const service = createSettingsService(store);
    expect(service.set({ singleKeyShortcuts: false }).singleKeyShortcuts).toBe(false);
    expect(createSettingsService(store).get().singleKeyShortcuts).toBe(false);
    expect(() => service.set({ singleKeyShortcuts: 'no' as unknown as boolean })).toThrow();
    expect(createSettingsService(createMemorySettingsStore({ singleKeyShortcuts: 'no' })).get()).toEqual(
      defaultSettings,
    );
  });

  it('refuses an invalid patch and leaves the store as it was', () => {
    const store = createMemorySettingsStore({ ...defaultSettings, theme: 'light' });
    const service = createSettingsService(store);
    expect(() => service.set({ idleLockMinutes: 1.5 })).toThrow();
    expect(store.read()).toEqual({ ...defaultSettings, theme: 'light' });
  });

  it('persists through conf across instances (the browser shell store)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'desk-conf-'));
    createSettingsService(createConfSettingsStore(dir)).set({ syncIntervalMinutes: 30 });
    expect(JSON.parse(readFileSync(join(dir, 'settings.json'), 'utf8'))).toEqual({
      settings: { ...defaultSettings, syncIntervalMinutes: 30 },
    });
    expect(createSettingsService(createConfSettingsStore(dir)).get().syncIntervalMinutes).toBe(30);
  });

  it('survives a settings file edited into nonsense by hand', () => {
    const dir = mkdtempSync(join(tmpdir(), 'desk-conf-'));
    writeFileSync(join(dir, 'settings.json'), JSON.stringify({ settings: 'not an object' }));
    expect(createSettingsService(createConfSettingsStore(dir)).get()).toEqual(defaultSettings);
  });
});
