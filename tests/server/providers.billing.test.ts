// Provider billing without a processor (issue 5): subscription, daily seat snapshots → monthly invoices with a line
// per client, invoice list and CSV, vnext address / payment method / credit / warnings.
import Papa from 'papaparse';
import { expect, it } from 'vitest';
import { upsertSnapshots } from '../../src-server/domain/providers/snapshots';
import { describeServer } from './harness';
import { addMember, createClient, createProvider, newUser } from './providers/fixtures';

const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

describeServer('providers: billing', (t) => {
  it('answers the subscription with plans, seat minimums, purchased and assigned seats and costs', async () => {
    const p = await createProvider(t());
    const svc = await newUser(t(), 'Svc');
    await addMember(t(), p, svc, 1);
    await createClient(t(), p, { planType: 17, seats: 30 });
    await createClient(t(), p, { planType: 19, seats: 5 });
    const sub = await t().http.get(`/api/providers/${p.id}/billing/subscription`, { token: svc.accessToken });
    expect(sub.status).toBe(200);
    expect(sub.body.object).toBeUndefined();
    expect(sub.body).toMatchObject({
      status: 'active',
      discountPercentage: null,
      collectionMethod: 'send_invoice',
      accountCredit: 0,
      cancelAt: null,
      suspension: null,
      providerType: 0,
      taxInformation: {
        country: 'US',
        postalCode: '10001',
        taxId: '12-3456789',
        taxIdType: 'us_ein',
        line1: null,
        line2: null,
        city: null,
        state: null,
      },
      paymentSource: { type: 0, description: 'Card on file', needsVerification: false },
    });
    expect(sub.body.plans).toEqual([
      {
        planName: 'Teams (Monthly)',
        type: 17,
        productTier: 2,
        seatMinimum: 25,
        purchasedSeats: 5,
        assignedSeats: 30,
        cost: 120,
        cadence: 'Monthly',
      },
      {
        planName: 'Enterprise (Monthly)',
        type: 19,
        productTier: 3,
        seatMinimum: 25,
        purchasedSeats: 0,
        assignedSeats: 5,
        cost: 150,
        cadence: 'Monthly',
      },
    ]);
    expect(Date.parse(sub.body.currentPeriodEndDate)).toBeGreaterThan(Date.now());
  });

  it('issues one invoice per completed month from the daily snapshots, with a CSV line per client', async () => {
    const p = await createProvider(t());
    const a = await createClient(t(), p, { name: 'Alpha, Inc.', planType: 17, seats: 10 });
    const now = new Date();
    const start = Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1);
    const end = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1);
    const days = Math.round((end - start) / DAY);
    const half = 10;
    await t()
      .db.updateTable('providers')
      .set({ creation_date: new Date(start - 40 * DAY).toISOString() })
      .where('id', '=', p.id)
      .execute();
    const gone = crypto.randomUUID(); // a client unlinked on day 10 of last month
    for (let d = 0; d < days; d++) {
      const values = [
        { organizationId: a.orgId, organizationName: 'Alpha, Inc.', planType: 17, assigned: 10, used: 7 },
      ];
      if (d < half)
        values.push({ organizationId: gone, organizationName: '=Beta', planType: 19, assigned: 30, used: 30 });
      await upsertSnapshots(t().db, p.id, iso(start + d * DAY), values);
    }
    const list = await t().http.get(`/api/providers/${p.id}/billing/invoices`, { token: p.admin.accessToken });
    expect(list.status).toBe(200);
    expect(list.body.invoices).toHaveLength(1);
    const [inv] = list.body.invoices;
    const teams = 25 * 4; // the minimum, every day
    const enterprise = ((30 * half + 25 * (days - half)) * 6) / days;
    expect(inv).toEqual({
      id: expect.any(String),
      date: new Date(end).toISOString(),
      number: `PD-${iso(start).slice(0, 7).replace('-', '')}-${p.id.slice(0, 8).toUpperCase()}`,
      total: Math.round((teams + enterprise) * 100) / 100,
      status: 'open',
      dueDate: new Date(end + 30 * DAY).toISOString(),
      url: `${t().url}/api/providers/${p.id}/billing/invoices/${inv.id}`,
    });
    // Issued once.
    expect(
      (await t().http.get(`/api/providers/${p.id}/billing/invoices`, { token: p.admin.accessToken })).body.invoices,
    ).toHaveLength(1);

    const csv = await t().http.get(`/api/providers/${p.id}/billing/invoices/${inv.id}`, { token: p.admin.accessToken });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    const rows = Papa.parse<string[]>(csv.text.trim()).data;
    expect(rows).toEqual([
      ['Client', 'Id', 'Assigned', 'Used', 'Remaining', 'Plan', 'Estimated total'],
      ["'=Beta", gone, '30', '30', '0', 'Enterprise (Monthly)', `$${((30 * 6 * half) / days).toFixed(2)}`],
      ['Alpha, Inc.', a.orgId, '10', '7', '3', 'Teams (Monthly)', '$40.00'],
    ]);
    expect(
      (
        await t().http.get(`/api/providers/${p.id}/billing/invoices/${crypto.randomUUID()}`, {
          token: p.admin.accessToken,
        })
      ).status,
    ).toBe(404);
    const other = await createProvider(t());
    expect(
      (await t().http.get(`/api/providers/${other.id}/billing/invoices/${inv.id}`, { token: other.admin.accessToken }))
        .status,
    ).toBe(404);
    expect(
      (await t().http.get(`/api/providers/${other.id}/billing/invoices`, { token: other.admin.accessToken })).body
        .invoices,
    ).toEqual([]);
  });

  it('takes a daily snapshot of every managed client and fills missing days', async () => {
    const p = await createProvider(t());
    const c = await createClient(t(), p, { planType: 17, seats: 4 });
    const today = iso(Date.now());
    const old = iso(Date.now() - 5 * DAY);
    await t().db.deleteFrom('provider_seat_snapshots').where('provider_id', '=', p.id).execute();
    await upsertSnapshots(t().db, p.id, old, [
      { organizationId: c.orgId, organizationName: 'x', planType: 17, assigned: 3, used: 1 },
    ]);
    await t().http.get(`/api/providers/${p.id}/billing/subscription`, { token: p.admin.accessToken });
    const snaps = await t()
      .db.selectFrom('provider_seat_snapshots')
      .select(['day', 'assigned_seats', 'used_seats'])
      .where('provider_id', '=', p.id)
      .orderBy('day')
      .execute();
    expect(snaps).toHaveLength(6);
    expect(snaps[0]).toEqual({ day: old, assigned_seats: 3, used_seats: 1 });
    expect(snaps[4]).toEqual({ day: iso(Date.now() - DAY), assigned_seats: 3, used_seats: 1 });
    expect(snaps[5]).toEqual({ day: today, assigned_seats: 4, used_seats: 1 });
  });

  it('keeps the billing address and payment method (vnext) and warns about a missing tax id', async () => {
    const p = await createProvider(t());
    const base = `/api/providers/${p.id}/billing/vnext`;
    expect((await t().http.get(`${base}/address`, { token: p.admin.accessToken })).body).toEqual({
      country: 'US',
      postalCode: '10001',
      taxId: { code: 'us_ein', value: '12-3456789' },
    });
    const address = {
      country: 'NL',
      postalCode: '1011',
      line1: 'Dam 1',
      city: 'Amsterdam',
      state: null,
      line2: null,
      taxId: null,
    };
    expect((await t().http.put(`${base}/address`, { token: p.admin.accessToken, json: address })).body).toEqual(
      address,
    );
    expect((await t().http.get(`/api/providers/${p.id}`, { token: p.admin.accessToken })).body).toMatchObject({
      businessCountry: 'NL',
      businessTaxNumber: null,
    });
    expect((await t().http.get(`${base}/warnings`, { token: p.admin.accessToken })).body).toEqual({
      suspension: null,
      taxId: { type: 'tax_id_missing' },
    });
    expect((await t().http.get(`${base}/payment-method`, { token: p.admin.accessToken })).body).toEqual({
      type: 'card',
      description: 'Card on file',
    });
    expect(
      (
        await t().http.put(`${base}/payment-method`, {
          token: p.admin.accessToken,
          json: { type: 'bankAccount', token: 'btok' },
        })
      ).body,
    ).toEqual({ type: 'bankAccount', description: 'Bank account on file' });
    expect((await t().http.get(`${base}/credit`, { token: p.admin.accessToken })).text).toBe('0');
  });

  it('refuses billing to non-billable (reseller) providers and service users where admin-only', async () => {
    const reseller = await createProvider(t(), { type: 'reseller' });
    const sub = await t().http.get(`/api/providers/${reseller.id}/billing/subscription`, {
      token: reseller.admin.accessToken,
    });
    expect(sub.status).toBe(401);
    expect(sub.body.message).toBe('Unauthorized.');
    const p = await createProvider(t());
    const svc = await newUser(t(), 'Svc');
    await addMember(t(), p, svc, 1);
    expect((await t().http.get(`/api/providers/${p.id}/billing/invoices`, { token: svc.accessToken })).status).toBe(
      401,
    );
    expect(
      (await t().http.get(`/api/providers/${crypto.randomUUID()}/billing/subscription`, { token: svc.accessToken }))
        .status,
    ).toBe(404);
  });
});
