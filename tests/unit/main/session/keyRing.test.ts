import { describe, expect, it } from 'vitest';
import {
  encryptToString,
  generateSymmetricKey,
  makeClientOrganization,
  makeProviderSetup,
  rsaGenerateKeyPair,
} from '../../../../src-main/crypto';
import { KeyRing } from '../../../../src-main/session/keyRing';

describe('key ring', () => {
  it('walks user key → private key → provider key → client org key, decrypts names, and wipes everything', async () => {
    const { publicKey, privateKey } = await rsaGenerateKeyPair();
    const userKey = generateSymmetricKey();
    const { payload: setup, secrets } = makeProviderSetup(publicKey);
    const { payload: client, secrets: org } = await makeClientOrganization(secrets.providerKey, 'Default collection');
    const ring = new KeyRing(userKey, privateKey);

    expect(ring.addProviderKey('p1', setup.key)).toBe(true);
    expect(ring.addOrgKey('o1', client.key, 'p1')).toBe(true);
    expect(ring.decryptOrgText('o1', client.collectionName)).toBe('Default collection');
    expect(ring.decryptOrgText('o1', encryptToString('Finance', org.orgKey))).toBe('Finance');
    expect(ring.decryptUserText(encryptToString('mine', userKey))).toBe('mine');

    const held = ring.buffers();
    expect(held).toHaveLength(4);
    ring.wipe();
    expect(held.every((buffer) => buffer.every((byte) => byte === 0))).toBe(true);
    expect(ring.hasOrgKey('o1')).toBe(false);
    expect(() => ring.decryptOrgText('o1', client.collectionName)).toThrow(/wiped/);
  });

  it('reports keys it cannot open instead of throwing', async () => {
    const { privateKey } = await rsaGenerateKeyPair();
    const other = await rsaGenerateKeyPair();
    const ring = new KeyRing(generateSymmetricKey(), privateKey);
    expect(ring.addProviderKey('p1', makeProviderSetup(other.publicKey).payload.key)).toBe(false);
    expect(ring.addOrgKey('o1', encryptToString(generateSymmetricKey(), generateSymmetricKey()), 'p1')).toBe(false);
    expect(ring.hasProviderKey('p1')).toBe(false);
  });

  it('replacing a key wipes the old one', async () => {
    const { publicKey, privateKey } = await rsaGenerateKeyPair();
    const ring = new KeyRing(generateSymmetricKey(), privateKey);
    ring.addProviderKey('p1', makeProviderSetup(publicKey).payload.key);
    const [, , first] = ring.buffers();
    ring.addProviderKey('p1', makeProviderSetup(publicKey).payload.key);
    expect(first?.every((byte) => byte === 0)).toBe(true);
  });
});
