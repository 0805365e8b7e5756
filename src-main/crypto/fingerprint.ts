/**
 * Fingerprint phrase (crypto.md §9): five EFF words derived from a user's public key and user id, shown on both
 * sides when confirming a member so they can be compared out of band.
 */
import { fromBase64, utf8 } from './encoding';
import { EFF_LONG_WORDLIST } from './effWordlist';
import { digest, hkdfExpand } from './primitives';

const WORD_COUNT = Math.ceil(64 / Math.log2(EFF_LONG_WORDLIST.length)); // 64 bits of entropy → 5 words

/** `fingerprintMaterial` is the key owner's user id; `publicKey` is SPKI DER base64. */
export async function fingerprintPhrase(fingerprintMaterial: string, publicKey: string): Promise<string> {
  const keyHash = digest('sha256', fromBase64(publicKey, 'public key'));
  const fingerprint = hkdfExpand(keyHash, utf8(fingerprintMaterial), 32, 'sha256');
  let n = BigInt(`0x${Buffer.from(fingerprint).toString('hex')}`);
  const size = BigInt(EFF_LONG_WORDLIST.length);
  const words: string[] = [];
  for (let i = 0; i < WORD_COUNT; i++) {
    words.push(EFF_LONG_WORDLIST[Number(n % size)] ?? '');
    n /= size;
  }
  return words.join('-');
}
