import 'fake-indexeddb/auto';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { LinkInfo } from '$shared/contract/portal/links';
import { DeskError } from '$shared/contract/errors';
import LinkFlow from '../../../../../src-renderer/lib/portal/links/LinkFlow.svelte';
import { linkStore } from '../../../../../src-renderer/lib/portal/links/linkStore.svelte';
import { portal } from '../../../../../src-renderer/lib/portal/providerContext.svelte';
import { session } from '../../../../../src-renderer/lib/session/sessionStore.svelte';
import { toast } from '../../../../../src-renderer/lib/toasts.svelte';
import { installFakeDesk } from '../../fakes/desk';
import { account, sessionState } from '../../session/sessionFixtures';

const PROVIDER = '0b6a9f2e-1c3d-4e5f-8a9b-0c1d2e3f4a5b';
const server = { kind: 'selfHosted' as const, baseUrl: 'https://vault.example.com' };
const ava = account();
const nina = account({ id: 'acct-nina', email: 'nina@example.com', name: 'Nina' });

function invite(overrides: Partial<LinkInfo> = {}): LinkInfo {
  return {
    kind: 'acceptProviderInvite',
    linkId: 'link-1',
    providerId: PROVIDER,
    email: 'nina@example.com',
    server,
    serverLabel: 'vault.example.com',
    matchingAccountId: null,
    providerUserId: '11111111-2222-4333-8444-555555555555',
    providerName: 'Northwind IT Partners',
    ...overrides,
  } as LinkInfo;
}

afterEach(() => {
  linkStore.reset();
  session.reset();
  portal.providers = null;
  toast.clear();
  localStorage.clear();
});

function renderFlow(handlers: Parameters<typeof installFakeDesk>[0] = {}, accounts = [ava]) {
  const desk = installFakeDesk(handlers);
  session.apply(sessionState(accounts));
  const onOpenPortal = vi.fn();
  render(LinkFlow, { onOpenPortal });
  return { desk, onOpenPortal };
}

