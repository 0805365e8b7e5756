/** crypto.md §8.3–8.8: request payloads, checked by round-tripping them through the key chain. */
import { describe, expect, it } from 'vitest';
import {
  decryptPrivateKey,
  decryptToString,
  deriveMasterKey,
  hashMasterPassword,
  isSerializedEncString,
  makeAddExistingOrganization,
  makeBusinessUnitSetup,
  makeClientOrganization,
  makeOrganization,
  makeOrgMemberConfirm,
  makeProviderMemberConfirm,
  makeProviderSetup,
  makeRegistration,
  publicKeyFromPrivate,
  unlockUserKey,
  unwrapOrgKey,
  unwrapProviderKey,
  generateSymmetricKey,
} from '../../../../src-main/crypto';
import { FAST_ARGON2, keyPair } from './helpers';

describe('makeRegistration (register/finish, legacy flat form)', () => {
  it('produces exactly the wire fields, and they unlock back to the returned secrets', async () => {
    const { payload, secrets } = await makeRegistration(' Someone@Example.com ', 'correct horse', FAST_ARGON2);
    expect(Object.keys(payload).sort()).toEqual(
      [
        'email',
        'kdf',
        'kdfIterations',
        'kdfMemory',
        'kdfParallelism',
        'masterPasswordHash',
        'userAsymmetricKeys',
        'userSymmetricKey',
      ].sort(),
    );
    expect(payload).toMatchObject({
      email: 'Someone@Example.com',
      kdf: 1,
      kdfIterations: 2,
      kdfMemory: 16,
      kdfParallelism: 1,
    });
    expect(Object.keys(payload.userAsymmetricKeys).sort()).toEqual(['encryptedPrivateKey', 'publicKey']);

    // A client logging in later derives the same master key and hash from the typed email.
    const masterKey = await deriveMasterKey('correct horse', 'someone@example.com', FAST_ARGON2);
    expect(masterKey).toEqual(secrets.masterKey);
    expect(payload.masterPasswordHash).toBe(await hashMasterPassword(masterKey, 'correct horse', 1));
    expect(payload.userSymmetricKey.startsWith('2.')).toBe(true);
    const userKey = unlockUserKey(masterKey, payload.userSymmetricKey);
    expect(userKey).toEqual(secrets.userKey);
    const { publicKey, encryptedPrivateKey } = payload.userAsymmetricKeys;
    expect(decryptPrivateKey(encryptedPrivateKey, userKey, publicKey)).toEqual(secrets.privateKey);
    expect(JSON.stringify(payload)).not.toContain('secrets');
  });
  it('sends null Argon2 fields for PBKDF2', async () => {
    const { payload } = await makeRegistration('a@b.c', 'pw', { kdf: 0, iterations: 600000 });
    expect(payload).toMatchObject({ kdf: 0, kdfIterations: 600000, kdfMemory: null, kdfParallelism: null });
  });
  it('refuses a KDF the server would refuse to set (kdf_too_weak)', async () => {
    await expect(makeRegistration('a@b.c', 'pw', { kdf: 0, iterations: 100000 })).rejects.toMatchObject({
      code: 'kdf_too_weak',
    });
  });
});

describe('provider payloads', () => {
  it('provider setup: key is type 4 to the caller and unwraps to the returned provider key', async () => {
    const admin = await keyPair('admin');
    const { payload, secrets } = makeProviderSetup(admin.publicKey);
    expect(Object.keys(payload)).toEqual(['key']);
    expect(payload.key.startsWith('4.')).toBe(true);
    expect(unwrapProviderKey(payload.key, admin.privateKey)).toEqual(secrets.providerKey);
    expect(secrets.providerKey).toHaveLength(64);
  });
  it('provider member confirm: the member decapsulates the provider key', async () => {
    const member = await keyPair('member');
    const providerKey = generateSymmetricKey();
    const payload = makeProviderMemberConfirm(providerKey, member.publicKey);
    expect(Object.keys(payload)).toEqual(['key']);
    expect(payload.key.startsWith('4.')).toBe(true);
    expect(unwrapProviderKey(payload.key, member.privateKey)).toEqual(providerKey);
  });
  it('business-unit setup: provider key to the user, existing org key under it', async () => {
    const user = await keyPair('admin');
    const orgKey = generateSymmetricKey();
    const { payload, secrets } = makeBusinessUnitSetup(orgKey, user.publicKey);
    const providerKey = unwrapProviderKey(payload.providerKey, user.privateKey);
    expect(providerKey).toEqual(secrets.providerKey);
    expect(unwrapOrgKey(payload.organizationKey, { providerKey })).toEqual(orgKey);
  });
});

