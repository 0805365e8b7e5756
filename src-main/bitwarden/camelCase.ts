/**
 * Bitwarden's servers mix casings: camelCase on the API service, PascalCase extra keys (and snake_case OAuth
 * fields) on the identity token endpoint (bitwarden-api.md §2.2, §13.3). Every response is passed through
 * `camelizeKeys` before its zod schema, so one schema reads either casing.
 */

/** `KdfIterations` → `kdfIterations`, `ID` → `id`, `IPAddress` → `ipAddress`; snake_case and digits stay. */
export function lowerCamel(key: string): string {
  const run = /^[A-Z]+/.exec(key)?.[0];
  if (!run) return key;
  if (run.length === key.length) return key.toLowerCase();
  const next = key.charAt(run.length);
  // An acronym followed by a word: keep the word's capital (`IPAddress` → `ipAddress`).
  const lowered =
    run.length > 1 && /[a-z]/.test(next) ? run.slice(0, -1).toLowerCase() + run.slice(-1) : run.toLowerCase();
  return lowered + key.slice(run.length);
}

/** Lower-camel-cases every object key, recursively. Plain JSON only; `__proto__` keys are dropped. */
export function camelizeKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(camelizeKeys);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    const name = lowerCamel(key);
    if (name === '__proto__') continue;
    out[name] = camelizeKeys(inner);
  }
  return out;
}
