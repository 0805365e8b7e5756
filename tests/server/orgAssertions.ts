// Assertions shared by the org admin suites: the authorization matrix, bad input with the database unchanged.
import { expect } from 'vitest';
import type { TestServer } from './harness';
import type { HttpResponse } from './http';
import { ACTORS, type Actor, type World } from './orgWorld';

const TABLES = [
  'organizations',
  'organization_users',
  'groups',
  'group_users',
  'collections',
  'collection_users',
  'collection_groups',
  'policies',
  'sso_configs',
  'ciphers',
  'collection_ciphers',
  'events',
  'used_tokens',
  'organization_installations',
] as const;

/** Every row of the org tables, sorted: compare before/after to prove nothing changed. */
export async function snapshot(t: TestServer): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const table of TABLES) {
    const rows = await t.db.selectFrom(table).selectAll().execute();
    out[table] = rows.map((r) => JSON.stringify(r)).sort();
  }
  return out;
}

export type Call = (token: string | undefined, actor: Actor) => Promise<HttpResponse>;

/**
 * Runs `call` for every actor. Allowed actors must get `allowedStatus` (a probe that passes the authorization
 * check, e.g. an invalid body answered 400); the others get 404 (or `deniedStatus`), anonymous gets 401, and
 * denied calls change nothing.
 */
export async function expectMatrix(
  t: TestServer,
  w: World,
  allowed: readonly Actor[],
  call: Call,
  o: { allowedStatus?: number | number[]; deniedStatus?: number; probe?: Call } = {},
): Promise<void> {
  const wanted = o.allowedStatus === undefined ? [200] : ([] as number[]).concat(o.allowedStatus);
  const seen: Record<string, number> = {};
  const expected: Record<string, number | number[]> = {};
  for (const actor of ACTORS) {
    const isAllowed = allowed.includes(actor);
    const before = isAllowed ? null : await snapshot(t);
    const res = isAllowed && o.probe ? await o.probe(w.token(actor), actor) : await call(w.token(actor), actor);
    seen[actor] = res.status;
    if (isAllowed) expected[actor] = wanted.includes(res.status) ? res.status : wanted;
    else {
      expected[actor] = actor === 'anonymous' ? 401 : (o.deniedStatus ?? 404);
      if (res.status === 404) expect(res.body).toMatchObject({ object: 'error', message: 'Resource not found.' });
      expect(await snapshot(t), `${actor} changed the database`).toEqual(before);
    }
  }
  expect(seen).toEqual(expected);
}

/** Variants of a valid body: empty, missing required keys, wrong types, oversized values, malformed EncStrings. */
export function badBodies(
  valid: Record<string, unknown>,
  o: { required: string[]; encStrings?: string[]; skipTypes?: string[] },
): { label: string; body: unknown }[] {
  const out: { label: string; body: unknown }[] = [
    { label: 'no body', body: undefined },
    { label: 'empty object', body: {} },
    { label: 'array body', body: [] },
  ];
  for (const key of o.required) {
    const { [key]: _gone, ...rest } = valid;
    out.push({ label: `missing ${key}`, body: rest });
  }
  for (const [key, value] of Object.entries(valid)) {
    if (o.skipTypes?.includes(key)) continue;
    const wrong =
      typeof value === 'string'
        ? 12345
        : typeof value === 'number'
          ? 'x'
          : typeof value === 'boolean'
            ? 'yes'
            : Array.isArray(value)
              ? 'not-a-list'
              : value === null
                ? 7
                : 42;
    out.push({ label: `wrong type ${key}`, body: { ...valid, [key]: wrong } });
    if (typeof value === 'string')
      out.push({ label: `oversized ${key}`, body: { ...valid, [key]: 'A'.repeat(120_000) } });
    if (Array.isArray(value) && value.length)
      out.push({ label: `oversized ${key}`, body: { ...valid, [key]: Array(25_001).fill(value[0]) } });
  }
  for (const key of o.encStrings ?? []) {
    for (const bad of ['not-encrypted', '2.abc|def', '9.a|b|c', '2.a$|b|c'])
      out.push({ label: `malformed ${key} ${bad}`, body: { ...valid, [key]: bad } });
  }
  return out;
}

/** Each body answers 4xx with the error body, and the database is unchanged. */
export async function expectRejected(
  t: TestServer,
  send: (body: unknown) => Promise<HttpResponse>,
  bodies: { label: string; body: unknown }[],
): Promise<void> {
  for (const { label, body } of bodies) {
    const before = await snapshot(t);
    const res = await send(body);
    expect([400, 413], `${label}: ${res.status} ${res.text.slice(0, 200)}`).toContain(res.status);
    expect(res.body, label).toMatchObject({ object: 'error' });
    if (res.status === 400) expect(typeof res.body.message, label).toBe('string');
    expect(await snapshot(t), `${label} changed the database`).toEqual(before);
  }
}
