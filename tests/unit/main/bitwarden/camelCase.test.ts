import { describe, expect, it } from 'vitest';
import { camelizeKeys, lowerCamel } from '../../../../src-main/bitwarden/camelCase';

describe('lowerCamel', () => {
  it.each([
    ['KdfIterations', 'kdfIterations'],
    ['kdfIterations', 'kdfIterations'],
    ['TwoFactorProviders2', 'twoFactorProviders2'],
    ['ID', 'id'],
    ['Id', 'id'],
    ['IPAddress', 'ipAddress'],
    ['access_token', 'access_token'],
    ['0', '0'],
    ['', ''],
  ])('%s → %s', (input, output) => expect(lowerCamel(input)).toBe(output));
});

describe('camelizeKeys', () => {
  it('lower-camel-cases keys at every depth, arrays included, and leaves values alone', () => {
    expect(
      camelizeKeys({
        ErrorModel: { Message: 'Two factor required.', Object: 'error' },
        TwoFactorProviders2: { '0': null, '1': { Email: 'so***@example.com' } },
        Data: [{ OrganizationName: 'Acme', Seats: 5 }],
        Key: '2.abc|def|ghi',
      }),
    ).toEqual({
      errorModel: { message: 'Two factor required.', object: 'error' },
      twoFactorProviders2: { '0': null, '1': { email: 'so***@example.com' } },
      data: [{ organizationName: 'Acme', seats: 5 }],
      key: '2.abc|def|ghi',
    });
  });

  it('drops __proto__ keys instead of changing the prototype', () => {
    const parsed = camelizeKeys(JSON.parse('{"__proto__": {"polluted": true}, "A": 1}')) as Record<string, unknown>;
    expect(parsed).toEqual({ a: 1 });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(parsed)).toBe(Object.prototype);
  });
});
