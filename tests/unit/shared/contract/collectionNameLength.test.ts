import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { encryptToString } from '../../../../src-main/crypto/index';
import {
  collectionCreateInputSchema,
  collectionNameLengthError,
  encryptedNameLength,
  maxCollectionNameBytes,
  maxEncryptedCollectionName,
} from '../../../../src-shared/contract/clientOrg/collections';

const key = new Uint8Array(randomBytes(64));
const scope = { accountId: 'acct', organizationId: '3f1c1a2e-5d4b-4c3a-9e8f-7a6b5c4d3e2f' };

describe('collection name length', () => {
  it('predicts the EncString length of a name as it is encrypted', () => {
    for (const bytes of [0, 1, 15, 16, 17, 400, 686, 687, 688, 1000]) {
      expect(encryptToString('a'.repeat(bytes), key).length).toBe(encryptedNameLength(bytes));
    }
  });

  it('allows the longest name whose EncString stays within the server limit of 1000, in UTF-8 bytes', () => {
    expect(maxEncryptedCollectionName).toBe(1000);
    expect(maxCollectionNameBytes).toBe(687);
    expect(encryptToString('a'.repeat(687), key).length).toBeLessThanOrEqual(1000);
    expect(encryptToString('a'.repeat(688), key).length).toBeGreaterThan(1000);
    expect(collectionNameLengthError('a'.repeat(687))).toBeUndefined();
    expect(collectionNameLengthError('a'.repeat(688))).toMatch(/at most 687 characters/);
    // 172 emoji are 688 bytes: too long although far fewer characters.
    expect(collectionNameLengthError('🔑'.repeat(172))).toBeDefined();
    expect(encryptToString('🔑'.repeat(172), key).length).toBeGreaterThan(1000);
  });

  it('is the rule of the contract main checks the renderer against', () => {
    expect(collectionCreateInputSchema.safeParse({ ...scope, name: 'a'.repeat(687) }).success).toBe(true);
    const long = collectionCreateInputSchema.safeParse({ ...scope, name: 'é'.repeat(344) });
    expect(long.success).toBe(false);
    expect(long.error?.issues[0]?.message).toMatch(/at most 687 characters/);
    expect(collectionCreateInputSchema.safeParse({ ...scope, name: 'x'.repeat(10_000) }).success).toBe(false);
  });
});
