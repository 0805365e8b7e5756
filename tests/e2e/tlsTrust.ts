// Chromium trusting exactly one backend's certificate, as a person who installed the local CA would:
// `--ignore-certificate-errors-spki-list` takes the base64 SHA-256 of the certificate's public key.
import { createHash, X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export function spkiOf(backend: { dataDir: string }): string {
  const cert = new X509Certificate(readFileSync(join(backend.dataDir, 'tls', 'server.crt')));
  return createHash('sha256')
    .update(cert.publicKey.export({ type: 'spki', format: 'der' }))
    .digest('base64');
}
