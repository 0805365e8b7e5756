/**
 * The one error type of the crypto module. Messages describe what went wrong with the *shape* of an input
 * ("MAC mismatch", "type 0 needs a 32-byte key"); they never include keys, plaintexts or ciphertexts, because
 * errors end up in logs and toasts.
 */
export const cryptoErrorCodes = [
  'bad_format',
  'mac_mismatch',
  'wrong_key_type',
  'kdf_too_weak',
  'decrypt_failed',
] as const;

export type CryptoErrorCode = (typeof cryptoErrorCodes)[number];

export class CryptoError extends Error {
  override readonly name = 'CryptoError';
  constructor(
    readonly code: CryptoErrorCode,
    message: string,
  ) {
    super(message);
  }
}
