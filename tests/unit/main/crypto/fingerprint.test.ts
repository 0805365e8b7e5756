/** crypto.md §9: fingerprint phrase and the EFF long word list it draws from. */
import { createHmac, createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { EFF_LONG_WORDLIST, fingerprintPhrase } from '../../../../src-main/crypto';
import { keyPair, toB64 } from './helpers';

const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));
const wordlistFile = [
  `${repoRoot}../shared/data/eff_large_wordlist.txt`,
  '/work/shared/data/eff_large_wordlist.txt',
].find((path) => existsSync(path));

describe('EFF long word list', () => {
  it('has 7,776 unique words', () => {
    expect(EFF_LONG_WORDLIST).toHaveLength(7776);
    expect(new Set(EFF_LONG_WORDLIST).size).toBe(7776);
  });
  it('is in dice order: abacus (11111) first, zoom (66666) last, sorted between', () => {
    expect(EFF_LONG_WORDLIST[0]).toBe('abacus');
    expect(EFF_LONG_WORDLIST[7775]).toBe('zoom');
    expect([...EFF_LONG_WORDLIST].sort()).toEqual(EFF_LONG_WORDLIST);
  });
  it('is frozen', () => {
    expect(Object.isFrozen(EFF_LONG_WORDLIST)).toBe(true);
  });
  it.skipIf(!wordlistFile)('equals shared/data/eff_large_wordlist.txt', () => {
    const words = readFileSync(wordlistFile ?? '', 'utf8')
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean);
    expect(EFF_LONG_WORDLIST).toEqual(words);
  });
});

// Upstream: bitwarden/sdk crates/bitwarden-crypto/src/fingerprint.rs `test_fingerprint`.
const UPSTREAM_KEY = Uint8Array.from([
  48, 130, 1, 34, 48, 13, 6, 9, 42, 134, 72, 134, 247, 13, 1, 1, 1, 5, 0, 3, 130, 1, 15, 0, 48, 130, 1, 10, 2, 130, 1,
  1, 0, 187, 38, 44, 241, 110, 205, 89, 253, 25, 191, 126, 84, 121, 202, 61, 223, 189, 244, 118, 212, 74, 139, 130, 97,
  115, 164, 167, 106, 191, 188, 233, 218, 196, 250, 187, 146, 125, 160, 150, 49, 198, 224, 176, 10, 0, 143, 99, 230,
  232, 160, 51, 104, 154, 211, 33, 80, 170, 4, 68, 80, 219, 115, 167, 114, 156, 227, 125, 193, 128, 123, 39, 254, 191,
  124, 63, 129, 44, 63, 18, 56, 161, 48, 158, 0, 27, 146, 2, 99, 136, 75, 21, 135, 6, 118, 12, 26, 251, 184, 172, 249,
  53, 78, 210, 46, 143, 17, 104, 202, 65, 173, 229, 219, 233, 144, 163, 101, 216, 238, 152, 54, 158, 1, 195, 50, 203,
  21, 226, 12, 82, 170, 175, 170, 160, 21, 247, 248, 80, 97, 123, 0, 152, 116, 229, 126, 221, 199, 155, 194, 192, 51,
  207, 177, 240, 160, 84, 241, 41, 88, 176, 53, 111, 28, 173, 177, 232, 158, 22, 79, 133, 152, 31, 32, 12, 196, 147, 58,
  57, 50, 252, 208, 131, 150, 179, 132, 178, 150, 234, 251, 143, 125, 163, 144, 20, 46, 71, 168, 252, 164, 86, 120, 124,
  56, 252, 206, 210, 236, 212, 139, 127, 189, 236, 40, 46, 2, 238, 13, 216, 40, 48, 85, 133, 229, 181, 155, 176, 217,
  241, 154, 153, 213, 112, 222, 72, 219, 197, 3, 219, 56, 77, 109, 47, 72, 251, 131, 36, 240, 96, 169, 31, 82, 93, 166,
  242, 3, 33, 213, 2, 3, 1, 0, 1,
]);

describe('fingerprintPhrase', () => {
  it('matches the upstream SDK vector (turban-deftly-anime-chatroom-unselfish)', async () => {
    const phrase = await fingerprintPhrase('a09726a0-9590-49d1-a5f5-afe300b6a515', toB64(UPSTREAM_KEY));
    expect(phrase).toBe('turban-deftly-anime-chatroom-unselfish');
  });
  it('follows §9 step by step: SHA-256, HKDF-Expand, big-endian integer, five base-7776 digits', async () => {
    const { publicKey } = await keyPair('fingerprint');
    const userId = '11111111-2222-3333-4444-555555555555';
    const h = createHash('sha256').update(Buffer.from(publicKey, 'base64')).digest();
    const f = createHmac('sha256', h)
      .update(Buffer.concat([Buffer.from(userId), Buffer.of(1)]))
      .digest();
    let n = BigInt(`0x${f.toString('hex')}`);
    const words: string[] = [];
    for (let i = 0; i < 5; i++) {
      words.push(EFF_LONG_WORDLIST[Number(n % 7776n)] ?? '');
      n /= 7776n;
    }
    expect(await fingerprintPhrase(userId, publicKey)).toBe(words.join('-'));
  });
  it('is deterministic and depends on both the user id and the key', async () => {
    const a = await keyPair('fingerprint');
    const b = await keyPair('fingerprint-2');
    const phrase = await fingerprintPhrase('user-1', a.publicKey);
    expect(phrase.split('-').length).toBeGreaterThanOrEqual(5);
    expect(await fingerprintPhrase('user-1', a.publicKey)).toBe(phrase);
    expect(await fingerprintPhrase('user-2', a.publicKey)).not.toBe(phrase);
    expect(await fingerprintPhrase('user-1', b.publicKey)).not.toBe(phrase);
  });
  it('refuses a public key that is not base64 with bad_format', async () => {
    await expect(fingerprintPhrase('user-1', 'not base64!')).rejects.toMatchObject({ code: 'bad_format' });
  });
});
