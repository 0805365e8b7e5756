/**
 * Field size limits of Bitwarden's cipher model (`EncryptedStringLength` on `CipherRequestModel` and its parts),
 * checked before anything is sent: an item over a limit is reported with the field's name, never its content.
 * A type 2 EncString's length follows from the plaintext's UTF-8 length, so no encryption is needed to check.
 */
import { IDENTITY_FIELDS, type ImportItem } from './types';

/** Length of `2.<iv>|<ciphertext>|<mac>` for `text` (AES-CBC with PKCS#7 padding, base64). */
export function encryptedLength(text: string): number {
  const bytes = Buffer.byteLength(text, 'utf8');
  const padded = 16 * (Math.floor(bytes / 16) + 1);
  const base64 = (n: number) => 4 * Math.ceil(n / 3);
  return 2 + base64(16) + 1 + base64(padded) + 1 + base64(32);
}

type Check = [label: string, value: string | null | undefined, limit: number];

function checks(item: ImportItem): Check[] {
  const list: Check[] = [
    ['name', item.name, 1000],
    ['notes', item.notes, 10_000],
  ];
  if (item.login) {
    list.push(['username', item.login.username, 1000], ['password', item.login.password, 5000]);
    list.push(['TOTP secret', item.login.totp, 1000]);
    for (const uri of item.login.uris) list.push(['website address', uri.uri, 10_000]);
  }
  if (item.card) for (const [key, value] of Object.entries(item.card)) list.push([`card ${key}`, value, 1000]);
  if (item.identity) for (const key of IDENTITY_FIELDS) list.push([`identity ${key}`, item.identity[key], 1000]);
  if (item.sshKey) {
    list.push(['SSH private key', item.sshKey.privateKey, 5000], ['SSH public key', item.sshKey.publicKey, 5000]);
    list.push(['SSH key fingerprint', item.sshKey.keyFingerprint, 1000]);
  }
  for (const field of item.fields)
    list.push(['custom field name', field.name, 1000], ['custom field value', field.value, 5000]);
  for (const entry of item.passwordHistory) list.push(['password history', entry.password, 5000]);
  for (const collection of item.collections) list.push(['collection name', collection, 1000]);
  return list;
}

/** Why the item is too large to import, or null. */
export function sizeProblem(item: ImportItem): string | null {
  for (const [label, value, limit] of checks(item)) {
    if (value && encryptedLength(value) > limit) {
      return `The ${label} is too long to import (at most ${limit} characters once encrypted).`;
    }
  }
  return null;
}
