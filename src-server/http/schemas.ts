// Reusable zod pieces for request bodies (lengths from the reference).
import { z } from 'zod';

/** Parts per EncString type (crypto.md §5): 0 iv|data, 2 iv|data|mac, 3/4 data, 5/6 data|mac, 7 cose. */
const ENC_PARTS: Record<string, number> = { '0': 2, '1': 3, '2': 3, '3': 1, '4': 1, '5': 2, '6': 2, '7': 1 };
const B64 = /^[A-Za-z0-9+/]+={0,2}$/;

export function isEncString(value: string): boolean {
  const match = /^(\d)\.(.+)$/s.exec(value);
  if (!match) return false;
  const parts = match[2]!.split('|');
  return ENC_PARTS[match[1]!] === parts.length && parts.every((p) => B64.test(p));
}

/** With `field`, too long a value fails with Bitwarden's `EncryptedStringLength` message for that field. */
export const encString = (max = 10_000, field?: string) =>
  z
    .string()
    .max(max, field ? { message: encryptedLengthMessage(field, max) } : undefined)
    .refine(isEncString, { message: 'Not a valid encrypted string.' });

/** EncryptedStringLengthAttribute.FormatErrorMessage (bitwarden/server, Core/Utilities). */
export const encryptedLengthMessage = (field: string, max: number) =>
  `The field ${field} exceeds the maximum encrypted value length of ${max} characters.`;

export const email = () => z.email({ message: 'The Email field is not a supported e-mail address format.' }).max(256);
export const guid = () => z.uuid({ message: 'Not a valid id.' });
export const base64 = (max = 10_000) => z.string().min(1).max(max).regex(B64, { message: 'Not valid base64.' });
/** Lower-case 32-hex key id (KeyId.cs). */
export const keyId = () => z.string().regex(/^[0-9a-f]{32}$/, { message: 'UserKeyId is not a valid key id.' });
