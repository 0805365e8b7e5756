import { describe, expect, it } from 'vitest';
import { parseServerFlag } from '../../../../src-main/app/serverFlag';

describe('--server flag', () => {
  it.each([
    [undefined, null],
    ['local', { kind: 'local' }],
    ['local:8444', { kind: 'local', port: 8444 }],
    ['LOCAL:40123', { kind: 'local', port: 40123 }],
    ['US', { kind: 'bitwardenUs' }],
    ['eu', { kind: 'bitwardenEu' }],
    ['https://vault.example.com/', { kind: 'selfHosted', baseUrl: 'https://vault.example.com' }],
    ['https://example.com/bitwarden/', { kind: 'selfHosted', baseUrl: 'https://example.com/bitwarden' }],
    ['http://127.0.0.1:8080', { kind: 'selfHosted', baseUrl: 'http://127.0.0.1:8080' }],
  ])('%s → %j', (value, expected) => {
    expect(parseServerFlag(value)).toEqual(expected);
  });

  it.each(['vault.example.com', 'http://vault.example.com', 'ftp://127.0.0.1', 'local:0', 'local:70000', 'local:'])(
    'refuses %s',
    (value) => {
      expect(() => parseServerFlag(value)).toThrow(/--server/);
    },
  );
});
