/**
 * The API of src-main/crypto/encoding.ts without Node's `Buffer`: atob/btoa and TextEncoder only. The page build
 * (src-join/vite.config.ts) resolves src-main/crypto's `./encoding` to this module, so the shared EncString code
 * runs unchanged in the browser; tests/unit/join/webEncoding.test.ts checks both agree byte for byte.
 */
import { CryptoError } from '../../src-main/crypto/errors';

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const encoder = new TextEncoder();
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

/** Strict decode, like the Node version: junk is an error, never silently skipped. */
export function fromBase64(text: string, what = 'value'): Uint8Array {
  if (!BASE64.test(text)) throw new CryptoError('bad_format', `${what} is not valid base64`);
  const binary = atob(text);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

export function utf8(text: string): Uint8Array {
  return encoder.encode(text);
}

export function fromUtf8(bytes: Uint8Array): string {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    throw new CryptoError('decrypt_failed', 'decrypted bytes are not valid UTF-8');
  }
}

export function concatBytes(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/** Same contract as the Node version (copy, then zero the source); the page never sees a Node Buffer. */
export function takeBytes(buffer: Uint8Array): Uint8Array {
  const out = new Uint8Array(buffer.length);
  out.set(buffer);
  buffer.fill(0);
  return out;
}
