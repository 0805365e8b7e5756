/** crypto.md §12.5 and §5.3: type 2 / type 0 symmetric encryption and key wrapping. */
import { createCipheriv } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  decryptBufferToBytes,
  decryptToBytes,
  decryptToString,
  encryptToBuffer,
  encryptToString,
  formatEncString,
  generateSymmetricKey,
  parseEncString,
  unwrapSymmetricKey,
  wrapSymmetricKey,
} from '../../../../src-main/crypto';
import { b64, range, toB64 } from './helpers';

const VECTOR_KEY = Uint8Array.from([
  81, 142, 1, 228, 222, 3, 3, 133, 34, 176, 35, 66, 150, 6, 109, 70, 190, 149, 47, 47, 89, 23, 144, 87, 92, 46, 220, 13,
  148, 106, 162, 234, 202, 139, 136, 33, 16, 200, 8, 73, 176, 172, 185, 187, 224, 10, 65, 223, 228, 54, 92, 181, 8, 213,
  162, 221, 117, 254, 245, 111, 55, 211, 77, 29,
]);
const VECTOR_STRING =
  '2.Dh7AFLXR+LXcxUaO5cRjpg==|uXyhubjAoNH8lTdy/zgJDQ==|cHEMboj0MYsU5yDRQ1rLCgxcjNbKRc1PWKuv8bpU5pM=';
const VECTOR_BUFFER = Uint8Array.from([
  2, 209, 195, 115, 49, 205, 253, 128, 162, 169, 246, 175, 217, 144, 73, 108, 191, 27, 113, 69, 55, 94, 142, 62, 129,
  204, 173, 130, 37, 42, 97, 209, 25, 192, 64, 126, 112, 139, 248, 2, 89, 112, 178, 83, 25, 77, 130, 187, 127, 85, 179,
  211, 159, 186, 111, 44, 109, 211, 18, 120, 104, 144, 4, 76, 3,
]);
const code = (value: string) => expect.objectContaining({ code: value });

/** A legacy type 0 EncString, made directly with Node's AES (clients no longer produce it). */
function legacyType0(plaintext: string, key: Uint8Array): string {
  const iv = range(16);
  const cipher = createCipheriv('aes-256-cbc', key, iv);
  const data = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return `0.${toB64(iv)}|${data.toString('base64')}`;
}

describe('§12.5 EncString decrypt (pure_crypto.rs)', () => {
  it('the key vector matches its base64 form', () => {
    expect(toB64(VECTOR_KEY)).toBe(
      'UY4B5N4DA4UisCNClgZtRr6VLy9ZF5BXXC7cDZRqourKi4ghEMgISbCsubvgCkHf5DZctQjVot11/vVvN9NNHQ==',
    );
  });
  it('test_symmetric_decrypt: the string form decrypts to "test"', () => {
    expect(decryptToString(VECTOR_STRING, VECTOR_KEY)).toBe('test');
  });
  it('test_symmetric_decrypt_array_buffer: the 65-byte binary form decrypts to "test"', () => {
    expect(VECTOR_BUFFER).toHaveLength(65);
    expect(new TextDecoder().decode(decryptBufferToBytes(VECTOR_BUFFER, VECTOR_KEY))).toBe('test');
    expect(new TextDecoder().decode(decryptBufferToBytes(VECTOR_BUFFER.slice().buffer, VECTOR_KEY))).toBe('test');
  });
});

describe('type 2 round trips', () => {
  const key = generateSymmetricKey();
  it('generates 64 random bytes', () => {
    expect(key).toHaveLength(64);
    expect(generateSymmetricKey()).not.toEqual(key);
  });
  it.each(['', 'test', 'pǻssword 😀', 'x'.repeat(1000)])('string %j', (text) => {
    const encrypted = encryptToString(text, key);
    expect(encrypted).toMatch(/^2\.[A-Za-z0-9+/=]+\|[A-Za-z0-9+/=]+\|[A-Za-z0-9+/=]+$/);
    const { iv, mac } = parseEncString(encrypted);
    expect(iv).toHaveLength(16);
    expect(mac).toHaveLength(32);
    expect(decryptToString(encrypted, key)).toBe(text);
  });
  it('bytes', () => {
    const bytes = range(100);
    expect(decryptToBytes(encryptToString(bytes, key), key)).toEqual(bytes);
  });
  it('uses a fresh IV each time', () => {
    expect(encryptToString('same', key)).not.toBe(encryptToString('same', key));
  });
  it('binary form', () => {
    const buffer = encryptToBuffer('attachment', key);
    expect(buffer[0]).toBe(2);
    expect(new TextDecoder().decode(decryptBufferToBytes(buffer, key))).toBe('attachment');
  });
  it('wraps and unwraps a 64-byte key', () => {
    const inner = generateSymmetricKey();
    const wrapped = wrapSymmetricKey(inner, key);
    expect(wrapped.startsWith('2.')).toBe(true);
    expect(unwrapSymmetricKey(wrapped, key)).toEqual(inner);
    expect(decryptToBytes(wrapped, key)).toEqual(inner);
  });
});

