import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import type { ProviderDetails as Details } from '$shared/contract/portal/providerSettings';
import type { ProviderSummary } from '$shared/contract/sync';
import ProviderDetails from '$lib/portal/settings/ProviderDetails.svelte';
import { checkDetails, detailsErrorsFrom } from '$lib/portal/settings/providerDetailsForm';
import { portal } from '$lib/portal/providerContext.svelte';
import { session } from '$lib/session/sessionStore.svelte';
import { toast } from '$lib/toasts.svelte';
import SettingsPage from '../../../../../src-renderer/routes/settings/+page.svelte';
import { installFakeDesk, sampleSettings } from '../../fakes/desk';
import { account, sessionState } from '../../session/sessionFixtures';

const providerId = '11111111-2222-4333-8444-555555555555';
const scope = { accountId: 'acct-ava', providerId };

const details: Details = {
  id: providerId,
  name: 'Northwind IT Partners',
  businessName: 'Northwind IT Partners',
  billingEmail: 'billing@northwind.example',
  businessAddress1: null,
  businessAddress2: null,
  businessAddress3: null,
  businessCountry: null,
  businessTaxNumber: null,
  creationDate: null,
  type: 0,
};

afterEach(() => {
  portal.providers = null;
  session.state = null;
  toast.clear();
});

function fakeMain() {
  const stored = { ...details };
  return installFakeDesk({
    'settings.get': () => sampleSettings,
    'provider.details': () => ({ ...stored }),
    'provider.updateDetails': (input) => Object.assign(stored, { name: input.name, billingEmail: input.billingEmail }),
  });
}

const save = () => screen.getByRole('button', { name: 'Save provider details' });

describe('provider details form', () => {
  it('checks the name and the billing email before sending', () => {
    expect(checkDetails({ name: ' ', billingEmail: 'billing@x.example' })).toEqual({ name: 'Enter the provider name' });
    expect(checkDetails({ name: 'x'.repeat(51), billingEmail: 'nope' })).toEqual({
      name: 'The name has at most 50 characters',
      billingEmail: 'Enter a valid email address',
    });
    expect(detailsErrorsFrom('billingEmail: Enter a valid email address; something else')).toEqual({
      fields: { billingEmail: 'Enter a valid email address' },
      rest: 'something else',
    });
  });

  it('loads the details, saves a changed name and billing email, and says so', async () => {
    const desk = fakeMain();
    render(ProviderDetails, { scope });
    const name = await screen.findByLabelText<HTMLInputElement>('Provider name');
    expect(name.value).toBe('Northwind IT Partners');
    expect(save().hasAttribute('disabled')).toBe(true);

    await fireEvent.input(name, { target: { value: 'Northwind Partners' } });
    await fireEvent.input(screen.getByLabelText('Billing email'), { target: { value: 'ap@northwind.example' } });
    await fireEvent.click(save());

    await waitFor(() => expect(toast.items.map((t) => t.message)).toContain('Provider details saved'));
    expect(desk.calls.find((c) => c.channel === 'provider.updateDetails')?.input).toEqual({
      ...scope,
      name: 'Northwind Partners',
      billingEmail: 'ap@northwind.example',
    });
    expect(save().hasAttribute('disabled')).toBe(true);
  });

  it('marks an invalid email without calling main, and focuses it', async () => {
    const desk = fakeMain();
    render(ProviderDetails, { scope });
    const email = await screen.findByLabelText<HTMLInputElement>('Billing email');
    await fireEvent.input(email, { target: { value: 'not an email' } });
    await fireEvent.click(save());
    await waitFor(() => expect(email.getAttribute('aria-invalid')).toBe('true'));
    expect(document.activeElement).toBe(email);
    expect(desk.calls.some((c) => c.channel === 'provider.updateDetails')).toBe(false);
  });

  it('offline: the save is refused with the reason, nothing is sent', async () => {
    const desk = fakeMain();
    render(ProviderDetails, { scope });
    const name = await screen.findByLabelText<HTMLInputElement>('Provider name');
    session.apply(sessionState([account({ online: false })]));
    await fireEvent.input(name, { target: { value: 'Offline Name' } });
    await fireEvent.click(save());
    expect(save().getAttribute('aria-disabled')).toBe('true');
    expect(screen.getAllByText(/Offline: vault.example.com cannot be reached/).length).toBeGreaterThan(0);
    expect(desk.calls.some((c) => c.channel === 'provider.updateDetails')).toBe(false);
  });
});

describe('Settings page: provider details by role', () => {
  const summary = (userType: number): ProviderSummary => ({
    id: providerId,
    name: 'Northwind IT Partners',
    userType,
    userStatus: 2,
    enabled: true,
    useEvents: true,
    providerStatus: 2,
    providerType: 0,
  });

  it('shows the provider details form to a provider admin', async () => {
    fakeMain();
    session.apply(sessionState([account()]));
    portal.providers = [summary(0)];
    render(SettingsPage);
    expect(await screen.findByRole('heading', { name: 'Provider details' })).toBeTruthy();
    expect(await screen.findByLabelText('Provider name')).toBeTruthy();
  });

  it('keeps the app settings for a service user and says provider details are for admins', async () => {
    const desk = fakeMain();
    session.apply(sessionState([account()]));
    portal.providers = [summary(1)];
    render(SettingsPage);
    expect(await screen.findByLabelText('Theme')).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'Provider details' })).toBeNull();
    expect(screen.getByText(/can only be changed by a provider admin/)).toBeTruthy();
    expect(desk.calls.some((c) => c.channel === 'provider.details')).toBe(false);
  });
});
