/** The two-step login methods of a challenge, as the sign-in screen lists them (bitwarden-accounts.md §4.1). */
import type { TwoFactorOption } from '../../src-shared/contract';
import type { TwoFactorChallenge } from '../bitwarden/identityApi';

export const TwoFactorType = { Authenticator: 0, Email: 1, Remember: 5, RecoveryCode: 8 } as const;

const NAMES: Record<number, string> = {
  0: 'Authenticator app',
  1: 'Email',
  2: 'Duo',
  3: 'YubiKey OTP security key',
  6: 'Duo (organization)',
  7: 'Passkey or security key',
  8: 'Recovery code',
};

/** Methods Provider Desk can complete; the others need the web vault. */
const SUPPORTED = new Set([0, 1, 8]);
/** Authenticator first, then email, then the rest; the recovery code last. */
const ORDER = [0, 1, 7, 3, 2, 6, 8];

export function twoFactorOptions(challenge: TwoFactorChallenge): TwoFactorOption[] {
  const types = new Set([...challenge.providers.keys()].filter((type) => type !== 4 && type !== 5));
  types.add(TwoFactorType.RecoveryCode);
  return [...types]
    .sort((a, b) => rank(a) - rank(b))
    .map((type) => ({
      type,
      name: NAMES[type] ?? `Method ${type}`,
      supported: SUPPORTED.has(type),
      email: type === TwoFactorType.Email ? redactedEmail(challenge.providers.get(type)) : null,
    }));
}

function rank(type: number): number {
  const index = ORDER.indexOf(type);
  return index === -1 ? ORDER.length - 1 : index;
}

function redactedEmail(details: unknown): string | null {
  const email = (details as { email?: unknown } | null)?.email;
  return typeof email === 'string' ? email : null;
}
