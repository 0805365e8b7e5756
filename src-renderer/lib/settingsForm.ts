import type { Settings, SettingsPatch } from '$shared/contract';

/** The Settings form's values; a number field is `null` while the input is empty. */
export interface SettingsForm {
  theme: Settings['theme'];
  idleLockMinutes: number | null;
  syncIntervalMinutes: number | null;
  singleKeyShortcuts: boolean;
}

export type SettingsField = keyof Settings;
export type FieldErrors = Partial<Record<SettingsField, string>>;

export const settingsFields: readonly SettingsField[] = [
  'theme',
  'idleLockMinutes',
  'syncIntervalMinutes',
  'singleKeyShortcuts',
];

export function formFrom(settings: Settings): SettingsForm {
  return { ...settings };
}

/** The fields whose value differs from what is saved: `settings.set` receives these and nothing else. */
export function changedFields(form: SettingsForm, saved: Settings): Partial<SettingsForm> {
  const changed: Partial<SettingsForm> = {};
  for (const field of settingsFields) {
    if (form[field] !== saved[field]) Object.assign(changed, { [field]: form[field] });
  }
  return changed;
}

/** The form after settings were saved elsewhere: fields edited here keep their edit, the others take `next`. */
export function adoptSaved(form: SettingsForm, previous: Settings, next: Settings): SettingsForm {
  const edited = changedFields(form, previous);
  return { ...formFrom(next), ...edited };
}

/**
 * What the form can tell before asking main: a minutes field needs a whole number, 0 or more. The upper bounds
 * live in the contract and main enforces them; its answer comes back per field through `fieldErrorsFrom`.
 */
export function checkForm(form: SettingsForm): FieldErrors {
  const errors: FieldErrors = {};
  for (const field of ['idleLockMinutes', 'syncIntervalMinutes'] as const) {
    const value = form[field];
    if (value === null || !Number.isInteger(value) || value < 0)
      errors[field] = 'Enter a whole number of minutes, 0 or more.';
  }
  return errors;
}

export function toPatch(changed: Partial<SettingsForm>): SettingsPatch {
  const patch: SettingsPatch = {};
  if (changed.theme !== undefined) patch.theme = changed.theme;
  if (typeof changed.idleLockMinutes === 'number') patch.idleLockMinutes = changed.idleLockMinutes;
  if (typeof changed.syncIntervalMinutes === 'number') patch.syncIntervalMinutes = changed.syncIntervalMinutes;
  if (changed.singleKeyShortcuts !== undefined) patch.singleKeyShortcuts = changed.singleKeyShortcuts;
  return patch;
}

/**
 * Splits a validation message from main into per-field messages and the rest. Understood forms, one issue per
 * line or `;`-separated: `idleLockMinutes: Too big…` and zod's pretty form `✖ Too big… → at idleLockMinutes`.
 */
export function fieldErrorsFrom(message: string): { fields: FieldErrors; rest: string } {
  const fields: FieldErrors = {};
  const rest: string[] = [];
  const parts = message
    .split(/\n(?!\s*→)|;\s*/)
    .map((part) => part.trim())
    .filter(Boolean);
  for (const part of parts) {
    const prefixed = /^([A-Za-z]+)(?:\.[\w.]+)?:\s*(.+)$/s.exec(part);
    const pretty = /^(?:✖\s*)?(.+?)\s*→ at ([A-Za-z]+)\S*$/s.exec(part);
    const [field, text] = prefixed ? [prefixed[1], prefixed[2]] : pretty ? [pretty[2], pretty[1]] : [];
    if (field && text && (settingsFields as readonly string[]).includes(field)) {
      fields[field as SettingsField] = text.trim();
    } else {
      rest.push(part);
    }
  }
  return { fields, rest: rest.join(' ') };
}
