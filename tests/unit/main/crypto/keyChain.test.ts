/** crypto.md §7–8.2: unlocking the user key and unwrapping private, provider and org keys. */
import { createCipheriv } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  decryptPrivateKey,
  deriveMasterKey,
  encryptToString,
  generateSymmetricKey,
  rsaEncapsulate,
  stretchMasterKey,
  unlockUserKey,
  unwrapOrgKey,
  unwrapProviderKey,
  wrapSymmetricKey,
} from '../../../../src-main/crypto';
import { FAST_PBKDF2, keyPair, range, toB64 } from './helpers';

const code = (value: string) => expect.objectContaining({ code: value });

describe('unlockUserKey', () => {
  it('decrypts a type 2 user key under the stretched master key', async () => {
    const masterKey = await deriveMasterKey('pw', 'a@b.c', FAST_PBKDF2);
    const userKey = generateSymmetricKey();
    const protectedUserKey = wrapSymmetricKey(userKey, stretchMasterKey(masterKey));
    expect(unlockUserKey(masterKey, protectedUserKey)).toEqual(userKey);
  });
  it('decrypts a legacy type 0 user key under the unstretched master key', () => {
    const masterKey = range(32);
    const userKey = generateSymmetricKey();
    const cipher = createCipheriv('aes-256-cbc', masterKey, range(16));
    const data = Buffer.concat([cipher.update(userKey), cipher.final()]);
    expect(unlockUserKey(masterKey, `0.${toB64(range(16))}|${data.toString('base64')}`)).toEqual(userKey);
  });
  it('mac_mismatch: the wrong password', async () => {
    const right = await deriveMasterKey('right', 'a@b.c', FAST_PBKDF2);
    const wrong = await deriveMasterKey('wrong', 'a@b.c', FAST_PBKDF2);
    const protectedUserKey = wrapSymmetricKey(generateSymmetricKey(), stretchMasterKey(right));
    expect(() => unlockUserKey(wrong, protectedUserKey)).toThrow(code('mac_mismatch'));
  });
  it('wrong_key_type: a protected value that is not a 64-byte key', () => {
    const masterKey = range(32);
    expect(() => unlockUserKey(masterKey, encryptToString(range(32), stretchMasterKey(masterKey)))).toThrow(
      code('wrong_key_type'),
    );
  });
});

describe('decryptPrivateKey', () => {
  it('decrypts the PKCS#8 private key under the user key and checks it matches the public key', async () => {
    const { publicKey, privateKey } = await keyPair('user');
    const userKey = generateSymmetricKey();
    const encrypted = encryptToString(privateKey, userKey);
    expect(decryptPrivateKey(encrypted, userKey)).toEqual(privateKey);
    expect(decryptPrivateKey(encrypted, userKey, publicKey)).toEqual(privateKey);
  });
  it('decrypt_failed: a private key that does not match the account public key', async () => {
    const user = await keyPair('user');
    const other = await keyPair('other');
    const userKey = generateSymmetricKey();
    expect(() => decryptPrivateKey(encryptToString(user.privateKey, userKey), userKey, other.publicKey)).toThrow(
      code('decrypt_failed'),
    );
  });
  it('bad_format: decrypted bytes that are not a PKCS#8 key', () => {
    const userKey = generateSymmetricKey();
    expect(() => decryptPrivateKey(encryptToString(range(100), userKey), userKey)).toThrow(code('bad_format'));
  });
});

describe('provider and org keys (§8.2)', () => {
  it('unwraps a type 4 provider key with the user private key', async () => {
    const { publicKey, privateKey } = await keyPair('user');
    const providerKey = generateSymmetricKey();
    expect(unwrapProviderKey(rsaEncapsulate(providerKey, publicKey), privateKey)).toEqual(providerKey);
  });
  it('unwraps a type 2 client org key with the provider key', () => {
    const providerKey = generateSymmetricKey();
    const orgKey = generateSymmetricKey();
    expect(unwrapOrgKey(wrapSymmetricKey(orgKey, providerKey), { providerKey })).toEqual(orgKey);
  });
  it('unwraps a type 4 org key (direct membership) with the user private key', async () => {
    const { publicKey, privateKey } = await keyPair('user');
    const orgKey = generateSymmetricKey();
    expect(unwrapOrgKey(rsaEncapsulate(orgKey, publicKey), { privateKey })).toEqual(orgKey);
  });
  it('wrong_key_type: a type 2 org key without a provider key, a type 4 one without a private key', async () => {
    const { publicKey, privateKey } = await keyPair('user');
    const orgKey = generateSymmetricKey();
    expect(() => unwrapOrgKey(wrapSymmetricKey(orgKey, generateSymmetricKey()), { privateKey })).toThrow(
      code('wrong_key_type'),
    );
    expect(() => unwrapOrgKey(rsaEncapsulate(orgKey, publicKey), {})).toThrow(code('wrong_key_type'));
    expect(() => unwrapOrgKey('7.QmFzZTY0UGFydA==', { privateKey })).toThrow(code('wrong_key_type'));
  });
  it('wrong_key_type: a type 2 provider key, or an RSA-wrapped value that is not a 64-byte key', async () => {
    const { publicKey, privateKey } = await keyPair('user');
    expect(() =>
      unwrapProviderKey(wrapSymmetricKey(generateSymmetricKey(), generateSymmetricKey()), privateKey),
    ).toThrow(code('wrong_key_type'));
    expect(() => unwrapProviderKey(rsaEncapsulate(range(32), publicKey), privateKey)).toThrow(code('wrong_key_type'));
  });
  it('mac_mismatch: a client org key under another provider key', () => {
    const wrapped = wrapSymmetricKey(generateSymmetricKey(), generateSymmetricKey());
    expect(() => unwrapOrgKey(wrapped, { providerKey: generateSymmetricKey() })).toThrow(code('mac_mismatch'));
  });
});
