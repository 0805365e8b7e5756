import 'fake-indexeddb/auto';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import { clientList, scopeKeyOf } from '../../../../../src-renderer/lib/portal/clients/clientList.svelte';
import NewClientDialog from '../../../../../src-renderer/lib/portal/clients/NewClientDialog.svelte';
import { toast } from '../../../../../src-renderer/lib/toasts.svelte';
import { installFakeDesk, type FakeDesk } from '../../fakes/desk';
import { ACCOUNT, client, PROVIDER, seatEffectOf, signIn, signOut, subscription } from './clientFixtures';

afterEach(async () => {
  toast.clear();
  clientList.update(null, [], true);
  await signOut();
});

function fakeDesk(fail?: string): FakeDesk {
  return installFakeDesk({
    'billing.subscription': () => subscription({ discountPercentage: 25 }),
    'clients.create': (input) => {
      if (fail) throw new Error(`[conflict] ${fail}`);
      return {
        client: null,
        ownerEmail: input.ownerEmail.toLowerCase(),
        effect: seatEffectOf({ currentSeats: 0, newSeats: input.seats, change: input.seats }),
      };
    },
  });
}

async function openDialog(fail?: string) {
  signIn(0);
  const desk = fakeDesk(fail);
  const result = render(NewClientDialog, { open: true });
  const dialog = await screen.findByRole('dialog', { name: 'New client organization' });
  await waitFor(() => expect(within(dialog).getAllByRole('radio')).toHaveLength(2));
  return { desk, dialog, ...result };
}

const field = (dialog: HTMLElement, label: string) => within(dialog).getByLabelText<HTMLInputElement>(label);
const create = (dialog: HTMLElement) => within(dialog).getByRole('button', { name: 'Create client' });

describe('New client dialog', () => {
  it("offers the provider's Teams and Enterprise plans with the discounted price, the first chosen", async () => {
    const { dialog } = await openDialog();
    const [teams, enterprise] = within(dialog).getAllByRole<HTMLInputElement>('radio');
    expect(teams!.checked).toBe(true);
    expect(enterprise!.checked).toBe(false);
    // $400 for 100 seats, 25 % off: $3.00 per member per month.
    expect(teams!.closest('label')?.textContent).toContain('$3.00 per member per month');
    expect(dialog.textContent).toContain('25% provider discount');
  });

  it('checks every field before sending and focuses the first one in error', async () => {
    const { dialog, desk } = await openDialog();
    await fireEvent.input(field(dialog, 'Seats'), { target: { value: '0' } });
    await fireEvent.click(create(dialog));
    await waitFor(() => expect(document.activeElement).toBe(field(dialog, 'Organization name')));
    expect(dialog.textContent).toContain('Enter the client organization name');
    expect(dialog.textContent).toContain('Enter the email address of the client’s owner');
    expect(dialog.textContent).toContain('Assign at least 1 seat');

    await fireEvent.input(field(dialog, 'Organization name'), { target: { value: 'x'.repeat(51) } });
    await fireEvent.input(field(dialog, 'Owner email'), { target: { value: 'not an email' } });
    await fireEvent.input(field(dialog, 'Seats'), { target: { value: '2.5' } });
    expect(dialog.textContent).toContain('The name has at most 50 characters');
    expect(dialog.textContent).toContain('Enter a valid email address');
    expect(dialog.textContent).toContain('Seats are a whole number');
    expect(field(dialog, 'Owner email').getAttribute('aria-invalid')).toBe('true');
    expect(desk.calls.some((call) => call.channel === 'clients.create')).toBe(false);
  });

  it("refuses an existing client's name (trimmed, any case) before sending", async () => {
    const { dialog, desk } = await openDialog();
    clientList.update(scopeKeyOf({ accountId: ACCOUNT, providerId: PROVIDER }), [client('Acme Corp')], false);
    await fireEvent.input(field(dialog, 'Organization name'), { target: { value: ' acme corp  ' } });
    await fireEvent.input(field(dialog, 'Owner email'), { target: { value: 'owner@acme.example' } });
    await fireEvent.input(field(dialog, 'Seats'), { target: { value: '3' } });
    await fireEvent.click(create(dialog));
    await waitFor(() => expect(document.activeElement).toBe(field(dialog, 'Organization name')));
    expect(dialog.textContent).toContain('Another client is already named “Acme Corp”');
    expect(desk.calls.some((call) => call.channel === 'clients.create')).toBe(false);
  });

  it('shows what the seats do to the provider before creating, then creates and says so', async () => {
    const { dialog, desk } = await openDialog();
    await fireEvent.input(field(dialog, 'Organization name'), { target: { value: '  Acme Corp ' } });
    await fireEvent.input(field(dialog, 'Owner email'), { target: { value: 'Owner@Acme.example' } });
    await fireEvent.input(field(dialog, 'Seats'), { target: { value: '8' } });
    // 5 unassigned of the seat minimum: 8 seats use them and buy 3 more at $3.00.
    const hints = within(dialog).getByRole('list', { name: "Effect on your provider's seats" });
    expect(hints.textContent).toContain('Unassigned provider seats: 5 → 0.');
    expect(hints.textContent).toContain('Additional seats purchased: 3 seats, +$9.00 per month.');

    await fireEvent.click(within(dialog).getAllByRole('radio')[1]!);
    await fireEvent.click(create(dialog));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(desk.calls.find((call) => call.channel === 'clients.create')?.input).toEqual({
      accountId: 'acct-ava',
      providerId: PROVIDER,
      name: 'Acme Corp',
      ownerEmail: 'Owner@Acme.example',
      planType: 19,
      seats: 8,
    });
    expect(toast.items.map((t) => t.message)).toEqual([
      'Created Acme Corp. owner@acme.example was invited to be its owner.',
    ]);
  });

  it('keeps the dialog and the entries when the server refuses', async () => {
    const { dialog } = await openDialog('An organization with that name exists');
    await fireEvent.input(field(dialog, 'Organization name'), { target: { value: 'Acme Corp' } });
    await fireEvent.input(field(dialog, 'Owner email'), { target: { value: 'owner@acme.example' } });
    await fireEvent.click(create(dialog));
    expect((await within(dialog).findByRole('alert')).textContent).toContain('An organization with that name exists');
    expect(field(dialog, 'Organization name').value).toBe('Acme Corp');
  });
});
