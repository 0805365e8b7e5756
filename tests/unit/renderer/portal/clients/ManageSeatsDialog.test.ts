import 'fake-indexeddb/auto';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import type { ChannelInput } from '$shared/contract';
import { seatEffect, type PlanSeats } from '$shared/contract/portal/seats';
import ManageSeatsDialog from '../../../../../src-renderer/lib/portal/clients/ManageSeatsDialog.svelte';
import { toast } from '../../../../../src-renderer/lib/toasts.svelte';
import { deferred, installFakeDesk } from '../../fakes/desk';
import { client, PROVIDER, signIn, signOut } from './clientFixtures';

afterEach(async () => {
  toast.clear();
  await signOut();
});

const acme = client('Acme Corp', { seats: 10, occupiedSeats: 4, remainingSeats: 6 });
const plan: PlanSeats = {
  planName: 'Teams (Monthly)',
  seatMinimum: 100,
  purchasedSeats: 0,
  assignedSeats: 97,
  cost: 400,
  cadence: 'Monthly',
};

/** Main's preview, worked out by the same shared rules as the real service. */
function preview(role: 0 | 1, input: ChannelInput<'clients.previewSeats'>) {
  const effect = seatEffect({
    role,
    occupiedSeats: 4,
    currentSeats: 10,
    newSeats: input.assignedSeats,
    plan,
    discountPercentage: null,
  });
  return { client: { ...acme, seats: input.assignedSeats }, effect };
}

async function openDialog(role: 0 | 1 = 0) {
  signIn(role);
  const desk = installFakeDesk({
    'clients.previewSeats': (input) => preview(role, input),
    'clients.updateSeats': (input) => preview(role, input),
  });
  render(ManageSeatsDialog, { client: acme, open: true, previewDelay: 0 });
  const dialog = await screen.findByRole('dialog', { name: 'Manage seats: Acme Corp' });
  const seats = within(dialog).getByLabelText<HTMLInputElement>('Assigned seats');
  const save = within(dialog).getByRole('button', { name: 'Save seats' });
  const effect = within(dialog).getByRole('region', { name: 'Billing effect' });
  return { desk, dialog, seats, save, effect };
}

describe('Manage seats dialog', () => {
  it('shows nothing of the previous number while the effect of the new one is calculated', async () => {
    signIn(0);
    const gates: ReturnType<typeof deferred<void>>[] = [];
    installFakeDesk({
      'clients.previewSeats': async (input) => {
        const gate = deferred<void>();
        gates.push(gate);
        await gate.promise;
        return preview(0, input);
      },
    });
    render(ManageSeatsDialog, { client: acme, open: true, previewDelay: 0 });
    const dialog = await screen.findByRole('dialog', { name: 'Manage seats: Acme Corp' });
    const seats = within(dialog).getByLabelText<HTMLInputElement>('Assigned seats');
    const effect = within(dialog).getByRole('region', { name: 'Billing effect' });
    await waitFor(() => expect(gates).toHaveLength(1));
    gates[0]!.resolve();
    await waitFor(() => expect(effect.textContent).toContain('Assigned seats stay at 10.'));

    await fireEvent.input(seats, { target: { value: '20' } });
    // At once, and until the answer for 20 arrives: "calculating", not the effect of 10.
    expect(effect.textContent).toContain('Calculating the effect…');
    expect(effect.textContent).not.toContain('Assigned seats stay at 10.');
    await waitFor(() => expect(gates).toHaveLength(2));
    expect(effect.textContent).toContain('Calculating the effect…');
    expect(effect.getAttribute('aria-busy')).toBe('true');
    gates[1]!.resolve();
    await waitFor(() => expect(effect.textContent).toContain('Assigned seats: 10 → 20 (+10).'));
    expect(effect.textContent).not.toContain('Calculating');
  });

  it('starts at the current seats, with Save off until the number changes', async () => {
    const { seats, save, effect } = await openDialog();
    expect(seats.value).toBe('10');
    await waitFor(() => expect(effect.textContent).toContain('Assigned seats stay at 10.'));
    expect((save as HTMLButtonElement).disabled).toBe(true);
  });

  it('shows the billing effect before saving, then saves and says so', async () => {
    const { desk, seats, save, effect } = await openDialog();
    await fireEvent.input(seats, { target: { value: '15' } });
    await waitFor(() => expect(effect.textContent).toContain('Assigned seats: 10 → 15 (+5).'));
    // 3 unassigned seats left under the minimum: 2 more are bought, at $4.00 each.
    expect(effect.textContent).toContain('Unassigned provider seats: 3 → 0.');
    expect(effect.textContent).toContain('Additional seats purchased: 2 seats, +$8.00 per month.');
    expect((save as HTMLButtonElement).disabled).toBe(false);
    expect(desk.calls.filter((c) => c.channel === 'clients.updateSeats')).toEqual([]);

    await fireEvent.click(save);
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(desk.calls.find((c) => c.channel === 'clients.updateSeats')?.input).toEqual({
      accountId: 'acct-ava',
      providerId: PROVIDER,
      providerOrganizationId: acme.id,
      assignedSeats: 15,
    });
    expect(toast.items.map((t) => t.message)).toEqual(['Acme Corp now has 15 assigned seats']);
  });

  it('refuses fewer seats than are in use without asking main', async () => {
    const { desk, dialog, seats, save } = await openDialog();
    await waitFor(() => expect(desk.calls).toHaveLength(1));
    await fireEvent.input(seats, { target: { value: '3' } });
    expect(dialog.textContent).toContain('Assign at least 4 seats: that many are in use');
    expect(seats.getAttribute('aria-invalid')).toBe('true');
    expect((save as HTMLButtonElement).disabled).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(desk.calls).toHaveLength(1);
  });

  it('holds a service user to the unassigned seats and hides the billing lines', async () => {
    const { seats, save, effect } = await openDialog(1);
    await fireEvent.input(seats, { target: { value: '12' } });
    await waitFor(() => expect(effect.textContent).toContain('Assigned seats: 10 → 12 (+2).'));
    expect(effect.textContent).not.toContain('purchased');
    expect((save as HTMLButtonElement).disabled).toBe(false);

    await fireEvent.input(seats, { target: { value: '14' } });
    await waitFor(() => expect(effect.textContent).toContain('Not allowed: Only 3 unassigned seats are available.'));
    expect(effect.textContent).toContain('Contact your provider admin for additional seats.');
    expect((save as HTMLButtonElement).disabled).toBe(true);
  });
});
