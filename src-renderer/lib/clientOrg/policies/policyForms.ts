/**
 * Policy settings forms: the controls' values for saved data, the data to send for the controls' values (or the
 * errors by field), main's validation messages placed under fields, and a one-line summary for the list. The
 * bounds match the contract's schemas (`src-shared/contract/clientOrg/policies.ts`); main checks again with those
 * schemas before anything is sent. The renderer keeps zod out of its bundle, so the rules are plain checks here.
 */
import {
  policyForms,
  type FieldErrors,
  type IntegerField,
  type PolicyData,
  type PolicyField,
  type PolicyFormValues,
  type TextField,
} from './policyFields';

export type { FieldErrors, PolicyData, PolicyField, PolicyFormValues } from './policyFields';

/** The policy types with a settings form, ascending. */
export const typesWithForms: readonly number[] = Object.keys(policyForms).map(Number);

export function fieldsOf(type: number): readonly PolicyField[] {
  return policyForms[type] ?? [];
}

export function visibleFields(type: number, values: PolicyFormValues): PolicyField[] {
  return fieldsOf(type).filter((field) => !field.shownWhen || field.shownWhen(values));
}

/** The controls' values for saved data (missing or unknown values: the control's empty state). */
export function formValues(type: number, data: PolicyData | null | undefined): PolicyFormValues {
  const values: PolicyFormValues = {};
  for (const field of fieldsOf(type)) {
    const saved = data?.[field.key];
    if (field.kind === 'checkbox') values[field.key] = saved === true;
    else if (field.kind === 'choices') {
      values[field.key] = Array.isArray(saved) ? saved.map(String) : [];
    } else if (field.kind === 'select') {
      const text = saved === null || saved === undefined ? '' : String(saved);
      values[field.key] = field.options.some((o) => o.value === text) ? text : '';
    } else {
      values[field.key] = saved === null || saved === undefined ? '' : String(saved);
    }
  }
  return values;
}

function requiredNow(field: TextField | IntegerField, values: PolicyFormValues): boolean {
  return typeof field.required === 'function' ? field.required(values) : field.required === true;
}

/** One field's wire value, or an error message. */
function readField(field: PolicyField, values: PolicyFormValues): { value: unknown } | { error: string } {
  const raw = values[field.key];
  switch (field.kind) {
    case 'checkbox':
      return { value: raw === true };
    case 'choices': {
      const chosen = Array.isArray(raw) ? raw : [];
      return {
        value: chosen.length ? field.options.filter((o) => chosen.includes(String(o.value))).map((o) => o.value) : null,
      };
    }
    case 'select': {
      const text = typeof raw === 'string' ? raw : '';
      if (text === '') return { value: null };
      if (!field.options.some((o) => o.value === text)) return { error: 'Choose one of the options.' };
      return { value: field.valueType === 'number' ? Number(text) : text };
    }
    case 'integer': {
      const text = typeof raw === 'string' ? raw.trim() : '';
      if (text === '')
        return requiredNow(field, values) ? { error: `Enter ${field.label.toLowerCase()}.` } : { value: null };
      const n = Number(text);
      if (!/^-?\d+$/.test(text) || !Number.isSafeInteger(n)) return { error: 'Enter a whole number.' };
      if (n < field.min || n > field.max) return { error: `Enter a number from ${field.min} to ${field.max}.` };
      return { value: n };
    }
    case 'text':
    case 'textarea': {
      const text = typeof raw === 'string' ? raw.trim() : '';
      if (text === '')
        return requiredNow(field, values) ? { error: `Enter the ${field.label.toLowerCase()}.` } : { value: null };
      if (text.length > field.max) return { error: `Use at most ${field.max} characters (now ${text.length}).` };
      if (field.pattern && !field.pattern.regex.test(text)) return { error: field.pattern.message };
      return { value: text };
    }
  }
}

export type CheckedData = { ok: true; data: PolicyData | null } | { ok: false; errors: FieldErrors };

/**
 * The `data` to send for the form's values, or the errors per field. Hidden fields go as null, so a saved value
 * of a mode that no longer applies does not linger. Types without a form have no data (null).
 */
export function checkPolicyData(type: number, values: PolicyFormValues): CheckedData {
  const fields = fieldsOf(type);
  if (!fields.length) return { ok: true, data: null };
  const data: PolicyData = {};
  const errors: FieldErrors = {};
  for (const field of fields) {
    if (field.shownWhen && !field.shownWhen(values)) {
      data[field.key] = field.kind === 'checkbox' ? false : null;
      continue;
    }
    const read = readField(field, values);
    if ('error' in read) errors[field.key] = read.error;
    else data[field.key] = read.value;
  }
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, data };
}

/**
 * Splits a validation message from main (`data.minLength: Too small…; data.x: …`) into messages for this form's
 * fields and the rest.
 */
export function policyErrorsFrom(type: number, message: string): { fields: FieldErrors; rest: string } {
  const keys = new Set(fieldsOf(type).map((f) => f.key));
  const fields: FieldErrors = {};
  const rest: string[] = [];
  for (const part of message
    .split(/;\s*/)
    .map((p) => p.trim())
    .filter(Boolean)) {
    const match = /^(?:data\.)?([A-Za-z]+)(?:\.\d+)?:\s*(.+)$/s.exec(part);
    if (match && keys.has(match[1]!)) fields[match[1]!] = match[2]!.trim();
    else rest.push(part.replace(/^data:\s*/, ''));
  }
  return { fields, rest: rest.join(' ') };
}

const onOff = (value: unknown) => value === true;

/** A short line on what the saved settings say, for the policy list (`Minimum length 14, upper case`). */
export function summarizeData(type: number, data: PolicyData | null | undefined): string {
  if (!data) return '';
  const parts: string[] = [];
  for (const field of fieldsOf(type)) {
    const value = data[field.key];
    if (value === null || value === undefined || value === '') continue;
    if (field.kind === 'checkbox') {
      if (onOff(value)) parts.push(field.label.replace(/\s*\(.*\)$/, ''));
    } else if (field.kind === 'select') {
      const option = field.options.find((o) => o.value === String(value));
      if (option && option.value !== '') parts.push(`${field.label}: ${option.label}`);
    } else if (field.kind === 'choices') {
      if (Array.isArray(value) && value.length) {
        const names = field.options.filter((o) => value.includes(o.value)).map((o) => o.label);
        parts.push(`${field.label}: ${names.join(', ')}`);
      }
    } else if (field.kind === 'integer') {
      // `Maximum timeout (minutes)` reads `Maximum timeout 480 minutes`.
      const [, name, unit] = /^(.*?)(?:\s*\((.+)\))?$/.exec(field.label)!;
      parts.push(unit ? `${name} ${String(value)} ${unit}` : `${name} ${String(value)}`);
    } else {
      parts.push(`${field.label}: ${String(value)}`);
    }
  }
  return parts.join(' · ');
}
