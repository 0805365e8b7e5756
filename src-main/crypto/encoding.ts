/** Byte and base64 helpers. Base64 is standard with padding everywhere on the Bitwarden wire (crypto.md). */
import { CryptoError } from './errors';

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

export function toBase64(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
}

/** Strict decode: Node's decoder silently skips junk, which would turn a corrupt EncString into wrong bytes. */
export function fromBase64(text: string, what = 'value'): Uint8Array {
  if (!BASE64.test(text)) throw new CryptoError('bad_format', `${what} is not valid base64`);
  return new Uint8Array(Buffer.from(text, 'base64'));
}

export function utf8(text: string): Uint8Array {
  return new Uint8Array(Buffer.from(text, 'utf8'));
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

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

/** Copies a Node Buffer (possibly a slice of Node's shared pool) into an owned array and zeroes the source. */
export function takeBytes(buffer: Buffer): Uint8Array {
  const out = new Uint8Array(buffer.length);
  out.set(buffer);
  buffer.fill(0);
  return out;
}
