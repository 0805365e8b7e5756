// Body parsers: JSON that tolerates an empty body (clients POST some commands without one) and the
// form encoding of the identity token endpoint.
import type { FastifyInstance } from 'fastify';
import { errorBody, ApiError, MODEL_STATE_INVALID } from './errors';

export function installBodyParsers(app: FastifyInstance): void {
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => {
    const text = String(body);
    if (text.trim() === '') return done(null, undefined);
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
    done(null, Object.fromEntries(new URLSearchParams(String(body))));
  });
}
