// Body parsers: JSON that tolerates an empty body (clients POST some commands without one) and the
// form encoding of the identity token endpoint. Both refuse, with a 400 before any route code runs, what would
// otherwise surface as a 500 deeper down: JSON nested deeper than ASP.NET's default limit (64, as Bitwarden's
// System.Text.Json), which recursive validation cannot walk, and NUL characters, which PostgreSQL text columns
// reject (SQLite would store them): one rule on both databases. Size is capped by Fastify's `bodyLimit` (413).
import type { FastifyInstance } from 'fastify';
import { errorBody, ApiError, MODEL_STATE_INVALID } from './errors';

export const MAX_JSON_DEPTH = 64;

const invalidBody = (message: string) => new ApiError(400, errorBody(MODEL_STATE_INVALID, { '': [message] }));
const NUL_MESSAGE = 'The request body contains a NUL character (\\u0000), which no field accepts.';

/**
 * One linear pass over the JSON text, before parsing: the deepest nesting of arrays and objects, and whether a
 * string holds a NUL (raw NUL is already invalid JSON; the escape `\\u0000` is what to look for).
 */
export function scanJson(text: string): { depth: number; nul: boolean } {
  let depth = 0;
  let max = 0;
  let nul = false;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c /* backslash */) {
        if (text[i + 1] === 'u' && /^0{4}$/.test(text.slice(i + 2, i + 6))) nul = true;
        i++;
      } else if (c === 0x22 /* " */) inString = false;
      else if (c === 0) nul = true;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b /* [ */ || c === 0x7b /* { */) max = Math.max(max, ++depth);
    else if (c === 0x5d /* ] */ || c === 0x7d /* } */) depth--;
  }
  return { depth: max, nul };
}

export function installBodyParsers(app: FastifyInstance): void {
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => {
    const text = String(body);
    if (text.trim() === '') return done(null, undefined);
    const scan = scanJson(text);
    if (scan.depth > MAX_JSON_DEPTH)
      return done(invalidBody(`The request body is nested deeper than ${MAX_JSON_DEPTH} levels.`), undefined);
    if (scan.nul) return done(invalidBody(NUL_MESSAGE), undefined);
    try {
      done(null, JSON.parse(text));
    } catch {
      done(
        new ApiError(400, errorBody(MODEL_STATE_INVALID, { '': ['The request body is not valid JSON.'] })),
        undefined,
      );
    }
  });
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_request, body, done) => {
    const fields = Object.fromEntries(new URLSearchParams(String(body)));
    if (Object.entries(fields).some(([k, v]) => k.includes('\u0000') || v.includes('\u0000')))
      return done(invalidBody(NUL_MESSAGE), undefined);
    done(null, fields);
  });
}
