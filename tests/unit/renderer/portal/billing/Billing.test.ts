import 'fake-indexeddb/auto';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ProviderSubscription } from '$shared/contract/portal/billing';
import type { ProviderSummary } from '$shared/contract/sync';
import { dropAccountCache } from '$lib/cache/accountCache';
import BillingView from '$lib/portal/billing/BillingView.svelte';
import { planLine, subscriptionTotal } from '$lib/portal/billing/billingFormat';
import { portal } from '$lib/portal/providerContext.svelte';
import { toast } from '$lib/toasts.svelte';
import BillingPage from '../../../../../src-renderer/routes/billing/+page.svelte';
import { installFakeDesk } from '../../fakes/desk';

const saved = vi.hoisted(() => [] as { name: string; content: string; type: string }[]);
vi.mock('$lib/files/saveFile', () => ({
  saveFile: (name: string, content: string, type: string) => saved.push({ name, content, type }),
}));

const providerId = '11111111-2222-4333-8444-555555555555';
const invoiceId = 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee';
let accountId = '';

const plan = (overrides: Partial<ProviderSubscription['plans'][number]>) => ({
  planName: 'Teams (Monthly)',
  type: 17,
  productTier: 3,
  seatMinimum: 100,
  purchasedSeats: 0,
  assignedSeats: 60,
  unassignedSeats: 40,
  cost: 400,
  discountedCost: 400,
  cadence: 'Monthly',
  active: true,
  ...overrides,
});

const subscription: ProviderSubscription = {
  status: 'active',
  currentPeriodEndDate: '2026-12-01T00:00:00.000Z',
  discountPercentage: null,
  collectionMethod: 'send_invoice',
  plans: [
    plan({}),
    plan({
      planName: 'Enterprise (Monthly)',
      type: 19,
      productTier: 4,
      seatMinimum: 50,
      purchasedSeats: 5,
      assignedSeats: 55,
      unassignedSeats: 0,
      cost: 385,
      discountedCost: 385,
    }),
    plan({ planName: 'Enterprise (Annually)', type: 20, seatMinimum: 0, assignedSeats: 0, active: false }),
  ],
  monthlyTotal: 785,
  accountCredit: null,
  cancelAt: null,
  suspension: null,
  providerType: 0,
  paymentSource: null,
  taxInformation: null,
};

beforeEach(() => {
  saved.length = 0;
  accountId = `acct-${Math.random().toString(36).slice(2)}`;
});
afterEach(async () => {
  portal.providers = null;
  toast.clear();
  await dropAccountCache(accountId);
});

function fakeBilling(
  invoices = [
    { id: invoiceId, date: '2026-11-01T00:00:00.000Z', number: 'INV-0042', total: 785, status: 'paid', dueDate: null },
  ],
) {
  return installFakeDesk({
    'billing.subscription': () => subscription,
    'billing.invoices': () => ({ invoices }),
    'billing.downloadInvoice': () => ({
      fileName: 'bitwarden_provider-billing-history_20261101_INV-0042.csv',
      mimeType: 'text/csv',
      text: 'Client,Id,Assigned,Used,Remaining,Plan,Estimated total\r\nContoso,1,10,3,7,Teams,40\r\n',
    }),
  });
}

describe('billing figures', () => {
  it('words a plan as the web portal does, and totals the active plans', () => {
    expect(planLine(plan({}))).toBe('Teams seats (Monthly) ×100 @ $4.00');
    expect(planLine(plan({ discountedCost: 320 }))).toBe('Teams seats (Monthly) ×100 @ $3.20');
    expect(subscriptionTotal(subscription)).toBe(785);
  });
});

describe('BillingView', () => {
  it('shows the active plans with seat minimums, purchased and assigned seats, the total and invoices', async () => {
    fakeBilling();
    render(BillingView, { scope: { accountId, providerId } });
    const plans = await screen.findByRole('table', { name: 'Plans' });
    const rows = within(plans).getAllByRole('row');
    expect(rows.map((r) => r.querySelector('th')?.textContent?.replace(/\s+/g, ' ').trim())).toEqual([
      'Plan',
      'Teams (Monthly) Teams seats (Monthly) ×100 @ $4.00',
      'Enterprise (Monthly) Enterprise seats (Monthly) ×55 @ $7.00',
      'Total',
    ]);
    const enterprise = rows[2]!;
    expect([...enterprise.querySelectorAll('td')].map((td) => td.textContent?.trim())).toEqual([
      '50',
      '5',
      '55 of 55',
      '0',
      '$385.00 / month',
    ]);
    expect(within(rows[3]!).getByText('$785.00 / month')).toBeTruthy();
    expect(screen.getByText('Active')).toBeTruthy();

    const invoices = await screen.findByRole('table', { name: 'Invoices' });
    expect(within(invoices).getByText('INV-0042')).toBeTruthy();
    expect(within(invoices).getByText('Paid')).toBeTruthy();
  });

  it("downloads an invoice's client details as the CSV main hands over", async () => {
    const desk = fakeBilling();
    render(BillingView, { scope: { accountId, providerId } });
    await fireEvent.click(await screen.findByRole('button', { name: /Download CSV for invoice INV-0042/ }));
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(saved[0]).toMatchObject({
      name: 'bitwarden_provider-billing-history_20261101_INV-0042.csv',
      type: 'text/csv',
    });
    expect(saved[0]!.content).toContain('Client,Id,Assigned,Used,Remaining,Plan,Estimated total');
    expect(desk.calls.find((c) => c.channel === 'billing.downloadInvoice')?.input).toEqual({
      accountId,
      providerId,
      invoiceId,
    });
  });

  it('says when there are no invoices yet', async () => {
    fakeBilling([]);
    render(BillingView, { scope: { accountId, providerId } });
    expect(await screen.findByText('No invoices yet')).toBeTruthy();
  });

  it('explains an offline failure and tries again on request', async () => {
    let attempts = 0;
    installFakeDesk({
      'billing.subscription': () => {
        attempts += 1;
        if (attempts === 1) throw new Error('[offline] Cannot reach the server');
        return subscription;
      },
      'billing.invoices': () => ({ invoices: [] }),
    });
    render(BillingView, { scope: { accountId, providerId } });
    expect((await screen.findByRole('alert')).textContent).toContain('cannot be reached right now');
    await fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('table', { name: 'Plans' })).toBeTruthy();
  });
});

describe('Billing page gating', () => {
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

  it('refuses a service user with a clear message and asks the server nothing', () => {
    const desk = installFakeDesk({});
    portal.providers = [summary(1)];
    render(BillingPage);
    expect(screen.getByRole('heading', { name: 'Billing is for provider admins' })).toBeTruthy();
    expect(desk.calls).toEqual([]);
  });
});
