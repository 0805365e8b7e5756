import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { policyDefinitions, type OrgPolicy } from '$shared/contract/clientOrg';
import PoliciesPanel from '../../../../../src-renderer/lib/clientOrg/policies/PoliciesPanel.svelte';
import { deferred, installFakeDesk } from '../../fakes/desk';

const input = { accountId: 'acc-1', organizationId: '6f1c2a8e-4b1d-4c55-9d7a-1f2e3d4c5b6a' };
let orgCounter = 0;

function policies(overrides: Partial<Record<number, Partial<OrgPolicy>>> = {}): OrgPolicy[] {
  return policyDefinitions.map((d) => ({
    type: d.type,
    key: d.key,
    name: d.name,
    description: d.description,
    enabled: false,
    data: null,
    hasData: d.data !== null,
    dataInvalid: false,
    requiresSingleOrg: 'requiresSingleOrg' in d ? !!d.requiresSingleOrg : false,
    available: true,
    unavailableReason: null,
    canToggle: true,
    ...overrides[d.type],
  }));
}

/** A fake main that keeps policies like the server would. */
function renderPanel(initial = policies()) {
  const stored = initial.map((p) => ({ ...p }));
  const desk = installFakeDesk({
    'org.policies.list': () => ({ usePolicies: true, policies: stored.map((p) => ({ ...p })) }),
    'org.policies.update': (update) => {
      const index = stored.findIndex((p) => p.type === update.type);
      stored[index] = { ...stored[index]!, enabled: update.enabled, data: (update.data ?? null) as OrgPolicy['data'] };
      return { policy: { ...stored[index]! } };
    },
  });
  // A fresh org per render: the panel remembers lists per account and org.
  const props = {
    input: { ...input, organizationId: `${input.organizationId.slice(0, -2)}${String(++orgCounter).padStart(2, '0')}` },
  };
  render(PoliciesPanel, { props });
  return { desk, stored, props };
}

function row(name: string) {
  return screen.getByRole('heading', { level: 2, name }).closest('li') as HTMLElement;
}

