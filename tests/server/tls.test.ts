// TLS: the generated local CA and certificate are made once, reused, and serve HTTPS for localhost/127.0.0.1.
import { X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { createServer } from '../../src-server/app';
import { parseConfig } from '../../src-server/config';
import { ensureSelfSigned } from '../../src-server/tls';
import { localCaFor } from '../../src-main/bitwarden/environments';

it('generates a CA and a server certificate once, with SAN localhost, 127.0.0.1, ::1', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pd-tls-'));
  try {
    const first = ensureSelfSigned(dir);
    const again = ensureSelfSigned(dir);
    expect(again.cert.equals(first.cert)).toBe(true);
    const cert = new X509Certificate(first.cert);
    const ca = new X509Certificate(readFileSync(first.caPath!));
    expect(cert.subjectAltName).toContain('DNS:localhost');
    expect(cert.subjectAltName).toContain('IP Address:127.0.0.1');
    expect(cert.subjectAltName).toMatch(/IP Address:(0:0:0:0:0:0:0:1|::1)/);
    expect(cert.verify(ca.publicKey)).toBe(true);
    expect(ca.ca).toBe(true);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

it('serves HTTPS with the generated certificate, trusted through the CA', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'pd-tls-'));
  const server = await createServer(parseConfig({ dataDir, port: 0, tlsSelfSigned: true, logLevel: 'silent' }));
  try {
    const url = await server.listen();
    // Mailed links and clients use the name the certificate covers and the app trusts.
    expect(url).toMatch(/^https:\/\/localhost:\d+$/);
    const ca = readFileSync(server.tls!.caPath!);
    const body = await new Promise<string>((resolve, reject) => {
      request(`${url}/api/config`, { ca }, (res) => {
        let data = '';
        res.on('data', (c: Buffer) => (data += c.toString()));
        res.on('end', () => resolve(data));
      })
        .on('error', reject)
        .end();
    });
    expect(JSON.parse(body).object).toBe('config');
  } finally {
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
});

it('configuration: plain http only on loopback, TLS files in pairs, a listener mode is required', () => {
  expect(() => parseConfig({ dataDir: '/tmp/x', host: '0.0.0.0', insecureHttp: true })).toThrow(/loopback/);
  expect(() => parseConfig({ dataDir: '/tmp/x', tlsCert: '/a.pem' })).toThrow(/go together/);
  expect(() => parseConfig({ dataDir: '/tmp/x' })).toThrow(/--tls-self-signed/);
  expect(parseConfig({ dataDir: '/tmp/x', host: '::1', insecureHttp: true }).insecureHttp).toBe(true);
});

it('the app trusts the generated CA for exactly the names the certificate covers', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'pd-tls-'));
  try {
    const env = { PD_DATA_DIR: dataDir };
    expect(localCaFor('https://localhost:8443', env)).toBeNull(); // nothing generated yet
    const { caPath } = ensureSelfSigned(dataDir, '192.168.50.7');
    const ca = readFileSync(caPath!, 'utf8');
    for (const url of [
      'https://localhost:8443/identity',
      'https://LOCALHOST:9000',
      'https://127.0.0.1:8443',
      'https://[::1]:8443',
      'https://192.168.50.7:8443',
    ])
      expect(localCaFor(url, env), url).toBe(ca);
    for (const url of ['https://vault.example.com', 'https://127.0.0.2:8443', 'http://localhost:8443', 'nonsense'])
      expect(localCaFor(url, env), url).toBeNull();
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});

it('a certificate made for a host name covers that name too', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'pd-tls-'));
  try {
    ensureSelfSigned(dataDir, 'desk.example.test');
    expect(localCaFor('https://desk.example.test:8443', { PD_DATA_DIR: dataDir })).not.toBeNull();
    expect(localCaFor('https://other.example.test:8443', { PD_DATA_DIR: dataDir })).toBeNull();
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});
