// TLS material: given files, or a local CA + server certificate generated once (with the `openssl` tool)
// in `<dataDir>/tls/` and reused. Official clients refuse plain http (bitwarden-api.md §13.2).
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { isIP } from 'node:net';
import { join } from 'node:path';
import type { ServerConfig } from './config';
import { ensurePrivateDir, tightenTree, writePrivateFile } from './storage';

export interface TlsMaterial {
  key: Buffer;
  cert: Buffer;
  /** The CA to trust (NODE_EXTRA_CA_CERTS) when the certificate was generated here. */
  caPath?: string;
}

export function tlsDir(dataDir: string): string {
  return join(dataDir, 'tls');
}

export function resolveTls(config: ServerConfig): TlsMaterial | null {
  if (config.tlsCert && config.tlsKey) return { cert: readFileSync(config.tlsCert), key: readFileSync(config.tlsKey) };
  if (config.tlsSelfSigned) return ensureSelfSigned(config.dataDir, config.host);
  return null;
}

const openssl = (args: string[], cwd: string) =>
  execFileSync('openssl', args, { cwd, stdio: ['ignore', 'ignore', 'pipe'] });

/** Creates (once) `ca.crt`/`ca.key` and `server.crt`/`server.key` with SAN localhost, 127.0.0.1, ::1 (+ host). */
export function ensureSelfSigned(dataDir: string, host = '127.0.0.1'): TlsMaterial {
  const dir = tlsDir(dataDir);
  const paths = {
    caKey: join(dir, 'ca.key'),
    caCert: join(dir, 'ca.crt'),
    key: join(dir, 'server.key'),
    cert: join(dir, 'server.crt'),
  };
  let made = false;
  if (!existsSync(paths.caKey) || !existsSync(paths.caCert)) {
    made = true;
    ensurePrivateDir(dir);
    openssl(
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-sha256',
        '-days',
        '3650',
        '-keyout',
        'ca.key',
        '-out',
        'ca.crt',
        '-subj',
        '/CN=Provider Desk Local CA',
        '-addext',
        'basicConstraints=critical,CA:TRUE',
        '-addext',
        'keyUsage=critical,keyCertSign,cRLSign',
      ],
      dir,
    );
    rmSync(paths.cert, { force: true });
  }
  if (!existsSync(paths.key) || !existsSync(paths.cert)) {
    made = true;
    const san = ['DNS:localhost', 'IP:127.0.0.1', 'IP:::1'];
    const bare = host.replace(/^\[|\]$/g, '');
    if (bare !== '0.0.0.0' && bare !== '::' && !['localhost', '127.0.0.1', '::1'].includes(bare))
      san.push(isIP(bare) ? `IP:${bare}` : `DNS:${bare}`);
    writePrivateFile(
      join(dir, 'server.ext'),
      `basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth\nsubjectAltName=${san.join(',')}\n`,
    );
    openssl(
      [
        'req',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-sha256',
        '-keyout',
        'server.key',
        '-out',
        'server.csr',
        '-subj',
        '/CN=localhost',
      ],
      dir,
    );
    openssl(
      [
        'x509',
        '-req',
        '-in',
        'server.csr',
        '-CA',
        'ca.crt',
        '-CAkey',
        'ca.key',
        '-CAcreateserial',
        '-sha256',
        '-days',
        '825',
        '-out',
        'server.crt',
        '-extfile',
        'server.ext',
      ],
      dir,
    );
  }
  if (made) tightenTree(dir); // openssl writes certificates (and, by version, keys) by the umask: owner only here
  return { key: readFileSync(paths.key), cert: readFileSync(paths.cert), caPath: paths.caCert };
}
