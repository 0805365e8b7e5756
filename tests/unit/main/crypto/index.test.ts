/** The public API of issue 3: names and shapes other modules and the acceptance checks import. */
import { describe, expect, it } from 'vitest';
import * as api from '../../../../src-main/crypto';
import type { KdfConfig } from '../../../../src-main/crypto';

describe('src-main/crypto public API', () => {
  it.each([
    ['deriveMasterKey', 3],
    ['hashMasterPassword', 3],
    ['stretchMasterKey', 1],
    ['encryptToString', 2],
    ['decryptToBytes', 2],
    ['decryptToString', 2],
    ['decryptBufferToBytes', 2],
    ['wrapSymmetricKey', 2],
    ['unlockUserKey', 2],
    ['generateSymmetricKey', 0],
    ['rsaGenerateKeyPair', 0],
    ['publicKeyFromPrivate', 1],
    ['rsaEncapsulate', 2],
    ['rsaDecapsulate', 2],
    ['fingerprintPhrase', 2],
    ['wipe', 0],
  ] as const)('exports %s taking %i arguments', (name, arity) => {
    expect(typeof api[name]).toBe('function');
    expect(api[name].length).toBe(arity);
  });
  it('exports CryptoError as a class', () => {
    expect(new api.CryptoError('bad_format', 'x')).toBeInstanceOf(Error);
  });
  it('KdfConfig has the issue shape', () => {
    const configs: KdfConfig[] = [
      { kdf: 0, iterations: 600000 },
      { kdf: 1, iterations: 3, memory: 64, parallelism: 4 },
    ];
    expect(configs).toHaveLength(2);
  });
});
