/** Zeroes key buffers in place. JavaScript cannot promise no copies remain, but held keys must not linger. */
export function wipe(...keys: (Uint8Array | null | undefined)[]): void {
  for (const key of keys) key?.fill(0);
}
