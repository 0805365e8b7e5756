// Billing and settings through the desk against a real backend: the subscription (plans, minimums, assigned and
// purchased seats), the billing history with an invoice's CSV and file name, and the provider details form.
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invoiceFileName } from '../../src-main/services/portal/billingService';
import { upsertSnapshots } from '../../src-server/domain/providers/snapshots';
import { startTestServer, type TestServer } from '../server/harness';
import { addMember, createClient, createProvider, newUser, type TestProvider } from '../server/providers/fixtures';
import { andSynced, failure, signIn, type SignedIn } from './portalHarness';

const DAY = 86_400_000;
let t: TestServer;
let p: TestProvider;
let admin: SignedIn;
let serviceDesk: SignedIn;
let clientOrgId: string;

beforeAll(async () => {
  t = await startTestServer('sqlite');
  p = await createProvider(t, { name: 'Acme MSP' });
  clientOrgId = (await createClient(t, p, { name: 'Alpha', planType: 17, seats: 30 })).orgId;
  const service = await newUser(t, 'Service');
  await addMember(t, p, service, 1);
  admin = await signIn(t, p.admin);
  serviceDesk = await signIn(t, service);
});
afterAll(async () => {
  admin?.d.dispose();
  serviceDesk?.d.dispose();
  await t?.close();
});

describe('billing', () => {
  it('reads the subscription with seats per plan and the monthly total, for admins and service users', async () => {
    const sub = await admin.d.call('billing.subscription', { providerId: p.id });
    expect(sub).toMatchObject({ status: 'active', providerType: 0, discountPercentage: null });
    expect(sub.plans).toEqual([
      expect.objectContaining({
        type: 17,
        planName: 'Teams (Monthly)',
        seatMinimum: 25,
        assignedSeats: 30,
        purchasedSeats: 5,
        unassignedSeats: 0,
        cost: 120,
        discountedCost: 120,
        active: true,
      }),
      expect.objectContaining({ type: 19, seatMinimum: 25, assignedSeats: 0, unassignedSeats: 25, cost: 150 }),
    ]);
    expect(sub.monthlyTotal).toBe(270);
    expect(await serviceDesk.d.call('billing.subscription', { providerId: p.id })).toEqual(sub);
  });

  it('lists invoices and hands over an invoice CSV with its file name; service users are refused', async () => {
    const now = new Date();
    const start = Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1);
    const end = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1);
    await t.db
      .updateTable('providers')
      .set({ creation_date: new Date(start - 40 * DAY).toISOString() })
      .where('id', '=', p.id)
      .execute();
    for (let day = start; day < end; day += DAY) {
      await upsertSnapshots(t.db, p.id, new Date(day).toISOString().slice(0, 10), [
        { organizationId: clientOrgId, organizationName: 'Alpha', planType: 17, assigned: 30, used: 1 },
      ]);
    }
    const { invoices } = await admin.d.call('billing.invoices', { providerId: p.id });
    expect(invoices).toEqual([
      {
        id: expect.any(String),
        date: new Date(end).toISOString(),
        number: expect.stringMatching(/^PD-\d{6}-/),
        total: expect.any(Number),
        status: 'open',
        dueDate: expect.any(String),
      },
    ]);
    const [invoice] = invoices;
    const file = await admin.d.call('billing.downloadInvoice', { providerId: p.id, invoiceId: invoice!.id });
    expect(file.mimeType).toBe('text/csv');
    expect(file.fileName).toBe(invoiceFileName(invoice!.date, invoice!.number));
    expect(file.fileName).toMatch(/^bitwarden_provider-billing-history_\d{8}_PD-\d{6}-[0-9A-F]{8}\.csv$/);
    const rows = Papa.parse<string[]>(file.text.trim()).data;
    expect(rows[0]).toEqual(['Client', 'Id', 'Assigned', 'Used', 'Remaining', 'Plan', 'Estimated total']);
    expect(rows[1]).toEqual(['Alpha', clientOrgId, '30', '1', '29', 'Teams (Monthly)', '$120.00']);

    const unknown = await failure(
      admin.d.call('billing.downloadInvoice', { providerId: p.id, invoiceId: crypto.randomUUID() }),
    );
    expect(unknown.code).toBe('not_found');
    const asService = await failure(serviceDesk.d.call('billing.invoices', { providerId: p.id }));
    expect(asService.code).toBe('forbidden');
  });
});

describe('settings', () => {
  it('reads and updates the provider details; the cached profile follows', async () => {
    expect(await admin.d.call('provider.details', { providerId: p.id })).toMatchObject({
      id: p.id,
      name: 'Acme MSP',
      billingEmail: expect.stringMatching(/^billing\./),
      businessCountry: 'US',
      type: 0,
    });
    for (const bad of [
      { providerId: p.id, name: '', billingEmail: 'ops@acme.example' },
      { providerId: p.id, name: 'x'.repeat(51), billingEmail: 'ops@acme.example' },
      { providerId: p.id, name: 'Acme', billingEmail: 'nope' },
    ]) {
      expect((await failure(admin.d.call('provider.updateDetails', bad))).code).toBe('validation');
    }
    const denied = await failure(
      serviceDesk.d.call('provider.updateDetails', {
        providerId: p.id,
        name: 'Taken over',
        billingEmail: 'x@y.example',
      }),
    );
    expect(denied.code).toBe('forbidden');

    const updated = await andSynced(admin, () =>
      admin.d.call('provider.updateDetails', {
        providerId: p.id,
        name: 'Acme Managed Services',
        billingEmail: 'Ops@Acme.example',
      }),
    );
    expect(updated).toMatchObject({
      name: 'Acme Managed Services',
      businessName: 'Acme Managed Services',
      billingEmail: 'ops@acme.example',
    });
    const profile = admin.cache.batches.filter((b) => b.kind === 'profile').at(-1);
    expect(profile).toMatchObject({
      profile: { providers: [expect.objectContaining({ id: p.id, name: 'Acme Managed Services' })] },
    });
  });
});
