/**
 * The join pages' key chain (src-join/crypto/webKeys.ts) against crypto.md §12.2–12.5 and against src-main/crypto:
 * what the page makes, src-main/crypto reads, and the other way round.
 */
import { describe, expect, it } from 'vitest';
import * as node from '../../../src-main/crypto/index';
import type { RegistrationPayload } from '../../../src-main/crypto/index';
import * as web from '../../../src-join/crypto/webKeys';

const b64 = (text: string) => new Uint8Array(Buffer.from(text, 'base64'));
const toB64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');
const toHex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

describe('§12.2–12.4 master key, hash and stretch', () => {
  it('PBKDF2 master key, stretch', async () => {
    const key = await web.deriveMasterKey('67t9b5g67$%Dh89n', 'test_key', { kdf: 0, iterations: 10000 });
    expect(toHex(key)).toBe('1f4f68e29647b15ac250acd1118184518aa745a7fe95021b27c5402a16c3564b');
    expect(toB64(await web.stretchMasterKey(key))).toBe(
      'bx+yLe6YJXKP13xTh63DF46GePk9hKO2ccW9zLwV7WDdf87qZRvKJlY0IhxOHLkQMD1/ptH3wlfoGjBVwfmzmw==',
    );
  });

  it('Argon2id master key (hash-wasm, salt = SHA-256(email), MiB → KiB)', async () => {
    const key = await web.deriveMasterKey('67t9b5g67$%Dh89n', 'test_key', {
      kdf: 1,
      iterations: 4,
      memory: 32,
      parallelism: 2,
    });
    expect(toB64(key)).toBe('z/DhsaITo0xiarOv4AkR8BST7S/2lo24PuGD8jM14fI=');
  });

  it.each([
    ['asdfasdf', 'test@bitwarden.com', 100000, 'wmyadRMyBZOH7P/a/ucTCbSghKgdzDpPqUnu/DAVtSw='],
    ['asdfasdf', ' TEST@bitwarden.com', 100000, 'wmyadRMyBZOH7P/a/ucTCbSghKgdzDpPqUnu/DAVtSw='],
    ['test_password', 'test@example.com', 600000, 'Lyry95vlXEJ5FE0EXjeR9zgcsFSU0qGhP9l5X2jwE38='],
  ])('server hash of %s / %j', async (password, email, iterations, hash) => {
    const key = await web.deriveMasterKey(password, email, { kdf: 0, iterations });
    expect(await web.hashMasterPassword(key, password, 1)).toBe(hash);
  });

  it('refuses prelogin KDF settings below the minimums (downgrade guard)', async () => {
    await expect(web.deriveMasterKey('pw', 'a@b.c', { kdf: 0, iterations: 4999 })).rejects.toMatchObject({
      code: 'kdf_too_weak',
    });
    await expect(
      web.deriveMasterKey('pw', 'a@b.c', { kdf: 1, iterations: 2, memory: 15, parallelism: 1 }),
    ).rejects.toMatchObject({ code: 'kdf_too_weak' });
  });
});

describe('§12.5 EncStrings', () => {
  const key = b64('UY4B5N4DA4UisCNClgZtRr6VLy9ZF5BXXC7cDZRqourKi4ghEMgISbCsubvgCkHf5DZctQjVot11/vVvN9NNHQ==');
  const vector = '2.Dh7AFLXR+LXcxUaO5cRjpg==|uXyhubjAoNH8lTdy/zgJDQ==|cHEMboj0MYsU5yDRQ1rLCgxcjNbKRc1PWKuv8bpU5pM=';

  it('decrypts the upstream type 2 vector', async () => {
    expect(new TextDecoder().decode(await web.decryptToBytes(vector, key))).toBe('test');
  });

  it('refuses a tampered MAC, a type 0 string for a 64-byte key and an RSA type', async () => {
    const tampered = vector.replace(/.=$/, (m) => (m[0] === 'A' ? 'B=' : 'A='));
    await expect(web.decryptToBytes(tampered, key)).rejects.toMatchObject({ code: 'mac_mismatch' });
    await expect(web.decryptToBytes('0.QmFzZTY0UGFydEJhc2U2NA==|QmFzZTY0UGFydA==', key)).rejects.toMatchObject({
      code: 'wrong_key_type',
    });
    await expect(web.decryptToBytes('4.QmFzZTY0UGFydA==', key)).rejects.toMatchObject({ code: 'wrong_key_type' });
  });

  it('page-made type 2 opens with src-main/crypto, and the other way round', async () => {
    const k = node.generateSymmetricKey();
    expect(node.decryptToString(await web.encryptToString('héllo 😀', k), k)).toBe('héllo 😀');
    const made = node.encryptToString('from node', k);
    expect(new TextDecoder().decode(await web.decryptToBytes(made, k))).toBe('from node');
  });
});

