/** CryptoError: one negative case per code, and no key material in any message. */
import { describe, expect, it } from 'vitest';
import {
  CryptoError,
  cryptoErrorCodes,
  decryptBufferToBytes,
  decryptPrivateKey,
  decryptToBytes,
  decryptToString,
  deriveMasterKey,
  encryptToBuffer,
  encryptToString,
  generateSymmetricKey,
  parseEncString,
  rsaDecapsulate,
  rsaEncapsulate,
  unlockUserKey,
  unwrapOrgKey,
  unwrapProviderKey,
  wrapSymmetricKey,
} from '../../../../src-main/crypto';
import { caught, keyPair, toB64, toHex } from './helpers';

const SECRET_TEXT = 'hunter2-super-secret-plaintext';

/** Every way the module fails, with the secrets involved in each. */
async function failures(): Promise<{ name: string; error: Error & { code?: string }; secrets: Uint8Array[] }[]> {
  const key = generateSymmetricKey();
  const other = generateSymmetricKey();
  const a = await keyPair('a');
  const b = await keyPair('b');
  const encrypted = encryptToString(SECRET_TEXT, key);
  const wrongType = wrapSymmetricKey(key, other);
  const legacy = `0.${encrypted.slice(2).split('|').slice(0, 2).join('|')}`;
  const buffer = encryptToBuffer(SECRET_TEXT, key);
  const run = async (name: string, secrets: Uint8Array[], fn: () => unknown) => ({
    name,
    error: await caught(fn),
    secrets,
  });
  return Promise.all([
    run('bad_format: garbage EncString', [key], () => decryptToBytes(`2.${toB64(key)}|x|y`, key)),
    run('bad_format: short buffer', [key], () => decryptBufferToBytes(key.subarray(0, 20), key)),
    run('mac_mismatch: wrong key', [key, other], () => decryptToString(encrypted, other)),
    run('mac_mismatch: tampered buffer', [key], () =>
      decryptBufferToBytes(
        buffer.map((v, i) => (i === 60 ? v ^ 1 : v)),
        key,
      ),
    ),
    run('wrong_key_type: downgrade to type 0', [key], () => decryptToBytes(legacy, key)),
    run('wrong_key_type: 32-byte key for type 2', [key], () => decryptToBytes(encrypted, key.subarray(0, 32))),
    run('wrong_key_type: RSA to symmetric', [a.privateKey], () => unwrapProviderKey(wrongType, a.privateKey)),
    run('kdf_too_weak: PBKDF2 1000', [], () => deriveMasterKey(SECRET_TEXT, 'a@b.c', { kdf: 0, iterations: 1000 })),
    run('decrypt_failed: wrong RSA key', [a.privateKey, b.privateKey, key], () =>
      rsaDecapsulate(rsaEncapsulate(key, a.publicKey), b.privateKey),
    ),
    run('decrypt_failed: key pair mismatch', [a.privateKey, key], () =>
      decryptPrivateKey(encryptToString(a.privateKey, key), key, b.publicKey),
    ),
    run('mac_mismatch: unlock with the wrong master key', [key], () => unlockUserKey(key.subarray(0, 32), wrongType)),
    run('wrong_key_type: org key without unwrappers', [key], () => unwrapOrgKey(wrongType, {})),
  ]);
}

describe('CryptoError', () => {
  it('has the documented codes', () => {
    expect([...cryptoErrorCodes].sort()).toEqual(
      ['bad_format', 'decrypt_failed', 'kdf_too_weak', 'mac_mismatch', 'wrong_key_type'].sort(),
    );
  });
  it('is an Error with a name and a code', () => {
    const error = new CryptoError('mac_mismatch', 'x');
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('CryptoError');
    expect(error.code).toBe('mac_mismatch');
  });
  it('every code is produced by at least one failure', async () => {
    const seen = new Set((await failures()).map(({ error }) => error.code));
    for (const errorCode of cryptoErrorCodes) expect(seen).toContain(errorCode);
  });
  it('every failure is a CryptoError whose code its name announces', async () => {
    for (const { name, error } of await failures()) {
      expect(error, name).toBeInstanceOf(CryptoError);
      expect(error.code, name).toBe(name.split(':')[0]);
    }
  });
  it('messages never contain keys, plaintexts or ciphertexts', async () => {
    for (const { name, error, secrets } of await failures()) {
      const text = `${error.message} ${String(error.stack)}`;
      expect(text, name).not.toContain(SECRET_TEXT);
      for (const secret of secrets) {
        for (const form of [
          toB64(secret),
          toHex(secret),
          toB64(secret.subarray(0, 12)),
          toHex(secret.subarray(0, 12)),
        ]) {
          expect(text, name).not.toContain(form);
        }
      }
      expect(error.message, name).not.toMatch(/[A-Za-z0-9+/]{24,}/); // no long base64 runs of any kind
      expect(error.message.length, name).toBeLessThan(120);
    }
  });
  it('parse errors do not echo the input', () => {
    const input = `2.${toB64(generateSymmetricKey())}|!!|x`;
    expect(() => parseEncString(input)).toThrow(expect.objectContaining({ code: 'bad_format' }));
    try {
      parseEncString(input);
    } catch (error) {
      expect((error as Error).message).not.toContain(input.slice(2, 30));
    }
  });
});
