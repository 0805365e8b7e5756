// Authenticator (TOTP) codes: 30 s, 6 digits, SHA-1, ±1 step; a step already used is refused (replay guard).
import { Secret, TOTP } from 'otpauth';

export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/** The time step the code matches, or null. Pass the last step accepted to refuse replays. */
export function verifyTotp(
  secretBase32: string,
  code: string,
  lastUsedStep: number | null,
  now = Date.now(),
): number | null {
  let secret: Secret;
  try {
    secret = Secret.fromBase32(secretBase32.replace(/\s+/g, '').toUpperCase());
  } catch {
    return null;
  }
  const totp = new TOTP({ secret, digits: 6, period: 30, algorithm: 'SHA1' });
  const delta = totp.validate({ token: code.replace(/\s+/g, ''), timestamp: now, window: 1 });
  if (delta === null) return null;
  const step = Math.floor(now / 30_000) + delta;
  if (lastUsedStep !== null && step <= lastUsedStep) return null;
  return step;
}

export function totpCode(secretBase32: string, now = Date.now()): string {
  return new TOTP({ secret: Secret.fromBase32(secretBase32), digits: 6, period: 30, algorithm: 'SHA1' }).generate({
    timestamp: now,
  });
}