describe('Provider link flow', () => {
  it('reads a pasted link, shows main’s reason for a bad one, and describes a good one', async () => {
    const { desk } = renderFlow({
      'links.parse': ({ url }) => {
        if (!url.includes('accept-provider'))
          throw new DeskError('validation', 'This is not a provider setup or invitation link.');
        return invite();
      },
    });
    expect(screen.getByRole('heading', { level: 1, name: 'Open provider link' })).toBeTruthy();
    const field = screen.getByLabelText('Setup or invitation link');
    await fireEvent.click(screen.getByRole('button', { name: 'Open link' }));
    expect(screen.getByRole('alert').textContent).toContain('Paste the link from the email.');
    await fireEvent.input(field, { target: { value: 'https://example.com/hello' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Open link' }));
    expect((await screen.findByRole('alert')).textContent).toContain(
      'This is not a provider setup or invitation link.',
    );

    await fireEvent.input(field, {
      target: { value: 'https://vault.example.com/#/providers/accept-provider?token=t' },
    });
    await fireEvent.click(screen.getByRole('button', { name: 'Open link' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Join a provider' })).toBeTruthy();
    const card = screen.getByRole('region', { name: 'The link' });
    expect(card.textContent).toContain('Northwind IT Partners');
    expect(card.textContent).toContain('nina@example.com');
    expect(card.textContent).toContain('vault.example.com');
    // The paste field is gone; focus moved to what replaced it.
    await waitFor(() => expect(document.activeElement).toBe(card));
    // The empty field was refused without asking main.
    expect(desk.calls.filter((c) => c.channel === 'links.parse')).toHaveLength(2);
  });

  it('accepts as the matching active account and explains that confirmation is still pending', async () => {
    linkStore.show(invite({ matchingAccountId: nina.id }));
    const { desk, onOpenPortal } = renderFlow(
      {
        'links.acceptProviderInvite': () => ({
          providerId: PROVIDER,
          providerName: 'Northwind IT Partners',
          confirmationPending: true as const,
        }),
        'account.fingerprint': () => ({
          accountId: nina.id,
          phrase: 'unworn-carport-overlap-blinks-chevy',
          email: nina.email,
          name: null,
          server: nina.server,
        }),
      },
      [nina],
    );
    expect(screen.getByText(/Signed in as/).textContent).toContain('nina@example.com');
    await fireEvent.click(screen.getByRole('button', { name: 'Accept invitation' }));
    expect(await screen.findByRole('heading', { name: 'Invitation to Northwind IT Partners accepted' })).toBeTruthy();
    await screen.findByText('unworn-carport-overlap-blinks-chevy');
    expect(screen.getByRole('status').textContent?.replace(/\s+/g, ' ')).toContain(
      'Waiting for confirmation — a provider admin of Northwind IT Partners must confirm you. Tell them your fingerprint phrase: unworn-carport-overlap-blinks-chevy',
    );
    expect(desk.calls.find((c) => c.channel === 'links.acceptProviderInvite')?.input).toEqual({
      linkId: 'link-1',
      accountId: nina.id,
    });
    await fireEvent.click(screen.getByRole('button', { name: 'Continue' }));
    expect(onOpenPortal).toHaveBeenCalledOnce();
  });

  it('offers to switch when the link’s account is signed in but not active', async () => {
    linkStore.show(invite({ matchingAccountId: nina.id }));
    const { desk } = renderFlow({ 'session.switch': () => sessionState([ava, nina], nina.id) }, [ava, nina]);
    await fireEvent.click(screen.getByRole('button', { name: 'Switch to nina@example.com' }));
    await waitFor(() => expect(screen.getByRole('button', { name: 'Accept invitation' })).toBeTruthy());
    expect(desk.calls.find((c) => c.channel === 'session.switch')?.input).toEqual({ accountId: nina.id });
  });

  it('creates the account for the link’s address on the link’s server, signs in, then offers to accept', async () => {
    linkStore.show(invite());
    const { desk } = renderFlow({
      'session.register': ({ email }) => ({ status: 'registered' as const, email }),
      'session.login': () => ({
        status: 'ready' as const,
        accountId: nina.id,
        session: sessionState([ava, nina], nina.id),
      }),
    });
    expect(screen.getByText(/This link was sent to nina@example.com/)).toBeTruthy();
    await fireEvent.click(screen.getByRole('button', { name: 'Create account' }));
    expect(screen.getByLabelText<HTMLInputElement>('Email address').value).toBe('nina@example.com');
    expect(screen.getByLabelText<HTMLInputElement>('Email address').readOnly).toBe(true);
    await fireEvent.input(screen.getByLabelText('Your name'), { target: { value: 'Nina' } });
    await fireEvent.input(screen.getByLabelText('Master password'), { target: { value: 'short' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Create account and log in' }));
    expect(screen.getByText('The master password needs at least 12 characters.')).toBeTruthy();
    await fireEvent.input(screen.getByLabelText('Master password'), { target: { value: 'a long master password' } });
    await fireEvent.input(screen.getByLabelText('Confirm master password'), { target: { value: 'something else!' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Create account and log in' }));
    expect(screen.getByText('The master passwords do not match.')).toBeTruthy();
    expect(desk.calls.some((c) => c.channel === 'session.register')).toBe(false);

    await fireEvent.input(screen.getByLabelText('Confirm master password'), {
      target: { value: 'a long master password' },
    });
    await fireEvent.click(screen.getByRole('button', { name: 'Create account and log in' }));
    expect(await screen.findByRole('button', { name: 'Accept invitation' })).toBeTruthy();
    expect(desk.calls.find((c) => c.channel === 'session.register')?.input).toEqual({
      server,
      email: 'nina@example.com',
      name: 'Nina',
      masterPassword: 'a long master password',
      masterPasswordConfirmation: 'a long master password',
    });
    expect(desk.calls.find((c) => c.channel === 'session.login')?.input).toEqual({
      server,
      email: 'nina@example.com',
      masterPassword: 'a long master password',
    });
    expect(session.active?.id).toBe(nina.id);
  });

  it('says to follow the emailed link when the server verifies email first', async () => {
    linkStore.show(invite());
    const { desk } = renderFlow({ 'session.register': ({ email }) => ({ status: 'checkEmail' as const, email }) });
    await fireEvent.click(screen.getByRole('button', { name: 'Create account' }));
    await fireEvent.input(screen.getByLabelText('Your name'), { target: { value: 'Nina' } });
    await fireEvent.input(screen.getByLabelText('Master password'), { target: { value: 'a long master password' } });
    await fireEvent.input(screen.getByLabelText('Confirm master password'), {
      target: { value: 'a long master password' },
    });
    await fireEvent.click(screen.getByRole('button', { name: 'Create account and log in' }));
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toContain('We sent an email to nina@example.com'),
    );
    expect(screen.getByRole('button', { name: 'Log in' })).toBeTruthy();
    expect(screen.getByLabelText<HTMLInputElement>('Master password').value).toBe('');
    expect(desk.calls.some((c) => c.channel === 'session.login')).toBe(false);
  });

  it('sets up a provider from a setup link and opens it', async () => {
    linkStore.show({ ...invite({ matchingAccountId: nina.id }), kind: 'setupProvider' } as LinkInfo);
    const { desk, onOpenPortal } = renderFlow(
      { 'links.setupProvider': ({ name }) => ({ providerId: PROVIDER, name }) },
      [nina],
    );
    expect(screen.getByRole('heading', { level: 1, name: 'Set up your provider' })).toBeTruthy();
    expect(screen.getByLabelText<HTMLInputElement>('Billing email').value).toBe('nina@example.com');
    await fireEvent.click(screen.getByRole('button', { name: 'Set up provider' }));
    expect(screen.getByText('Enter the provider name.')).toBeTruthy();
    await fireEvent.input(screen.getByLabelText('Provider name'), { target: { value: 'Nina IT' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Set up provider' }));
    await waitFor(() => expect(onOpenPortal).toHaveBeenCalledOnce());
    expect(desk.calls.find((c) => c.channel === 'links.setupProvider')?.input).toEqual({
      linkId: 'link-1',
      accountId: nina.id,
      name: 'Nina IT',
      billingEmail: 'nina@example.com',
    });
    expect(toast.items.map((t) => t.message)).toEqual(['Nina IT is set up. Add your first client.']);
  });

  it('a link main no longer holds: says so and offers to paste it again', async () => {
    linkStore.show(invite({ matchingAccountId: nina.id }));
    renderFlow(
      {
        'links.acceptProviderInvite': () => {
          throw new DeskError('not_found', 'That link is no longer open in Provider Desk. Paste it again.');
        },
      },
      [nina],
    );
    await fireEvent.click(screen.getByRole('button', { name: 'Accept invitation' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('no longer open');
    await fireEvent.click(within(alert).getByRole('button', { name: 'Paste it again' }));
    expect(screen.getByLabelText('Setup or invitation link')).toBeTruthy();
  });
});
