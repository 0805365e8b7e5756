import { describe, expect, it } from 'vitest';
import { DeskError, encodeErrorMessage, errorCodes, toDeskError, unwrapEnvelope } from '../../../src-shared/contract';

describe('bridge errors', () => {
  it.each(errorCodes)('round-trips the %s code through a plain message', (code) => {
    const error = toDeskError(new Error(encodeErrorMessage({ code, message: 'Something: with [brackets]' })));
    expect(error).toBeInstanceOf(DeskError);
    expect(error.code).toBe(code);
    expect(error.message).toBe('Something: with [brackets]');
  });

  it("reads the code back from Electron's wrapped invoke rejection", () => {
    const error = toDeskError(
      new Error("Error invoking remote method 'settings.set': Error: [validation] theme: Invalid option"),
    );
    expect(error).toMatchObject({ code: 'validation', message: 'theme: Invalid option' });
  });

  it('keeps a code carried as a property', () => {
    expect(toDeskError({ code: 'offline', message: 'No network' })).toMatchObject({
      code: 'offline',
      message: 'No network',
    });
  });

  it('treats anything else as internal, and an unknown code as no code', () => {
    expect(toDeskError(new Error('[teapot] short and stout')).code).toBe('internal');
    expect(toDeskError('boom')).toMatchObject({ code: 'internal', message: 'boom' });
  });

  it('unwraps envelopes', () => {
    expect(unwrapEnvelope({ ok: true, result: 5 })).toBe(5);
    expect(() => unwrapEnvelope({ ok: false, error: { code: 'conflict', message: 'Taken' } })).toThrow(DeskError);
  });
});
