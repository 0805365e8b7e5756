/**
 * An import item as `ciphers/import-organization` takes it (bitwarden-api.md §7.8): every text field encrypted
 * with the org key (type 2), URIs with their checksum as the official clients send it.
 */
import { createHash } from 'node:crypto';
import { encryptToString } from '../crypto';
import { IDENTITY_FIELDS, type ImportItem } from './types';

export function encryptItem(item: ImportItem, orgKey: Uint8Array, organizationId: string): Record<string, unknown> {
  const enc = (value: string | null | undefined) => (value ? encryptToString(value, orgKey) : null);
  const uriChecksum = (uri: string) => enc(createHash('sha256').update(uri, 'utf8').digest('base64'));
  return {
    type: item.type,
    organizationId,
    folderId: null,
    favorite: false,
    reprompt: item.reprompt,
    key: null,
    name: enc(item.name),
    notes: enc(item.notes),
    fields: item.fields.length
      ? item.fields.map((f) => ({ name: enc(f.name), value: enc(f.value), type: f.type, linkedId: f.linkedId }))
      : null,
    passwordHistory: item.passwordHistory.length
      ? item.passwordHistory.map((h) => ({ password: enc(h.password), lastUsedDate: h.lastUsedDate }))
      : null,
    login: item.login
      ? {
          username: enc(item.login.username),
          password: enc(item.login.password),
          totp: enc(item.login.totp),
          uris: item.login.uris.map((u) => ({ uri: enc(u.uri), uriChecksum: uriChecksum(u.uri), match: u.match })),
          passwordRevisionDate: null,
          autofillOnPageLoad: null,
          fido2Credentials: null,
        }
      : null,
    secureNote: item.type === 2 ? { type: 0 } : null,
    card: item.card
      ? {
          cardholderName: enc(item.card.cardholderName),
          brand: enc(item.card.brand),
          number: enc(item.card.number),
          expMonth: enc(item.card.expMonth),
          expYear: enc(item.card.expYear),
          code: enc(item.card.code),
        }
      : null,
    identity: item.identity ? Object.fromEntries(IDENTITY_FIELDS.map((f) => [f, enc(item.identity?.[f])])) : null,
    sshKey: item.sshKey
      ? {
          privateKey: enc(item.sshKey.privateKey),
          publicKey: enc(item.sshKey.publicKey),
          keyFingerprint: enc(item.sshKey.keyFingerprint),
        }
      : null,
  };
}