describe('legacy type 0', () => {
  const key32 = range(32);
  it('decrypts with a 32-byte key', () => {
    expect(decryptToString(legacyType0('legacy', key32), key32)).toBe('legacy');
  });
  it('decrypts the binary type 0 form', () => {
    const [iv, data] = legacyType0('legacy', key32).slice(2).split('|') as [string, string];
    const buffer = Uint8Array.of(0, ...b64(iv), ...b64(data));
    expect(new TextDecoder().decode(decryptBufferToBytes(buffer, key32))).toBe('legacy');
  });
});

describe('refusals', () => {
  const key = generateSymmetricKey();
  const encrypted = encryptToString('secret', key);
  const enc = parseEncString(encrypted);

  it('mac_mismatch: wrong key', () => {
    expect(() => decryptToBytes(encrypted, generateSymmetricKey())).toThrow(code('mac_mismatch'));
  });
  it('mac_mismatch: tampered ciphertext', () => {
    const data = enc.data.slice();
    data[0] = (data[0] ?? 0) ^ 1;
    expect(() => decryptToBytes(formatEncString({ ...enc, data }), key)).toThrow(code('mac_mismatch'));
  });
  it('mac_mismatch: tampered binary form', () => {
    const buffer = encryptToBuffer('secret', key);
    buffer[buffer.length - 1] = (buffer[buffer.length - 1] ?? 0) ^ 1;
    expect(() => decryptBufferToBytes(buffer, key)).toThrow(code('mac_mismatch'));
  });
  it('wrong_key_type: type 2 with a 32-byte key', () => {
    expect(() => decryptToBytes(encrypted, key.subarray(0, 32))).toThrow(code('wrong_key_type'));
  });
  it('wrong_key_type: type 0 with a 64-byte key (MAC downgrade)', () => {
    const stripped = `0.${toB64(enc.iv ?? new Uint8Array())}|${toB64(enc.data)}`;
    expect(() => decryptToBytes(stripped, key)).toThrow(code('wrong_key_type'));
  });
  it('wrong_key_type: an RSA type to a symmetric decrypt', () => {
    expect(() => decryptToBytes('4.QmFzZTY0UGFydA==', key)).toThrow(code('wrong_key_type'));
  });
  it('wrong_key_type: COSE type 7 (v2 accounts are not supported)', () => {
    expect(() => decryptToBytes('7.QmFzZTY0UGFydA==', key)).toThrow(code('wrong_key_type'));
  });
  it('wrong_key_type: encrypting with a key that is not 64 bytes', () => {
    expect(() => encryptToString('x', range(32))).toThrow(code('wrong_key_type'));
  });
  it('wrong_key_type: wrapping or unwrapping something that is not a 64-byte key', () => {
    expect(() => wrapSymmetricKey(range(32), key)).toThrow(code('wrong_key_type'));
    expect(() => unwrapSymmetricKey(encryptToString(range(32), key), key)).toThrow(code('wrong_key_type'));
  });
  it('bad_format: IV or MAC of the wrong length', () => {
    const shortIv = formatEncString({ ...enc, iv: range(8) });
    const shortMac = formatEncString({ ...enc, mac: range(16) });
    expect(() => decryptToBytes(shortIv, key)).toThrow(code('bad_format'));
    expect(() => decryptToBytes(shortMac, key)).toThrow(code('bad_format'));
  });
  it('decrypt_failed: bad padding under an unauthenticated type 0', () => {
    const key32 = range(32);
    const garbage = `0.${toB64(range(16))}|${toB64(range(32))}`;
    expect(() => decryptToBytes(garbage, key32)).toThrow(code('decrypt_failed'));
  });
  it('decrypt_failed: decrypted bytes that are not UTF-8 text', () => {
    expect(() => decryptToString(encryptToString(Uint8Array.of(0xff, 0xfe), key), key)).toThrow(code('decrypt_failed'));
  });
});