describe('organization payloads', () => {
  it('client org: key unwraps with the provider key, private key matches, collection name decrypts', async () => {
    const providerKey = generateSymmetricKey();
    const { payload, secrets } = await makeClientOrganization(providerKey, 'Standard-Sammlung');
    expect(Object.keys(payload).sort()).toEqual(['collectionName', 'key', 'keyPair']);
    expect(Object.keys(payload.keyPair).sort()).toEqual(['encryptedPrivateKey', 'publicKey']);
    expect(payload.key.startsWith('2.')).toBe(true);
    const orgKey = unwrapOrgKey(payload.key, { providerKey });
    expect(orgKey).toEqual(secrets.orgKey);
    const orgPrivateKey = decryptPrivateKey(payload.keyPair.encryptedPrivateKey, orgKey, payload.keyPair.publicKey);
    expect(orgPrivateKey).toEqual(secrets.orgPrivateKey);
    expect(publicKeyFromPrivate(orgPrivateKey)).toBe(payload.keyPair.publicKey);
    expect(decryptToString(payload.collectionName, orgKey)).toBe('Standard-Sammlung');
  });
  it('client org: the collection name defaults to "Default collection"', async () => {
    const { payload, secrets } = await makeClientOrganization(generateSymmetricKey());
    expect(decryptToString(payload.collectionName, secrets.orgKey)).toBe('Default collection');
  });
  it('standalone org: key is type 4 to the creator, keys decrypt under the org key', async () => {
    const creator = await keyPair('admin');
    const { payload, secrets } = await makeOrganization(creator.publicKey, 'Shared');
    expect(Object.keys(payload).sort()).toEqual(['collectionName', 'key', 'keys']);
    const orgKey = unwrapOrgKey(payload.key, { privateKey: creator.privateKey });
    expect(orgKey).toEqual(secrets.orgKey);
    expect(decryptPrivateKey(payload.keys.encryptedPrivateKey, orgKey, payload.keys.publicKey)).toEqual(
      secrets.orgPrivateKey,
    );
    expect(decryptToString(payload.collectionName, orgKey)).toBe('Shared');
  });
  it('add existing org: key is the org key under the provider key', () => {
    const providerKey = generateSymmetricKey();
    const orgKey = generateSymmetricKey();
    const payload = makeAddExistingOrganization('8d3b2f4e-0000-4000-8000-000000000001', orgKey, providerKey);
    expect(payload.organizationId).toBe('8d3b2f4e-0000-4000-8000-000000000001');
    expect(Object.keys(payload).sort()).toEqual(['key', 'organizationId']);
    expect(unwrapOrgKey(payload.key, { providerKey })).toEqual(orgKey);
  });
  it('org member confirm: the member decapsulates the org key; the default collection is "My Items"', async () => {
    const member = await keyPair('member');
    const orgKey = generateSymmetricKey();
    const payload = makeOrgMemberConfirm(orgKey, member.publicKey);
    expect(payload.key.startsWith('4.')).toBe(true);
    expect(unwrapOrgKey(payload.key, { privateKey: member.privateKey })).toEqual(orgKey);
    expect(isSerializedEncString(payload.defaultUserCollectionName ?? '')).toBe(true);
    expect(decryptToString(payload.defaultUserCollectionName ?? '', orgKey)).toBe('My Items');
    expect(makeOrgMemberConfirm(orgKey, member.publicKey, null)).not.toHaveProperty('defaultUserCollectionName');
  });
});
