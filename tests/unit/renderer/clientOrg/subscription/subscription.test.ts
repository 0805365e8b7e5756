import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { OrgSubscription } from '$shared/contract/clientOrg';
import LicensePanel from '../../../../../src-renderer/lib/clientOrg/subscription/LicensePanel.svelte';
import SubscriptionPanel from '../../../../../src-renderer/lib/clientOrg/subscription/SubscriptionPanel.svelte';
import { checkInstallationId } from '../../../../../src-renderer/lib/clientOrg/subscription/license';
import { installFakeDesk } from '../../fakes/desk';

const orgId = '6f1c2a8e-4b1d-4c55-9d7a-1f2e3d4c5b6a';
let counter = 0;
/** A fresh org per test: the panel remembers answers per account and org. */
const freshInput = () => ({
  accountId: 'acc-1',
  organizationId: `${orgId.slice(0, -2)}${String(++counter).padStart(2, '0')}`,
});

const subscription: OrgSubscription = {
  organizationId: orgId,
  planName: 'Enterprise (Monthly)',
  planType: 19,
  seats: 20,
  occupiedSeats: 19,
  remainingSeats: 1,
  maxAutoscaleSeats: null,
  provider: { id: 'p-1', name: 'Northwind IT Partners', consolidatedBilling: true },
  subscription: null,
  subscriptionMessage: 'The server gives no subscription details for this organization; seats and plan are shown.',
};

afterEach(() => vi.restoreAllMocks());

describe('SubscriptionPanel', () => {
  it('shows plan and seats, and links provider admins to provider billing', async () => {
    installFakeDesk({ 'org.subscription': () => subscription });
    render(SubscriptionPanel, { props: { input: freshInput(), billingHref: '#/billing', isProviderAdmin: true } });
    expect((await screen.findByTestId('plan-name')).textContent).toBe('Enterprise (Monthly)');
    expect(screen.getByTestId('seat-count').textContent).toBe('20');
    expect(screen.getByRole('meter', { name: 'Seats of this client' }).getAttribute('aria-valuetext')).toBe(
      '19 of 20 used, 1 remaining (nearly full)',
    );
    expect(screen.getByRole('link', { name: 'Open provider billing' }).getAttribute('href')).toBe('#/billing');
    expect(screen.getByText(/no subscription details/)).toBeTruthy();
  });

  it('tells service users who manages billing instead of linking', async () => {
    installFakeDesk({ 'org.subscription': () => subscription });
    render(SubscriptionPanel, { props: { input: freshInput(), billingHref: '#/billing', isProviderAdmin: false } });
    await screen.findByTestId('plan-name');
    expect(screen.queryByRole('link', { name: 'Open provider billing' })).toBeNull();
    expect(screen.getByText(/Provider admins manage billing/)).toBeTruthy();
  });

  it('lists the subscription items the server gives', async () => {
    installFakeDesk({
      'org.subscription': () => ({
        ...subscription,
        provider: { id: 'p-1', name: 'Resell Co', consolidatedBilling: false },
        subscription: {
          status: 'active',
          periodStartDate: '2026-11-01T00:00:00Z',
          periodEndDate: '2026-12-01T00:00:00Z',
          cancelled: false,
          items: [{ name: 'Enterprise seats', quantity: 20, amount: 7, interval: 'month' }],
        },
        subscriptionMessage: null,
      }),
    });
    render(SubscriptionPanel, { props: { input: freshInput(), billingHref: '#/billing', isProviderAdmin: true } });
    const table = await screen.findByRole('table');
    expect(within(table).getByText('Enterprise seats')).toBeTruthy();
    expect(within(table).getByText('$7.00')).toBeTruthy();
    expect(screen.getByText('active')).toBeTruthy();
    expect(screen.getByText(/Resell Co is a reseller/)).toBeTruthy();
  });

  it('offers a retry when the subscription cannot be read', async () => {
    installFakeDesk({
      'org.subscription': () => {
        throw new Error('[forbidden] Not allowed.');
      },
    });
    render(SubscriptionPanel, { props: { input: freshInput(), billingHref: '#/billing', isProviderAdmin: true } });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Could not read the subscription: Not allowed.');
  });
});

describe('self-hosted license', () => {
  it('accepts an installation id in any case, with or without braces', () => {
    expect(checkInstallationId(' {3FA85F64-5717-4562-B3FC-2C963F66AFA6} ')).toEqual({
      ok: true,
      id: '3fa85f64-5717-4562-b3fc-2c963f66afa6',
    });
    expect(checkInstallationId('')).toMatchObject({ ok: false, error: /Enter the installation ID/ });
    expect(checkInstallationId('3fa85f64-5717-4562-b3fc')).toMatchObject({ ok: false, error: /32 hex digits/ });
  });

  it('refuses a malformed installation id without asking the server', async () => {
    const desk = installFakeDesk({});
    render(LicensePanel, { props: { input: freshInput() } });
    const field = screen.getByLabelText('Installation ID');
    await fireEvent.input(field, { target: { value: 'not-an-id' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Download license' }));
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(field);
    expect(desk.calls).toEqual([]);
  });

  it('downloads the license and saves it as a file', async () => {
    const input = freshInput();
    const desk = installFakeDesk({
      'org.license.download': () => ({ fileName: 'bitwarden_organization_license.json', text: '{"licenseKey":"k"}\n' }),
    });
    const created: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      created.push(blob as Blob);
      return 'blob:license';
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
    const clicks: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicks.push(this.download);
    });
    render(LicensePanel, { props: { input } });
    await fireEvent.input(screen.getByLabelText('Installation ID'), {
      target: { value: '3FA85F64-5717-4562-B3FC-2C963F66AFA6' },
    });
    await fireEvent.click(screen.getByRole('button', { name: 'Download license' }));

    await waitFor(() => expect(clicks).toEqual(['bitwarden_organization_license.json']));
    expect(desk.calls).toEqual([
      { channel: 'org.license.download', input: { ...input, installationId: '3fa85f64-5717-4562-b3fc-2c963f66afa6' } },
    ]);
    expect(await created[0]!.text()).toBe('{"licenseKey":"k"}\n');
    expect(screen.getByRole('status').textContent?.trim()).toBe('License saved as bitwarden_organization_license.json');
  });

  it('explains when the server has no license for the organization', async () => {
    installFakeDesk({
      'org.license.download': () => {
        throw new Error('[not_found] Not found.');
      },
    });
    render(LicensePanel, { props: { input: freshInput() } });
    await fireEvent.input(screen.getByLabelText('Installation ID'), {
      target: { value: '3fa85f64-5717-4562-b3fc-2c963f66afa6' },
    });
    await fireEvent.click(screen.getByRole('button', { name: 'Download license' }));
    expect((await screen.findByRole('alert')).textContent).toContain('The server has no license for this organization');
  });
});
