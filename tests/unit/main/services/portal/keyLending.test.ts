// What the portal borrows from the key ring: provider and org keys lent to a wrapping function (never handed
// out), and the account's public key for provider setup; nothing after the ring was wiped.
import { describe, expect, it } from 'vitest';
import {
  makeClientOrganization,
  makeProviderMemberConfirm,
  makeProviderSetup,
  rsaGenerateKeyPair,
  generateSymmetricKey,
  unwrapProviderKey,
} from '../../../../../src-main/crypto';
import { KeyRing } from '../../../../../src-main/session/keyRing';

describe('key ring lending', () => {
  it('lends the provider and org keys to wrap them for someone else', async () => {
    const me = await rsaGenerateKeyPair();
    const member = await rsaGenerateKeyPair();
    const { payload, secrets } = makeProviderSetup(me.publicKey);
    const client = await makeClientOrganization(secrets.providerKey);
    const ring = new KeyRing(generateSymmetricKey(), me.privateKey);
    ring.addProviderKey('p1', payload.key);
    ring.addOrgKey('o1', client.payload.key, 'p1');

    expect(ring.publicKey()).toBe(me.publicKey);
    const confirm = ring.withProviderKey('p1', (key) => makeProviderMemberConfirm(key, member.publicKey));
    expect(Buffer.from(unwrapProviderKey(confirm.key, member.privateKey))).toEqual(Buffer.from(secrets.providerKey));
    expect(ring.withOrgKey('o1', (key) => Buffer.from(key))).toEqual(Buffer.from(client.secrets.orgKey));
    expect(() => ring.withProviderKey('p2', () => 1)).toThrow(/no key for this provider/);
    expect(() => ring.withOrgKey('o2', () => 1)).toThrow(/no key for this organization/);

    ring.wipe();
    expect(() => ring.withProviderKey('p1', () => 1)).toThrow(/wiped/);
    expect(() => ring.publicKey()).toThrow(/wiped/);
  });

  it('has no public key without a private key', () => {
    expect(new KeyRing(generateSymmetricKey(), null).publicKey()).toBeNull();
  });
});
