// Server-side re-hash of the master password hash the client sends: PBKDF2-SHA256 with a per-user salt.
// Stored as `pbkdf2-sha256$<iterations>$<salt b64>$<hash b64>` so the work factor can grow later.
import { pbkdf2, randomBytes, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';

const pbkdf2Async = promisify(pbkdf2);

export async function hashPassword(clientHash: string, iterations: number): Promise<string> {
  const salt = randomBytes(16);
  const hash = await pbkdf2Async(clientHash, salt, iterations, 32, 'sha256');
  return `pbkdf2-sha256$${iterations}$${salt.toString('base64')}$${hash.toString('base64')}`;
}

export async function verifyPassword(clientHash: string, stored: string | null): Promise<boolean> {
  if (!stored) return false;
  const [scheme, iter, saltB64, hashB64] = stored.split('$');
  if (scheme !== 'pbkdf2-sha256' || !iter || !saltB64 || !hashB64) return false;
  const expected = Buffer.from(hashB64, 'base64');
  const actual = await pbkdf2Async(clientHash, Buffer.from(saltB64, 'base64'), Number(iter), expected.length, 'sha256');
  return timingSafeEqual(actual, expected);
}

const DUMMY_SALT = randomBytes(16);

/**
 * Like `verifyPassword`, but without a stored hash (unknown account) it runs the same PBKDF2 work on a dummy salt
 * and answers false: the time taken does not tell whether the account exists.
 */
export async function verifyPasswordOrDummy(
  clientHash: string,
  stored: string | null | undefined,
  iterations: number,
): Promise<boolean> {
  if (stored) return verifyPassword(clientHash, stored);
  const actual = await pbkdf2Async(clientHash, DUMMY_SALT, iterations, 32, 'sha256');
  timingSafeEqual(actual, Buffer.alloc(32));
  return false;
}
