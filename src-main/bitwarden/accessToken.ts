/** Reads an access token's claims (no signature check: the token is the server's business, bitwarden-api.md §13.2). */
import { z } from 'zod';

const claimsSchema = z.object({
  sub: z.string().min(1),
  email: z.string().nullish(),
  name: z.string().nullish(),
  exp: z.number().nullish(),
});
export type AccessClaims = z.output<typeof claimsSchema>;

export function readAccessClaims(token: string): AccessClaims | null {
  const payload = token.split('.')[1];
  if (!payload) return null;
  try {
    const parsed = claimsSchema.safeParse(JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** When the token stops working: its `exp`, else `expires_in` from now, else one hour. */
export function expiryOf(token: string, expiresInSeconds: number | null | undefined, now = Date.now()): number {
  const exp = readAccessClaims(token)?.exp;
  if (exp) return exp * 1000;
  return now + (expiresInSeconds ?? 3600) * 1000;
}
