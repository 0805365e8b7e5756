// The portal contract at the trust boundary: every input is checked before a service runs, and outputs carry
// display fields only, so a key, token or EncString a service slipped in is stripped before it leaves main.
import { describe, expect, it } from 'vitest';
import { channels, pushEvents, portalChannels } from '../../../../../src-shared/contract';
import type { Desk } from '../../../../../src-main/desk';
import { dispatch } from '../../../../../src-main/ipc/dispatch';

const pid = '0e54a6b7-cca2-4acb-85be-e27f76716752';
const id = '105dc0a9-4e4d-4230-b33b-39559898a79b';

describe('portal contract', () => {
  it('registers every portal channel in the contract', () => {
    for (const name of Object.keys(portalChannels)) expect(channels).toHaveProperty([name]);
    expect(pushEvents).toHaveProperty(['links.opened']);
  });

  it.each([
    ['clients.create', { providerId: pid, name: 'A', ownerEmail: 'a@b.co', planType: 17, seats: 1, key: '2.a|b|c' }],
    ['clients.create', { providerId: pid, name: 'A', ownerEmail: 'a@b', planType: 17, seats: 1 }],
    ['clients.create', { providerId: pid, name: 'A', ownerEmail: 'a@b.co', planType: 17, seats: 1_000_001 }],
    ['clients.updateSeats', { providerId: pid, providerOrganizationId: id, assignedSeats: -1 }],
    ['clients.updateSeats', { providerId: pid, providerOrganizationId: 'x', assignedSeats: 1 }],
    ['clients.unlink', { providerId: pid, providerOrganizationId: id, confirmName: ' ' }],
    ['clients.addExisting', { providerId: pid }],
    ['providerMembers.invite', { providerId: pid, emails: ['a@b.co'], type: 0, extra: 1 }],
    ['providerMembers.confirm', { providerId: pid, members: [] }],
    ['providerMembers.confirm', { providerId: pid, members: [{ id, fingerprint: 'not a phrase' }] }],
    ['providerMembers.confirm', { providerId: pid, members: Array(501).fill({ id }) }],
    ['providerMembers.remove', { providerId: pid, ids: Array(501).fill(id) }],
    ['providerMembers.changeRole', { providerId: pid, id, type: 3 }],
    ['billing.downloadInvoice', { providerId: pid, invoiceId: '../../etc' }],
    ['provider.updateDetails', { providerId: pid, name: 'Acme', billingEmail: 'x' }],
    ['links.parse', { url: 'x'.repeat(8193) }],
    ['links.setupProvider', { linkId: 'l', name: 'A', billingEmail: 'a@b.co', token: 'smuggled' }],
    ['queue.pending', { providerId: pid, invitedOlderThanDays: -1 }],
    ['queue.reinvite', { providerId: pid, items: [{ scope: 'client', id }] }],
    ['queue.confirm', { providerId: pid, items: [{ scope: 'elsewhere', id }] }],
  ] as const)('%s refuses %j', (channel, input) => {
    expect(channels[channel].input.safeParse(input).success).toBe(false);
  });

  it('normalizes what the renderer sends', () => {
    expect(
      channels['providerMembers.invite'].input.parse({
        providerId: pid.toUpperCase(),
        emails: ' A@Example.com, b@example.com ,a@example.com ',
        type: 1,
      }),
    ).toEqual({ providerId: pid, emails: ['a@example.com', 'b@example.com'], type: 1 });
    expect(channels['queue.pending'].input.parse({ providerId: pid })).toEqual({
      providerId: pid,
      invitedOlderThanDays: 5,
    });
    expect(channels['links.takeOpened'].input.safeParse(undefined).success).toBe(true);
    expect(
      channels['providerMembers.confirm'].input.parse({
        providerId: pid,
        members: [{ id, fingerprint: ' Drop-Down-abacus-t-shirt-yo-yo-zoom ' }],
      }).members[0]?.fingerprint,
    ).toBe('drop-down-abacus-t-shirt-yo-yo-zoom');
  });

  it('strips key material a service might add to an answer', async () => {
    const client = {
      id,
      organizationId: pid,
      name: 'Contoso',
      seats: 5,
      occupiedSeats: 1,
      remainingSeats: 4,
      plan: 'Teams (Monthly)',
      key: '2.a|b|c',
    };
    const desk = {
      handlers: { 'clients.rename': () => ({ client, orgKey: 'raw', token: 'tok' }) },
    } as unknown as Desk;
    const envelope = await dispatch(desk, 'clients.rename', {
      providerId: pid,
      providerOrganizationId: id,
      name: 'Contoso',
    });
    expect(envelope.ok).toBe(true);
    expect(JSON.stringify(envelope)).not.toMatch(/2\.a\|b\|c|raw|tok/);
  });

  it('refuses a bad input before the service runs', async () => {
    let ran = false;
    const desk = {
      handlers: {
        'clients.unlink': () => {
          ran = true;
          return {};
        },
      },
    } as unknown as Desk;
    const envelope = await dispatch(desk, 'clients.unlink', { providerId: pid, providerOrganizationId: id });
    expect(envelope).toMatchObject({ ok: false, error: { code: 'validation' } });
    expect(ran).toBe(false);
  });
});