describe('PoliciesPanel', () => {
  it('shows a loading state, then every policy with its state', async () => {
    const pending = deferred<{ usePolicies: boolean; policies: OrgPolicy[] }>();
    installFakeDesk({ 'org.policies.list': () => pending.promise });
    render(PoliciesPanel, { props: { input } });
    expect(screen.getByText('Loading policies…')).toBeTruthy();

    pending.resolve({ usePolicies: true, policies: policies({ 3: { enabled: true } }) });
    await screen.findByRole('list', { name: 'Policies' });
    expect(screen.getAllByRole('listitem')).toHaveLength(policyDefinitions.length);
    expect(within(row('Single organization')).getByText('Enabled')).toBeTruthy();
    expect(within(row('Master password requirements')).getByText('Off')).toBeTruthy();
  });

  it('enables master password requirements with a minimum length of 14 and shows the summary', async () => {
    const { desk } = renderPanel();
    await screen.findByRole('list', { name: 'Policies' });
    await fireEvent.click(within(row('Master password requirements')).getByRole('button', { name: 'Edit' }));

    const dialog = await screen.findByRole('dialog', { name: 'Master password requirements' });
    await fireEvent.click(within(dialog).getByLabelText('Turn on this policy'));
    await fireEvent.input(within(dialog).getByLabelText('Minimum length'), { target: { value: '14' } });
    await fireEvent.click(within(dialog).getByLabelText('Require numbers (0-9)'));
    await fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));

    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    const update = desk.calls.find((c) => c.channel === 'org.policies.update')!.input as any;
    expect(update).toMatchObject({ type: 1, enabled: true, data: { minLength: 14, requireNumbers: true } });
    expect(within(row('Master password requirements')).getByText('Enabled')).toBeTruthy();
    expect(within(row('Master password requirements')).getByTestId('policy-summary').textContent).toContain(
      'Minimum length 14',
    );
  });

  it('keeps the dialog open with the error under the field when the data is invalid', async () => {
    const { desk } = renderPanel();
    await screen.findByRole('list', { name: 'Policies' });
    await fireEvent.click(within(row('Master password requirements')).getByRole('button', { name: 'Edit' }));
    const dialog = await screen.findByRole('dialog');
    const length = within(dialog).getByLabelText<HTMLInputElement>('Minimum length');
    await fireEvent.input(length, { target: { value: '8' } });
    await fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));

    await waitFor(() => expect(length.getAttribute('aria-invalid')).toBe('true'));
    expect(within(dialog).getByText('Enter a number from 12 to 128.')).toBeTruthy();
    expect(document.activeElement).toBe(length);
    expect(desk.calls.some((c) => c.channel === 'org.policies.update')).toBe(false);
  });

  it('asks for Single organization before a policy that needs it', async () => {
    const { desk } = renderPanel();
    await screen.findByRole('list', { name: 'Policies' });
    await fireEvent.click(within(row('Vault timeout')).getByRole('button', { name: 'Edit' }));
    const dialog = await screen.findByRole('dialog');
    await fireEvent.click(within(dialog).getByLabelText('Turn on this policy'));
    await fireEvent.input(within(dialog).getByLabelText('Maximum timeout (minutes)'), { target: { value: '60' } });
    await fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));

    expect((await within(dialog).findByRole('alert')).textContent).toContain(
      'Turn on the Single organization policy first: Vault timeout needs it.',
    );
    expect(desk.calls.some((c) => c.channel === 'org.policies.update')).toBe(false);
  });

  it('turns a switch-only policy on without data', async () => {
    const { desk } = renderPanel();
    await screen.findByRole('list', { name: 'Policies' });
    await fireEvent.click(within(row('Single organization')).getByRole('button', { name: 'Turn on…' }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).queryByRole('group', { name: 'Settings' })).toBeNull();
    await fireEvent.click(within(dialog).getByLabelText('Turn on this policy'));
    await fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));

    await waitFor(() => expect(within(row('Single organization')).getByText('Enabled')).toBeTruthy());
    const update = desk.calls.find((c) => c.channel === 'org.policies.update')!.input as any;
    expect(update).toMatchObject({ type: 3, enabled: true });
    expect(update).not.toHaveProperty('data');
  });

  it('shows the server’s refusal in the dialog', async () => {
    installFakeDesk({
      'org.policies.list': () => ({ usePolicies: true, policies: policies() }),
      'org.policies.update': () => {
        throw new Error(
          '[server] Turn on the Single organization policy because it is required for the Require SSO policy.',
        );
      },
    });
    render(PoliciesPanel, { props: { input: { ...input, organizationId: 'a1c2a8e0-4b1d-4c55-9d7a-1f2e3d4c5b6a' } } });
    await screen.findByRole('list', { name: 'Policies' });
    await fireEvent.click(within(row('Remove Send')).getByRole('button', { name: 'Turn on…' }));
    const dialog = await screen.findByRole('dialog');
    await fireEvent.click(within(dialog).getByLabelText('Turn on this policy'));
    await fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect((await within(dialog).findByRole('alert')).textContent).toContain('required for the Require SSO policy');
  });

  it('locks the switch of a policy the plan does not allow, and says why', async () => {
    renderPanel(policies({ 4: { available: false, unavailableReason: 'This policy needs single sign-on.' } }));
    await screen.findByRole('list', { name: 'Policies' });
    expect(
      within(row('Require single sign-on authentication')).getByText('This policy needs single sign-on.'),
    ).toBeTruthy();
    await fireEvent.click(
      within(row('Require single sign-on authentication')).getByRole('button', { name: 'Turn on…' }),
    );
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByLabelText<HTMLInputElement>('Turn on this policy').disabled).toBe(true);
  });

  it('filters by search text and state', async () => {
    renderPanel(policies({ 3: { enabled: true } }));
    await screen.findByRole('list', { name: 'Policies' });
    await fireEvent.input(screen.getByLabelText('Search policies'), { target: { value: 'send' } });
    const names = screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent);
    expect(names).toEqual(['Remove Send', 'Send options', 'Send controls']);

    await fireEvent.input(screen.getByLabelText('Search policies'), { target: { value: '' } });
    await fireEvent.change(screen.getByLabelText('Show'), { target: { value: 'enabled' } });
    expect(screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent)).toEqual(['Single organization']);
  });

  it('offers a retry when the list cannot be read', async () => {
    let fail = true;
    installFakeDesk({
      'org.policies.list': () => {
        if (fail) throw new Error('[offline] The server cannot be reached.');
        return { usePolicies: true, policies: policies() };
      },
    });
    render(PoliciesPanel, { props: { input: { ...input, organizationId: 'b1c2a8e0-4b1d-4c55-9d7a-1f2e3d4c5b6a' } } });
    expect((await screen.findByRole('alert')).textContent).toContain('The server cannot be reached.');
    fail = false;
    await fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    await screen.findByRole('list', { name: 'Policies' });
  });

  it('says when the plan has no policies', async () => {
    installFakeDesk({
      'org.policies.list': () => ({
        usePolicies: false,
        policies: policies({ 1: { available: false, unavailableReason: 'Policies need an Enterprise plan.' } }),
      }),
    });
    render(PoliciesPanel, { props: { input: { ...input, organizationId: 'c1c2a8e0-4b1d-4c55-9d7a-1f2e3d4c5b6a' } } });
    expect(await screen.findByText(/plan does not include policies/)).toBeTruthy();
    expect(within(row('Master password requirements')).getByText('Policies need an Enterprise plan.')).toBeTruthy();
  });
});
