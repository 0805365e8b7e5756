import { render, screen } from '@testing-library/svelte';
import { createRawSnippet } from 'svelte';
import { afterEach, describe, expect, it } from 'vitest';
import ProviderGate from '$lib/portal/ProviderGate.svelte';
import { portal } from '$lib/portal/providerContext.svelte';
import { session } from '$lib/session/sessionStore.svelte';
import { installFakeDesk } from '../../fakes/desk';
import { account, sessionState } from '../../session/sessionFixtures';

const fingerprint = () => ({
  accountId: 'acct-ava',
  phrase: 'unworn-carport-overlap-blinks-chevy',
  email: 'ava@example.com',
  name: null,
  server: { kind: 'selfHosted' as const, label: 'vault.example.com', url: 'https://vault.example.com' },
});

const provider = (userStatus: number) => ({
  id: 'prov-1',
  name: 'Acme MSP',
  userType: 1,
  userStatus,
  enabled: true,
  useEvents: true,
  providerStatus: 2,
  providerType: 0,
});

afterEach(() => {
  portal.providers = null;
  session.reset();
  localStorage.clear();
});

function gate() {
  const children = createRawSnippet(() => ({ render: () => '<p>Provider page</p>' }));
  render(ProviderGate, { onOpenLink: () => {}, children });
}

const WAITING =
  'Waiting for confirmation — a provider admin of Acme MSP must confirm you. Tell them your fingerprint phrase: unworn-carport-overlap-blinks-chevy';

describe('waiting for confirmation', () => {
  it('an Accepted membership in the profile: one message with the provider and the phrase', async () => {
    installFakeDesk({ 'account.fingerprint': fingerprint });
    session.apply(sessionState([account()]));
    portal.providers = [provider(1)];
    gate();
    const status = await screen.findByRole('status');
    await screen.findByText('unworn-carport-overlap-blinks-chevy');
    expect(status.textContent?.replace(/\s+/g, ' ')).toContain(WAITING);
    expect(screen.getByRole('link', { name: 'Settings → Account' }).getAttribute('href')).toBe('#/settings');
    expect(screen.queryByText('Provider page')).toBeNull();
    expect(screen.queryByText(/not a member of a provider/)).toBeNull();
  });

  it('an invitation accepted here, not yet in the profile: the same message, not "no provider"', async () => {
    installFakeDesk({ 'account.fingerprint': fingerprint });
    session.apply(sessionState([account()]));
    portal.noteAccepted('acct-ava', 'prov-1', 'Acme MSP');
    portal.providers = [];
    gate();
    await screen.findByText('unworn-carport-overlap-blinks-chevy');
    expect(screen.getByRole('status').textContent?.replace(/\s+/g, ' ')).toContain(WAITING);
    expect(screen.queryByText(/not a member of a provider/)).toBeNull();
  });

  it('confirmed: the page itself', () => {
    installFakeDesk({ 'account.fingerprint': fingerprint });
    session.apply(sessionState([account()]));
    portal.providers = [provider(2)];
    gate();
    expect(screen.getByText('Provider page')).toBeTruthy();
  });
});
