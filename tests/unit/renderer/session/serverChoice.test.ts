import { describe, expect, it } from 'vitest';
import {
  normalizeServerUrl,
  rememberedServer,
  rememberServer,
  serverFormFrom,
  serverFormFromSummary,
  serverFromForm,
} from '$lib/session/serverChoice';

describe('server choice', () => {
  it('turns each choice into the contract environment', () => {
    const form = serverFormFrom(null);
    expect(form.kind).toBe('bitwardenUs');
    expect(serverFromForm(form)).toEqual({ server: { kind: 'bitwardenUs' } });
    expect(serverFromForm({ ...form, kind: 'bitwardenEu' })).toEqual({ server: { kind: 'bitwardenEu' } });
    expect(serverFromForm({ ...form, kind: 'selfHosted', baseUrl: ' https://vault.example.com/ ' })).toEqual({
      server: { kind: 'selfHosted', baseUrl: 'https://vault.example.com' },
    });
    expect(serverFromForm({ ...form, kind: 'local' })).toEqual({ server: { kind: 'local' } });
    expect(serverFromForm({ ...form, kind: 'local', port: '9443' })).toEqual({ server: { kind: 'local', port: 9443 } });
    expect(
      serverFromForm({
        ...form,
        kind: 'custom',
        apiUrl: 'https://api.example.com',
        identityUrl: 'https://id.example.com',
      }),
    ).toEqual({ server: { kind: 'custom', apiUrl: 'https://api.example.com', identityUrl: 'https://id.example.com' } });
  });

  it('adds https:// when no scheme is typed, and allows http only on this computer', () => {
    expect(normalizeServerUrl('vault.example.com')).toEqual({ url: 'https://vault.example.com' });
    expect(normalizeServerUrl('http://127.0.0.1:8080/')).toEqual({ url: 'http://127.0.0.1:8080' });
    expect(normalizeServerUrl('http://localhost:4000')).toEqual({ url: 'http://localhost:4000' });
    expect(normalizeServerUrl('http://vault.example.com')).toEqual({
      error: 'Use an https:// address (plain http is only allowed on this computer).',
    });
    expect(normalizeServerUrl('https://user:pw@vault.example.com')).toHaveProperty('error');
    expect(normalizeServerUrl('https://vault.example.com/?x=1')).toHaveProperty('error');
    expect(normalizeServerUrl('  ')).toHaveProperty('error');
  });

  it('names the field that is wrong', () => {
    const form = serverFormFrom(null);
    expect(serverFromForm({ ...form, kind: 'selfHosted' })).toEqual({
      errors: { baseUrl: 'Enter the server address, like https://vault.example.com' },
    });
    expect(serverFromForm({ ...form, kind: 'local', port: '70000' })).toHaveProperty('errors.port');
    expect(serverFromForm({ ...form, kind: 'custom', apiUrl: 'https://api.example.com' })).toHaveProperty(
      'errors.identityUrl',
    );
  });

  it("rebuilds the form from an account's server summary to sign in again", () => {
    expect(
      serverFormFromSummary({ kind: 'bitwardenEu', label: 'bitwarden.eu', url: 'https://vault.bitwarden.eu' }).kind,
    ).toBe('bitwardenEu');
    expect(
      serverFormFromSummary({ kind: 'selfHosted', label: 'vault.example.com', url: 'https://vault.example.com' }),
    ).toMatchObject({ kind: 'selfHosted', baseUrl: 'https://vault.example.com' });
    expect(
      serverFormFromSummary({ kind: 'local', label: 'This computer (localhost:9443)', url: 'https://localhost:9443' }),
    ).toMatchObject({ kind: 'local', port: '9443' });
  });

  it('remembers the last server, and ignores what it cannot read', () => {
    localStorage.clear();
    expect(rememberedServer()).toBeNull();
    rememberServer({ kind: 'selfHosted', baseUrl: 'https://vault.example.com' });
    expect(rememberedServer()).toEqual({ kind: 'selfHosted', baseUrl: 'https://vault.example.com' });
    localStorage.setItem('provider-desk:last-server', '{"kind":"nope"}');
    expect(rememberedServer()).toBeNull();
    localStorage.setItem('provider-desk:last-server', 'not json');
    expect(rememberedServer()).toBeNull();
    localStorage.clear();
  });
});
