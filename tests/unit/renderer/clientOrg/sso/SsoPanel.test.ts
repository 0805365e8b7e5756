import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SsoSettings } from '$shared/contract/clientOrg';
import SsoPanel from '../../../../../src-renderer/lib/clientOrg/sso/SsoPanel.svelte';
import { installFakeDesk } from '../../fakes/desk';

const input = { accountId: 'acc-1', organizationId: '6f1c2a8e-4b1d-4c55-9d7a-1f2e3d4c5b6a' };
const sso = 'https://desk.example/sso';

const blank: SsoSettings = {
  enabled: false,
  identifier: null,
  memberDecryption: 'masterPassword',
  keyConnectorUrl: null,
  config: null,
  clientSecretSaved: false,
  serviceProvider: {
    callbackUrl: `${sso}/oidc-signin`,
    signedOutCallbackUrl: `${sso}/oidc-signedout`,
    spEntityId: `${sso}/saml2/${input.organizationId}`,
    spEntityIdStatic: `${sso}/saml2`,
    spMetadataUrl: `${sso}/saml2/${input.organizationId}`,
    spAcsUrl: `${sso}/saml2/${input.organizationId}/Acs`,
  },
};

async function renderPanel(handlers: Parameters<typeof installFakeDesk>[0] = {}) {
  const desk = installFakeDesk({
    'org.sso.get': () => blank,
    'org.sso.save': (saved) => ({
      ...blank,
      enabled: saved.enabled,
      identifier: saved.identifier,
      clientSecretSaved: true,
      config: {
        type: 'oidc',
        authority: (saved.config as any).authority,
        clientId: (saved.config as any).clientId,
        metadataAddress: null,
        redirectBehavior: 'redirectGet',
        getClaimsFromUserInfoEndpoint: false,
        additionalScopes: null,
        additionalUserIdClaimTypes: null,
        additionalEmailClaimTypes: null,
        additionalNameClaimTypes: null,
        acrValues: null,
        expectedReturnAcrValue: null,
      },
    }),
    ...handlers,
  });
  render(SsoPanel, { props: { input } });
  await screen.findByLabelText('SSO identifier');
  return desk;
}

afterEach(() => vi.restoreAllMocks());

describe('SsoPanel', () => {
  it('shows the callback URL for OpenID Connect and copies it', async () => {
    const writeText = vi.fn(() => Promise.resolve());
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    await renderPanel();
    const callback = screen.getByLabelText<HTMLInputElement>('Callback URL');
    expect(callback.value).toBe(`${sso}/oidc-signin`);
    expect(callback.readOnly).toBe(true);
    await fireEvent.click(screen.getByRole('button', { name: 'Copy Callback URL' }));
    expect(writeText).toHaveBeenCalledWith(`${sso}/oidc-signin`);
    await waitFor(() =>
      expect(screen.getByRole('button', { name: 'Copy Callback URL' }).textContent?.trim()).toBe('Copied'),
    );
  });

  it('shows the SAML entity ID and ACS URL when SAML is chosen', async () => {
    await renderPanel();
    await fireEvent.click(screen.getByLabelText('SAML 2.0'));
    expect(screen.getByLabelText<HTMLInputElement>('SP entity ID').value).toBe(`${sso}/saml2/${input.organizationId}`);
    expect(screen.getByLabelText<HTMLInputElement>('Assertion consumer service (ACS) URL').value).toBe(
      `${sso}/saml2/${input.organizationId}/Acs`,
    );
    await fireEvent.click(screen.getByLabelText('Set a unique SP entity ID'));
    expect(screen.getByLabelText<HTMLInputElement>('SP entity ID').value).toBe(`${sso}/saml2`);
    expect(screen.queryByLabelText('Callback URL')).toBeNull();
  });

  it('does not send an incomplete form, and marks the fields', async () => {
    const desk = await renderPanel();
    await fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    const identifier = screen.getByLabelText('SSO identifier');
    await waitFor(() => expect(identifier.getAttribute('aria-invalid')).toBe('true'));
    expect(screen.getByLabelText('Authority').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByLabelText('Client secret').getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(identifier);
    expect(desk.calls.some((c) => c.channel === 'org.sso.save')).toBe(false);
  });

  it('saves an OpenID Connect configuration and then keeps the secret saved', async () => {
    const desk = await renderPanel();
    await fireEvent.click(screen.getByLabelText('Allow SSO authentication'));
    await fireEvent.input(screen.getByLabelText('SSO identifier'), { target: { value: 'contoso' } });
    await fireEvent.input(screen.getByLabelText('Authority'), { target: { value: 'https://login.example.com' } });
    await fireEvent.input(screen.getByLabelText('Client ID'), { target: { value: 'desk' } });
    await fireEvent.input(screen.getByLabelText('Client secret'), { target: { value: 'top-secret' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Save' }));

    await waitFor(() => expect(screen.getByRole('status').textContent?.trim()).toBe('SSO settings saved'));
    expect(desk.calls.find((c) => c.channel === 'org.sso.save')!.input).toMatchObject({
      ...input,
      enabled: true,
      identifier: 'contoso',
      config: { type: 'oidc', authority: 'https://login.example.com', clientId: 'desk', clientSecret: 'top-secret' },
    });
    const secret = screen.getByLabelText<HTMLInputElement>('Client secret');
    expect(secret.value).toBe('');
    expect(secret.placeholder).toMatch(/Saved/);
  });

  it('shows a validation error from main under its field', async () => {
    await renderPanel({
      'org.sso.save': () => {
        throw new Error('[validation] config.clientId: Too long');
      },
    });
    await fireEvent.input(screen.getByLabelText('SSO identifier'), { target: { value: 'contoso' } });
    await fireEvent.input(screen.getByLabelText('Authority'), { target: { value: 'https://login.example.com' } });
    await fireEvent.input(screen.getByLabelText('Client ID'), { target: { value: 'desk' } });
    await fireEvent.input(screen.getByLabelText('Client secret'), { target: { value: 'x' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    const clientId = screen.getByLabelText('Client ID');
    await waitFor(() => expect(clientId.getAttribute('aria-invalid')).toBe('true'));
    const describedBy = (clientId.getAttribute('aria-describedby') ?? '').split(' ');
    expect(describedBy.map((id) => document.getElementById(id)?.textContent)).toContain('Too long');
  });

  it('asks for the Key Connector URL only when Key Connector is chosen', async () => {
    installFakeDesk({ 'org.sso.get': () => blank });
    render(SsoPanel, { props: { input, useKeyConnector: true } });
    await screen.findByLabelText('SSO identifier');
    expect(screen.queryByLabelText('Key Connector URL')).toBeNull();
    await fireEvent.click(screen.getByLabelText('Key Connector'));
    expect(screen.getByLabelText('Key Connector URL')).toBeTruthy();
  });

  it('reports a failure to load with a retry', async () => {
    installFakeDesk({
      'org.sso.get': () => {
        throw new Error('[not_found] Not found.');
      },
    });
    render(SsoPanel, { props: { input } });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Could not read the SSO settings: Not found.');
    expect(within(alert).getByRole('button', { name: 'Try again' })).toBeTruthy();
  });
});
