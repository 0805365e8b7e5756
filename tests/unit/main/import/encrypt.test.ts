// An import item as sent to `ciphers/import-organization`: every text encrypted with the org key (nothing in
// clear), and each value decrypts back.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { decryptToString, generateSymmetricKey } from '../../../../src-main/crypto';
import { encryptItem } from '../../../../src-main/import';
import { blankItem, emptyIdentity } from '../../../../src-main/import/types';

const ORG = '11111111-2222-3333-4444-555555555555';

describe('encryptItem', () => {
  it('encrypts every field of a login with the org key', () => {
    const key = generateSymmetricKey();
    const item = blankItem(1, 1, 'Zürich Bank');
    item.notes = 'secret notes';
    item.login = { username: 'alice', password: 'pw', totp: null, uris: [{ uri: 'https://bank.example', match: 2 }] };
    item.fields = [{ name: 'PIN', value: '1234', type: 1, linkedId: null }];
    const cipher = encryptItem(item, key, ORG) as any;
    const plain = (s: string) => decryptToString(s, key);
    expect(cipher).toMatchObject({ type: 1, organizationId: ORG, favorite: false, reprompt: 0, key: null });
    expect(plain(cipher.name)).toBe('Zürich Bank');
    expect(plain(cipher.notes)).toBe('secret notes');
    expect(plain(cipher.login.username)).toBe('alice');
    expect(cipher.login.totp).toBeNull();
    expect(plain(cipher.login.uris[0].uri)).toBe('https://bank.example');
    expect(cipher.login.uris[0].match).toBe(2);
    expect(plain(cipher.login.uris[0].uriChecksum)).toBe(
      createHash('sha256').update('https://bank.example').digest('base64'),
    );
    expect(plain(cipher.fields[0].value)).toBe('1234');
    const json = JSON.stringify(cipher);
    for (const clear of ['Zürich', 'secret notes', 'alice', 'bank.example', '1234']) expect(json).not.toContain(clear);
  });

  it('encrypts cards, identities, notes and SSH keys', () => {
    const key = generateSymmetricKey();
    const card = blankItem(1, 3, 'Card');
    card.card = { cardholderName: 'Pat', brand: 'Visa', number: '4111', expMonth: '6', expYear: '2030', code: '1' };
    const identity = blankItem(2, 4, 'Me');
    identity.identity = { ...emptyIdentity(), firstName: 'Pat' };
    const ssh = blankItem(3, 5, 'Key');
    ssh.sshKey = { privateKey: 'priv', publicKey: 'pub', keyFingerprint: 'fp' };
    const [c, i, s, n] = [card, identity, ssh, blankItem(4, 2, 'Note')].map((x) => encryptItem(x, key, ORG) as any);
    expect(decryptToString(c.card.number, key)).toBe('4111');
    expect(decryptToString(i.identity.firstName, key)).toBe('Pat');
    expect(i.identity.lastName).toBeNull();
    expect(decryptToString(s.sshKey.privateKey, key)).toBe('priv');
    expect(n.secureNote).toEqual({ type: 0 });
    expect(n.login).toBeNull();
  });
});