describe('RSA and the account key chain, page ↔ src-main/crypto', () => {
  it('type 4 wrapping interoperates both ways', async () => {
    const pair = await node.rsaGenerateKeyPair();
    const secret = node.generateSymmetricKey();
    const wrapped = await web.rsaEncapsulate(secret, pair.publicKey);
    expect(wrapped.startsWith('4.')).toBe(true);
    expect(node.rsaDecapsulate(wrapped, pair.privateKey)).toEqual(secret);
    expect(await web.rsaDecapsulate(node.rsaEncapsulate(secret, pair.publicKey), pair.privateKey)).toEqual(secret);
    expect(await web.publicKeyFromPrivate(pair.privateKey)).toBe(pair.publicKey);
  });

  it('a page-made registration unlocks with src-main/crypto', async () => {
    const email = ' New.Person@Example.com ';
    const password = 'correct horse battery staple';
    const payload: RegistrationPayload = await web.makeRegistration(email, password, node.DEFAULT_KDF_CONFIG);
    expect(payload).toMatchObject({ email: email.trim(), kdf: 0, kdfIterations: 600000, kdfMemory: null });
    const masterKey = await node.deriveMasterKey(password, email, node.DEFAULT_KDF_CONFIG);
    expect(payload.masterPasswordHash).toBe(await node.hashMasterPassword(masterKey, password, 1));
    const userKey = node.unlockUserKey(masterKey, payload.userSymmetricKey);
    const privateKey = node.decryptPrivateKey(
      payload.userAsymmetricKeys.encryptedPrivateKey,
      userKey,
      payload.userAsymmetricKeys.publicKey,
    );
    expect(privateKey.length).toBeGreaterThan(1000);
    expect(payload.userAsymmetricKeys.publicKey.startsWith('MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA')).toBe(true);
  });

  it('refuses to register with a KDF below the setting range', async () => {
    await expect(web.makeRegistration('a@b.c', 'x'.repeat(12), { kdf: 0, iterations: 5000 })).rejects.toMatchObject({
      code: 'kdf_too_weak',
    });
  });

  it('a src-main/crypto registration unlocks in the page, with the same fingerprint phrase', async () => {
    const password = 'another long master password';
    const { payload } = await node.makeRegistration('someone@example.com', password, node.DEFAULT_KDF_CONFIG);
    const masterKey = await web.deriveMasterKey(password, 'someone@example.com', node.DEFAULT_KDF_CONFIG);
    const userKey = await web.unlockUserKey(masterKey, payload.userSymmetricKey);
    const { publicKey } = await web.decryptPrivateKey(
      payload.userAsymmetricKeys.encryptedPrivateKey,
      userKey,
      payload.userAsymmetricKeys.publicKey,
    );
    expect(publicKey).toBe(payload.userAsymmetricKeys.publicKey);
    const userId = '3f2b6f0e-7f4c-4a57-9d1e-2a5c9b0d8e11';
    expect(await web.fingerprintPhrase(userId, publicKey)).toBe(await node.fingerprintPhrase(userId, publicKey));
    await expect(
      web.decryptPrivateKey(payload.userAsymmetricKeys.encryptedPrivateKey, userKey, 'MIIB'),
    ).rejects.toMatchObject({
      code: 'decrypt_failed',
    });
  });

  it('fingerprint phrases agree on many keys and ids', async () => {
    const pairs = await Promise.all([1, 2, 3].map(() => node.rsaGenerateKeyPair()));
    for (const [i, pair] of pairs.entries()) {
      const id = `00000000-0000-4000-8000-00000000000${i}`;
      const phrase = await web.fingerprintPhrase(id, pair.publicKey);
      expect(phrase).toMatch(/^[a-z-]+(-[a-z-]+){4}$/);
      expect(phrase).toBe(await node.fingerprintPhrase(id, pair.publicKey));
    }
  });
});
