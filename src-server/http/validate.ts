// Body validation: every request body goes through `parseBody(schema, request.body)`.
// Bodies are read case-insensitively like ASP.NET (keys are camel-cased first), and zod issues become
// `validationErrors` keyed by PascalCase property path (`Keys.PublicKey`, `Emails[0]`).
import type { z } from 'zod';
import { validationFailed, type ValidationErrors } from './errors';

const MAX_DEPTH = 32;

export function camelizeKeys(value: unknown, depth = 0): unknown {
  if (depth > MAX_DEPTH) return value;
  if (Array.isArray(value)) return value.map((v) => camelizeKeys(v, depth + 1));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      const key = k.length > 0 ? k[0]!.toLowerCase() + k.slice(1) : k;
      if (!(key in out) || k === key) out[key] = camelizeKeys(v, depth + 1);
    }
    return out;
  }
  return value;
}

export function issuesToValidationErrors(issues: readonly z.core.$ZodIssue[]): ValidationErrors {
  const errors: ValidationErrors = {};
  for (const issue of issues) {
    const key = issue.path
      .map((p, i) =>
        typeof p === 'number'
          ? `[${p}]`
          : `${i > 0 ? '.' : ''}${String(p).charAt(0).toUpperCase()}${String(p).slice(1)}`,
      )
      .join('');
    (errors[key] ??= []).push(issue.message);
  }
  return errors;
}

export function parseBody<S extends z.ZodType>(schema: S, body: unknown): z.output<S> {
  if (body === undefined || body === null || body === '') throw validationFailed({ '': ['Body is empty.'] });
  return parseValue(schema, camelizeKeys(body));
}

/** Validates a value that may be absent (routes whose body is optional). */
export function parseOptionalBody<S extends z.ZodType>(schema: S, body: unknown): z.output<S> {
  return parseValue(schema, body === '' || body === null ? undefined : camelizeKeys(body));
}

export function parseValue<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw validationFailed(issuesToValidationErrors(result.error.issues));
  return result.data;
}
