// Every policy form in the dialog, as a person fills it: a wrong value keeps the dialog open with the message under
// the field and nothing sent; right values are sent as data the contract (main's check) accepts.
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { policyDefinitions, policyUpdateInputSchema, type OrgPolicy } from '$shared/contract/clientOrg';
import PoliciesPanel from '../../../../../src-renderer/lib/clientOrg/policies/PoliciesPanel.svelte';
import { typesWithForms } from '../../../../../src-renderer/lib/clientOrg/policies/policyForms';
import { installFakeDesk } from '../../fakes/desk';

type Step = { fill: string; value: string } | { check: string } | { select: string; option: string };

interface Case {
  valid: Step[];
  /** A value the form refuses, and the message it shows; none for forms of switches and lists only. */
  invalid?: { step: Step; label: string; message: string };
  /** What the sent data holds after the valid steps. */
  sent: Record<string, unknown>;
}

const cases: Record<number, Case> = {
  1: {
    valid: [{ fill: 'Minimum length', value: '20' }, { check: 'Require special characters (!@#$%^&*)' }],
    invalid: {
      step: { fill: 'Minimum length', value: '200' },
      label: 'Minimum length',
      message: 'Enter a number from 12 to 128.',
    },
    sent: { minLength: 20, requireSpecial: true },
  },
  2: {
    valid: [
      { select: 'Generator type', option: 'password' },
      { fill: 'Minimum special characters', value: '2' },
    ],
    invalid: {
      step: { fill: 'Minimum length', value: '4' },
      label: 'Minimum length',
      message: 'Enter a number from 5 to 128.',
    },
    sent: { overridePasswordType: 'password', minSpecial: 2 },
  },
  7: { valid: [{ check: 'Always show the member’s email address to recipients' }], sent: { disableHideEmail: true } },
  8: { valid: [{ check: 'Enroll new members automatically' }], sent: { autoEnrollEnabled: true } },
  9: {
    valid: [
      { fill: 'Maximum timeout (minutes)', value: '60' },
      { select: 'Timeout action', option: 'logOut' },
    ],
    invalid: {
      step: { fill: 'Maximum timeout (minutes)', value: '' },
      label: 'Maximum timeout (minutes)',
      message: 'Enter maximum timeout (minutes).',
    },
    sent: { minutes: 60, action: 'logOut' },
  },
  12: {
    valid: [{ fill: 'Identity provider host', value: 'login.contoso.com' }],
    invalid: {
      step: { fill: 'Identity provider host', value: 'h'.repeat(1001) },
      label: 'Identity provider host',
      message: 'Use at most 1000 characters (now 1001).',
    },
    sent: { idpHost: 'login.contoso.com' },
  },
  16: { valid: [{ select: 'Default URI match detection', option: '3' }], sent: { uriMatchDetection: 3 } },
  20: {
    valid: [{ check: 'Show the banner' }, { fill: 'Banner text', value: 'Read the IT handbook.' }],
    invalid: { step: { check: 'Show the banner' }, label: 'Banner text', message: 'Enter the banner text.' },
    sent: { allowBanner: true, description: 'Read the IT handbook.' },
  },
  21: {
    valid: [
      { select: 'Who can open Sends', option: '2' },
      { fill: 'Allowed email domains', value: 'contoso.com' },
      { check: 'File' },
    ],
    invalid: {
      step: { fill: 'Delete Sends after (hours)', value: '1000' },
      label: 'Delete Sends after (hours)',
      message: 'Enter a number from 1 to 744.',
    },
    sent: { whoCanAccess: 2, allowedDomains: 'contoso.com', allowedSendTypes: [1] },
  },
  22: {
    valid: [{ fill: 'Rules address', value: 'https://rules.contoso.com/fill.json' }],
    invalid: {
      step: { fill: 'Rules address', value: 'http://rules.contoso.com/fill.json' },
      label: 'Rules address',
      message: 'Enter an https:// address.',
    },
    sent: { rulesUrl: 'https://rules.contoso.com/fill.json' },
  },
};

let org = 0;

/** Every policy enabled (so no Single organization step), saved without data. */
function openDialog(type: number) {
  const policies: OrgPolicy[] = policyDefinitions.map((d) => ({
    type: d.type,
    key: d.key,
    name: d.name,
    description: d.description,
    enabled: true,
    data: null,
    hasData: d.data !== null,
    dataInvalid: false,
    requiresSingleOrg: false,
    available: true,
    unavailableReason: null,
    canToggle: true,
  }));
  const desk = installFakeDesk({
    'org.policies.list': () => ({ usePolicies: true, policies }),
    'org.policies.update': (update) => ({
      policy: { ...policies.find((p) => p.type === update.type)!, data: (update.data ?? null) as OrgPolicy['data'] },
    }),
  });
  const input = { accountId: 'acc-1', organizationId: `0000000${++org}-4b1d-4c55-9d7a-1f2e3d4c5b6a`.slice(-36) };
  render(PoliciesPanel, { props: { input } });
  const name = policyDefinitions.find((d) => d.type === type)!.name;
  return { desk, name, input };
}

async function apply(dialog: HTMLElement, step: Step) {
  if ('fill' in step)
    await fireEvent.input(within(dialog).getByLabelText(step.fill), { target: { value: step.value } });
  else if ('check' in step) await fireEvent.click(within(dialog).getByLabelText(step.check));
  else await fireEvent.change(within(dialog).getByLabelText(step.select), { target: { value: step.option } });
}

async function edit(name: string) {
  const heading = await screen.findByRole('heading', { level: 2, name });
  await fireEvent.click(within(heading.closest('li')!).getByRole('button', { name: 'Edit' }));
  return screen.findByRole('dialog', { name });
}

describe('policy forms in the dialog', () => {
  it('covers every form', () => {
    expect(Object.keys(cases).map(Number)).toEqual([...typesWithForms]);
  });

  for (const type of typesWithForms) {
    const c = cases[type]!;

    it(`type ${type}: sends data main accepts`, async () => {
      const { desk, name, input } = openDialog(type);
      const dialog = await edit(name);
      for (const step of c.valid) await apply(dialog, step);
      await fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
      await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());

      const sent = desk.calls.find((call) => call.channel === 'org.policies.update')!.input as {
        data: Record<string, unknown>;
      };
      expect(sent).toMatchObject({ ...input, type, enabled: true });
      expect(sent.data).toMatchObject(c.sent);
      const parsed = policyUpdateInputSchema.safeParse(sent);
      expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
    });

    if (c.invalid) {
      const invalid = c.invalid;
      it(`type ${type}: refuses ${invalid.label.toLowerCase()} “${invalid.message}”`, async () => {
        const { desk, name } = openDialog(type);
        const dialog = await edit(name);
        await apply(dialog, invalid.step);
        await fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));

        const field = within(dialog).getByLabelText(invalid.label);
        await waitFor(() => expect(field.getAttribute('aria-invalid')).toBe('true'));
        const described = (field.getAttribute('aria-describedby') ?? '').split(' ');
        expect(described.map((id) => document.getElementById(id)?.textContent)).toContain(invalid.message);
        expect(desk.calls.some((call) => call.channel === 'org.policies.update')).toBe(false);
        expect(screen.getByRole('dialog')).toBeTruthy();
      });
    }
  }
});
