import { describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  checkServiceUrl,
  localCaFor,
  localServerDataDir,
  resolveEnvironment,
  serverKey,
} from '../../../../src-main/bitwarden/environments';

describe('server environments', () => {
  it('knows Bitwarden cloud in the US and the EU', () => {
    expect(resolveEnvironment({ kind: 'bitwardenUs' })).toMatchObject({
      api: 'https://api.bitwarden.com',
      identity: 'https://identity.bitwarden.com',
      events: 'https://events.bitwarden.com',
      summary: { kind: 'bitwardenUs', label: 'bitwarden.com' },
    });
    expect(resolveEnvironment({ kind: 'bitwardenEu' }).identity).toBe('https://identity.bitwarden.eu');
  });

  it('puts /api, /identity and /events under a self-hosted base URL', () => {
    expect(resolveEnvironment({ kind: 'selfHosted', baseUrl: 'https://vault.example.com/bw/' })).toMatchObject({
      api: 'https://vault.example.com/bw/api',
      identity: 'https://vault.example.com/bw/identity',
      events: 'https://vault.example.com/bw/events',
      summary: { label: 'vault.example.com' },
    });
  });

  it('takes separate service URLs', () => {
    const urls = resolveEnvironment({
      kind: 'custom',
      apiUrl: 'https://api.example.com/',
      identityUrl: 'https://id.example.com',
    });
    expect(urls).toMatchObject({ api: 'https://api.example.com', identity: 'https://id.example.com' });
  });

  it('points "this computer" at the local backend', () => {
    expect(resolveEnvironment({ kind: 'local' }).api).toBe('https://localhost:8443/api');
    expect(resolveEnvironment({ kind: 'local', port: 9443 }).identity).toBe('https://localhost:9443/identity');
  });

  it('allows plain http on loopback only, and no credentials, query or fragment', () => {
    expect(checkServiceUrl('http://127.0.0.1:8080').host).toBe('127.0.0.1:8080');
    expect(checkServiceUrl('http://localhost').host).toBe('localhost');
    expect(() => checkServiceUrl('http://vault.example.com')).toThrow(/https:\/\//);
    expect(() => checkServiceUrl('https://user:pw@vault.example.com')).toThrow(/user name/);
    expect(() => checkServiceUrl('https://vault.example.com/?x=1')).toThrow(/query/);
    expect(() => checkServiceUrl('not a url')).toThrow(/not a web address/);
  });

  it('gives the same server the same key however it was typed', () => {
    const a = resolveEnvironment({ kind: 'selfHosted', baseUrl: 'https://Vault.Example.com' });
    const b = resolveEnvironment({ kind: 'selfHosted', baseUrl: 'https://vault.example.com/' });
    expect(serverKey(a)).toBe(serverKey(b));
  });

  it("finds the local backend's data folder as the backend does", () => {
    expect(localServerDataDir({ PD_DATA_DIR: '/srv/pd' }, 'linux')).toBe('/srv/pd');
    expect(localServerDataDir({ XDG_DATA_HOME: '/x' }, 'linux')).toBe(join('/x', 'provider-desk-server'));
  });

  it('trusts no local CA without a generated certificate, nor for http or other hosts', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pd-env-'));
    try {
      expect(localCaFor('https://localhost:8443', { PD_DATA_DIR: dir })).toBeNull();
      expect(localCaFor('http://localhost:8443', { PD_DATA_DIR: dir })).toBeNull();
      expect(localCaFor('not a url', { PD_DATA_DIR: dir })).toBeNull();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
