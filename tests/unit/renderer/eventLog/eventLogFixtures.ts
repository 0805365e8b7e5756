import type { ProviderEvent } from '$shared/contract/sync';
import { accountCache } from '$lib/cache/accountCache';
import { EventDirectory } from '$lib/eventLog/eventDirectory';

const DAY = 24 * 3600_000;

export const ava = { id: 'pu-ava', userId: 'user-ava', name: 'Ava Martin', email: 'ava@northwind.example' };
export const carla = { id: 'pu-carla', userId: 'user-carla', name: 'Carla Reyes', email: 'carla@northwind.example' };
export const contoso = { id: 'po-contoso', organizationId: 'org-contoso', name: 'Contoso' };
export const fabrikam = { id: 'po-fabrikam', organizationId: 'org-fabrikam', name: 'Fabrikam' };

export function directory(): EventDirectory {
  return new EventDirectory([ava, carla], [contoso, fabrikam]);
}

let counter = 0;
export function event(overrides: Partial<ProviderEvent> & { daysAgo?: number }): ProviderEvent {
  const { daysAgo = 1, ...rest } = overrides;
  counter += 1;
  return {
    key: `k${counter}`,
    type: 1800,
    date: new Date(Date.now() - daysAgo * DAY).toISOString(),
    actingUserId: ava.userId,
    userId: null,
    organizationId: null,
    organizationUserId: null,
    providerId: 'prov-1',
    providerUserId: carla.id,
    providerOrganizationId: null,
    cipherId: null,
    collectionId: null,
    groupId: null,
    policyId: null,
    deviceType: 9,
    ipAddress: '192.0.2.1',
    systemUser: null,
    ...rest,
  };
}

/** A provider log: invitations by Ava, client events by Carla, and one event too old for the default range. */
export function providerLog(): ProviderEvent[] {
  return [
    event({ type: 1800, daysAgo: 1 }),
    event({ type: 1801, daysAgo: 2 }),
    event({
      type: 1900,
      daysAgo: 3,
      actingUserId: carla.userId,
      providerUserId: null,
      providerOrganizationId: contoso.id,
    }),
    event({
      type: 1903,
      daysAgo: 4,
      actingUserId: carla.userId,
      providerUserId: null,
      providerOrganizationId: fabrikam.id,
    }),
    event({ type: 1901, daysAgo: 5, providerUserId: null, providerOrganizationId: fabrikam.id }),
    event({ type: 1802, daysAgo: 40 }),
  ];
}

export async function seed(accountId: string, scope: string, events: ProviderEvent[]): Promise<void> {
  await accountCache(accountId).events.bulkPut(events.map((e) => ({ ...e, scope })));
}
