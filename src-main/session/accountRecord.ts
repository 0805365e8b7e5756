/**
 * What is kept per account between runs, in the `SecretStore` only. It holds what unlocking offline and staying
 * signed in need: wrapped keys (EncStrings), the local master-key hash (purpose 2: verifies the password, never
 * the password itself), and the refresh token or API key. Never sent to the renderer.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { serverEnvironmentSchema } from '../../src-shared/contract';
import { serverKey, type ServiceUrls } from '../bitwarden/environments';

const int = z.number().int();

export const accountRecordSchema = z.object({
  version: z.literal(1),
  id: z.string().min(1),
  server: serverEnvironmentSchema,
  userId: z.string().min(1),
  email: z.string().min(1),
  name: z.string().nullable(),
  signInMethod: z.enum(['password', 'apiKey']),
  kdf: z.object({
    kdf: z.union([z.literal(0), z.literal(1)]),
    iterations: int,
    memory: int.optional(),
    parallelism: int.optional(),
  }),
  /** User key under the stretched master key (type 2). */
  protectedUserKey: z.string().min(1),
  /** RSA private key under the user key (type 2). */
  encryptedPrivateKey: z.string().nullable(),
  /** base64 master-key hash, purpose 2 (crypto.md §2). Null until the first unlock of an API-key account. */
  localHash: z.string().nullable(),
  refreshToken: z.string().nullable(),
  apiKey: z.object({ clientId: z.string(), clientSecret: z.string() }).nullable(),
  lastUsedAt: z.string(),
});
export type AccountRecord = z.infer<typeof accountRecordSchema>;

/** Stable per server and user, opaque: the renderer keys its cache by it. */
export function accountIdFor(urls: ServiceUrls, userId: string): string {
  return createHash('sha256')
    .update(`${serverKey(urls)}\n${userId.toLowerCase()}`)
    .digest('hex')
    .slice(0, 24);
}
