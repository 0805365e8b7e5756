/** crypto.md §6: RSA-2048 key pairs and key encapsulation. */
import {
  constants,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  privateDecrypt,
  publicEncrypt,
} from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  generateSymmetricKey,
  parseEncString,
  publicKeyFromPrivate,
  rsaDecapsulate,
  rsaEncapsulate,
  rsaGenerateKeyPair,
} from '../../../../src-main/crypto';
import { keyPair, range, toB64 } from './helpers';

const code = (value: string) => expect.objectContaining({ code: value });

describe('rsaGenerateKeyPair', () => {
  it('makes an RSA-2048 pair, e = 65537, SPKI base64 public key and PKCS#8 DER private key', async () => {
    const { publicKey, privateKey } = await rsaGenerateKeyPair();
    expect(publicKey.startsWith('MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA')).toBe(true);
    const details = createPublicKey({
      key: Buffer.from(publicKey, 'base64'),
      format: 'der',
      type: 'spki',
    }).asymmetricKeyDetails;
    expect(details).toMatchObject({ modulusLength: 2048, publicExponent: 65537n });
    expect(privateKey).toBeInstanceOf(Uint8Array);
    expect(publicKeyFromPrivate(privateKey)).toBe(publicKey);
  });
});

describe('encapsulation', () => {
  it('type 4 round trip of a 64-byte key', async () => {
    const { publicKey, privateKey } = await keyPair('a');
    const key = generateSymmetricKey();
    const wrapped = rsaEncapsulate(key, publicKey);
    expect(wrapped.startsWith('4.')).toBe(true);
    expect(parseEncString(wrapped).data).toHaveLength(256);
    expect(rsaDecapsulate(wrapped, privateKey)).toEqual(key);
  });
  it('type 4 is OAEP with SHA-1 (interoperates with a plain Node decrypt)', async () => {
    const { publicKey, privateKey } = await keyPair('a');
    const wrapped = rsaEncapsulate(range(64), publicKey);
    const key = createPrivateKey({ key: Buffer.from(privateKey), format: 'der', type: 'pkcs8' });
    const plain = privateDecrypt(
      { key, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha1' },
      parseEncString(wrapped).data,
    );
    expect(new Uint8Array(plain)).toEqual(range(64));
  });
  it.each([
    [3, 'sha256', ''],
    [4, 'sha1', ''],
    [5, 'sha256', '|QmFzZTY0UGFydA=='],
    [6, 'sha1', '|QmFzZTY0UGFydA=='],
  ] as const)('decapsulates type %i (OAEP-%s; the 5/6 MAC is ignored)', async (type, oaepHash, macPart) => {
    const { publicKey, privateKey } = await keyPair('a');
    const key = createPublicKey({ key: Buffer.from(publicKey, 'base64'), format: 'der', type: 'spki' });
    const data = publicEncrypt({ key, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash }, range(64));
    expect(rsaDecapsulate(`${type}.${data.toString('base64')}${macPart}`, privateKey)).toEqual(range(64));
  });
});

describe('refusals', () => {
  it('decrypt_failed: the wrong private key', async () => {
    const a = await keyPair('a');
    const b = await keyPair('b');
    expect(() => rsaDecapsulate(rsaEncapsulate(range(64), a.publicKey), b.privateKey)).toThrow(code('decrypt_failed'));
  });
  it('decrypt_failed: type 3 data that was made with SHA-1 padding', async () => {
    const { publicKey, privateKey } = await keyPair('a');
    const sha1 = rsaEncapsulate(range(64), publicKey).slice(2);
    expect(() => rsaDecapsulate(`3.${sha1}`, privateKey)).toThrow(code('decrypt_failed'));
  });
  it('wrong_key_type: a symmetric EncString to rsaDecapsulate', async () => {
    const { privateKey } = await keyPair('a');
    expect(() => rsaDecapsulate('2.QmFzZTY0UGFydA==|QmFzZTY0UGFydA==|QmFzZTY0UGFydA==', privateKey)).toThrow(
      code('wrong_key_type'),
    );
  });
  it('wrong_key_type: a non-RSA public key', () => {
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey.export({ type: 'spki', format: 'der' });
    expect(() => rsaEncapsulate(range(64), toB64(ec))).toThrow(code('wrong_key_type'));
  });
  it('wrong_key_type: an RSA key below 2048 bits', () => {
    const small = generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey.export({ type: 'spki', format: 'der' });
    expect(() => rsaEncapsulate(range(64), toB64(small))).toThrow(code('wrong_key_type'));
  });
  it('bad_format: a public key that is not base64 SPKI', () => {
    expect(() => rsaEncapsulate(range(64), 'not a key')).toThrow(code('bad_format'));
    expect(() => rsaEncapsulate(range(64), toB64(range(40)))).toThrow(code('bad_format'));
  });
  it('bad_format: a private key that is not PKCS#8', () => {
    expect(() => publicKeyFromPrivate(range(64))).toThrow(code('bad_format'));
  });
  it('bad_format: a value too long for RSA-OAEP-SHA1', async () => {
    const { publicKey } = await keyPair('a');
    expect(() => rsaEncapsulate(new Uint8Array(215), publicKey)).toThrow(code('bad_format'));
  });
});
