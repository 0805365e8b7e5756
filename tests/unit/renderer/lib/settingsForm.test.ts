import { describe, expect, it } from 'vitest';
import {
  adoptSaved,
  changedFields,
  checkForm,
  fieldErrorsFrom,
  toPatch,
} from '../../../../src-renderer/lib/settingsForm';
import { sampleSettings } from '../fakes/desk';

describe('settings form', () => {
  it('finds exactly the fields that differ from what is saved', () => {
    expect(changedFields({ ...sampleSettings }, sampleSettings)).toEqual({});
    expect(changedFields({ ...sampleSettings, theme: 'dark', syncIntervalMinutes: 0 }, sampleSettings)).toEqual({
      theme: 'dark',
      syncIntervalMinutes: 0,
    });
  });

  it('never puts an empty field into the patch', () => {
    expect(toPatch({ idleLockMinutes: null, theme: 'light' })).toEqual({ theme: 'light' });
    expect(toPatch({ singleKeyShortcuts: false })).toEqual({ singleKeyShortcuts: false });
  });

  it('asks for whole, non-negative minutes and accepts 0', () => {
    expect(checkForm({ ...sampleSettings, idleLockMinutes: 0, syncIntervalMinutes: 0 })).toEqual({});
    expect(Object.keys(checkForm({ ...sampleSettings, idleLockMinutes: null, syncIntervalMinutes: 1.5 }))).toEqual([
      'idleLockMinutes',
      'syncIntervalMinutes',
    ]);
    expect(checkForm({ ...sampleSettings, idleLockMinutes: -1 })).toHaveProperty('idleLockMinutes');
  });

  it('keeps local edits and takes the rest when settings change elsewhere', () => {
    const form = { ...sampleSettings, theme: 'dark' as const };
    const next = { theme: 'light' as const, idleLockMinutes: 60, syncIntervalMinutes: 5, singleKeyShortcuts: false };
    expect(adoptSaved(form, sampleSettings, next)).toEqual({
      theme: 'dark',
      idleLockMinutes: 60,
      syncIntervalMinutes: 5,
      singleKeyShortcuts: false,
    });
  });

  describe('fieldErrorsFrom', () => {
    it('reads `field: message` issues', () => {
      expect(fieldErrorsFrom('idleLockMinutes: Too big; syncIntervalMinutes: Too small')).toEqual({
        fields: { idleLockMinutes: 'Too big', syncIntervalMinutes: 'Too small' },
        rest: '',
      });
    });

    it("reads zod's pretty form", () => {
      const message = '✖ Too big: expected number to be <=1440\n  → at idleLockMinutes\n✖ Invalid option\n  → at theme';
      expect(fieldErrorsFrom(message)).toEqual({
        fields: { idleLockMinutes: 'Too big: expected number to be <=1440', theme: 'Invalid option' },
        rest: '',
      });
    });

    it('leaves what names no known field for the form', () => {
      expect(fieldErrorsFrom('Unrecognized key: "colour"')).toEqual({ fields: {}, rest: 'Unrecognized key: "colour"' });
      expect(fieldErrorsFrom('colour: not allowed')).toEqual({ fields: {}, rest: 'colour: not allowed' });
    });
  });
});
