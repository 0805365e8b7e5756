// Provider setup and invitation links in every form the app accepts (provider-portal.md §10–11).
import { describe, expect, it } from 'vitest';
import { DeskError } from '../../../../../src-shared/contract';
import { parseProviderLink, serverFromBase } from '../../../../../src-main/services/portal/linkParser';

const pid = '0E54A6B7-CCA2-4ACB-85BE-E27F76716752';
const puid = '105dc0a9-4e4d-4230-b33b-39559898a79b';
const setupQuery = `providerId=${pid}&email=Owner%40Example.com&token=tok.en-1`;
const acceptQuery = `providerId=${pid}&providerUserId=${puid}&email=tech%40example.com&providerName=Acme+MSP&token=t0k`;

describe('parseProviderLink', () => {
  it('reads the emailed setup link of a self-hosted server', () => {
    expect(parseProviderLink(`https://pd.example.com/providers/setup-provider?${setupQuery}`)).toEqual({
      kind: 'setupProvider',
      providerId: pid.toLowerCase(),
      token: 'tok.en-1',
      email: 'owner@example.com',
      server: { kind: 'selfHosted', baseUrl: 'https://pd.example.com' },
    });
  });

  it('reads the web vault form with #/ and a path prefix, and knows Bitwarden cloud', () => {
    expect(parseProviderLink(`https://vault.bitwarden.com/#/providers/accept-provider?${acceptQuery}`)).toMatchObject({
      kind: 'acceptProviderInvite',
      providerUserId: puid,
      providerName: 'Acme MSP',
      email: 'tech@example.com',
      server: { kind: 'bitwardenUs' },
    });
    expect(parseProviderLink(`https://vault.bitwarden.eu/#/providers/setup-provider?${setupQuery}`).server).toEqual({
      kind: 'bitwardenEu',
    });
    expect(parseProviderLink(`https://example.com/vault/providers/setup-provider?${setupQuery}`).server).toEqual({
      kind: 'selfHosted',
      baseUrl: 'https://example.com/vault',
    });
    expect(parseProviderLink(`https://localhost:8443/providers/setup-provider?${setupQuery}`).server).toEqual({
      kind: 'local',
      port: 8443,
    });
    // npm start's backend mails https://localhost links; the loopback addresses its certificate covers map there too.
    for (const root of ['https://127.0.0.1:8444', 'https://[::1]:8444', 'https://LocalHost:8444/'])
      expect(parseProviderLink(`${root}/providers/setup-provider?${setupQuery}`).server, root).toEqual({
        kind: 'local',
        port: 8444,
      });
    expect(parseProviderLink(`https://localhost/providers/setup-provider?${setupQuery}`).server).toEqual({
      kind: 'local',
      port: 443,
    });
    expect(parseProviderLink(`https://localhost:8443/desk/providers/setup-provider?${setupQuery}`).server).toEqual({
      kind: 'selfHosted',
      baseUrl: 'https://localhost:8443/desk',
    });
    expect(parseProviderLink(`http://127.0.0.1:4000/providers/setup-provider?${setupQuery}`).server).toEqual({
      kind: 'selfHosted',
      baseUrl: 'http://127.0.0.1:4000',
    });
    // Plain http elsewhere is not a server Provider Desk talks to; the link still works once signed in.
    expect(parseProviderLink(`http://pd.example.com/providers/setup-provider?${setupQuery}`).server).toBeNull();
  });

  it('reads providerdesk:// app links, with or without providers/ and with the server', () => {
    const server = encodeURIComponent('https://pd.example.com');
    expect(parseProviderLink(`providerdesk://providers/accept-provider?${acceptQuery}&server=${server}`)).toMatchObject(
      {
        kind: 'acceptProviderInvite',
        server: { kind: 'selfHosted', baseUrl: 'https://pd.example.com' },
      },
    );
    expect(parseProviderLink(`providerdesk://setup-provider?${setupQuery}`)).toMatchObject({
      kind: 'setupProvider',
      server: null,
    });
  });

  it.each([
    ['not a URL', 'hello there'],
    ['another page', `https://pd.example.com/providers/manage?${setupQuery}`],
    ['another scheme', `ftp://pd.example.com/providers/setup-provider?${setupQuery}`],
    ['nested path', `https://pd.example.com/providers/setup-provider/x?${setupQuery}`],
    ['no token', `https://pd.example.com/providers/setup-provider?providerId=${pid}&email=a%40b.c`],
    ['no email on setup', `https://pd.example.com/providers/setup-provider?providerId=${pid}&token=t`],
    ['bad provider id', `https://pd.example.com/providers/setup-provider?providerId=x&email=a%40b.c&token=t`],
    ['no invitation id', `https://pd.example.com/providers/accept-provider?providerId=${pid}&token=t`],
    ['app link elsewhere', `providerdesk://settings?${setupQuery}`],
  ])('refuses %s', (_name, url) => {
    expect(() => parseProviderLink(url)).toThrow(DeskError);
    try {
      parseProviderLink(url);
    } catch (error) {
      expect((error as DeskError).code).toBe('validation');
    }
  });

  it('knows servers only as sign-in takes them', () => {
    expect(serverFromBase('https://pd.example.com/')).toEqual({
      kind: 'selfHosted',
      baseUrl: 'https://pd.example.com',
    });
    expect(serverFromBase('javascript:alert(1)')).toBeNull();
    expect(serverFromBase('https://user:pw@pd.example.com')).toBeNull();
  });
});
