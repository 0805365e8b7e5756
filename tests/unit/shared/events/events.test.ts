import { describe, expect, it } from 'vitest';
import { eventApp } from '../../../../src-shared/events/deviceTypes';
import {
  eventCsvColumns,
  eventCsvColumnsFor,
  eventCsvRow,
  eventExportFileName,
} from '../../../../src-shared/events/eventCsv';
import { describeType, eventMessage, shortId } from '../../../../src-shared/events/eventMessages';
import { eventTypeGroups, eventTypeName, providerEventTypes } from '../../../../src-shared/events/eventTypes';

const base = {
  type: 1800,
  date: '2026-11-20T10:15:30.000Z',
  actingUserId: 'a1a1a1a1-0000-4000-8000-000000000001',
  providerUserId: 'b2b2b2b2-0000-4000-8000-000000000002',
  providerOrganizationId: 'c3c3c3c3-0000-4000-8000-000000000003',
  organizationId: null,
  organizationUserId: null,
  cipherId: null,
  collectionId: null,
  groupId: null,
  policyId: null,
  deviceType: 9,
  ipAddress: '192.0.2.10',
};

describe('event types', () => {
  it('names types as Bitwarden does, and numbers it does not know as themselves', () => {
    expect(eventTypeName(1800)).toBe('ProviderUser_Invited');
    expect(eventTypeName(1903)).toBe('ProviderOrganization_VaultAccessed');
    expect(eventTypeName(1603)).toBe('Organization_VaultAccessed');
    expect(eventTypeName(9999)).toBe('9999');
    expect(providerEventTypes).toEqual([1800, 1801, 1802, 1803, 1900, 1901, 1902, 1903]);
  });

  it('lists the provider log types first, and only org types for a client log', () => {
    const provider = eventTypeGroups('provider');
    expect(provider.slice(0, 2)).toEqual([
      { label: 'Provider members', types: [1800, 1801, 1802, 1803] },
      { label: 'Provider clients', types: [1900, 1901, 1902, 1903] },
    ]);
    expect(provider.flatMap((g) => g.types)).toContain(1500);
    const org = eventTypeGroups('org');
    expect(org.flatMap((g) => g.types)).toContain(1603);
    expect(org.flatMap((g) => g.types)).not.toContain(1800);
    expect(org.find((g) => g.label === 'Members')?.types[0]).toBe(1500);
  });
});

describe('event messages', () => {
  it('uses short ids by default, and names when the list knows them', () => {
    expect(shortId(base.providerUserId)).toBe('b2b2b2b2');
    expect(eventMessage(base)).toBe('Invited user b2b2b2b2.');
    expect(eventMessage({ ...base, type: 1903 })).toBe('Accessed c3c3c3c3 organization vault.');
    expect(eventMessage({ ...base, type: 1901 }, (subject) => (subject === 'providerOrg' ? 'Contoso' : null))).toBe(
      'Added organization Contoso.',
    );
    expect(eventMessage({ ...base, type: 1802 }, () => undefined)).toBe('Edited user b2b2b2b2.');
  });

  it('words org events and falls back to the type name for the rest', () => {
    expect(eventMessage({ ...base, type: 1500, organizationUserId: 'd4d4d4d4-1' })).toBe('Invited user d4d4d4d4.');
    expect(eventMessage({ ...base, type: 1603 })).toBe('Organization vault accessed by a managing provider.');
    expect(eventMessage({ ...base, type: 2503 })).toBe('Send created file.');
    expect(describeType(4242)).toBe('Event 4242.');
  });
});

describe('CSV export', () => {
  it('has the web vault columns in its order', () => {
    expect(eventCsvColumns.join(',')).toBe(
      'message,appIcon,appName,userId,userName,userEmail,date,ip,type,installationId',
    );
  });

  it("adds the provider log's Client column last; a client's own log has none", () => {
    expect(eventCsvColumnsFor('provider')).toEqual([...eventCsvColumns, 'client']);
    expect(eventCsvColumnsFor('org')).toEqual(eventCsvColumns);
    expect(eventCsvRow(base, null).client).toBe('');
  });

  it('writes one row with the plain message, app, user, date, ip and type name', () => {
    const row = eventCsvRow(base, { name: 'Ava Martin', email: 'ava@example.com' }, 'Contoso');
    expect(row).toEqual({
      message: 'Invited user b2b2b2b2.',
      appIcon: 'bwi-globe',
      appName: 'Web vault - Chrome',
      userId: base.actingUserId,
      userName: 'Ava Martin',
      userEmail: 'ava@example.com',
      date: base.date,
      ip: '192.0.2.10',
      type: 'ProviderUser_Invited',
      installationId: '',
      client: 'Contoso',
    });
    expect(eventCsvRow({ ...base, deviceType: null, ipAddress: null }, null)).toMatchObject({
      appName: 'Unknown',
      userName: 'unknown',
      userEmail: '',
      ip: '',
    });
    expect(eventApp(25)).toEqual({ icon: 'bwi-cli', name: 'CLI - Linux' });
  });

  it('names the file after the web vault, in local time', () => {
    const at = new Date(2026, 10, 7, 9, 5, 3);
    expect(eventExportFileName('provider', at)).toBe('bitwarden_provider-events_export_20261107090503.csv');
    expect(eventExportFileName('org', at)).toBe('bitwarden_org-events_export_20261107090503.csv');
  });
});
