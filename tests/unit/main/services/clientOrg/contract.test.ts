// The client-org contract at the trust boundary: inputs checked (bad input is `validation` before any service
// runs), outputs reduced to display fields, access levels mapped to the wire and back.
import { describe, expect, it } from 'vitest';
import { channels, pushEvents } from '../../../../../src-shared/contract';
import { dispatch } from '../../../../../src-main/ipc/dispatch';
import type { Desk } from '../../../../../src-main/desk';
import { accessLevel, toSelection } from '../../../../../src-main/services/clientOrg/access';

const ORG = '0f0e0d0c-0b0a-4908-8706-050403020100';
const ID = '1f0e0d0c-0b0a-4908-8706-050403020100';
const emails = (n: number) => Array.from({ length: n }, (_, i) => `m${i}@example.com`);

describe('org.* inputs', () => {
  it.each([
    ['org.members.invite', { organizationId: ORG, emails: emails(21), role: 'user' }],
    ['org.members.invite', { organizationId: ORG, emails: [], role: 'user' }],
    ['org.members.invite', { organizationId: ORG, emails: ['a@example.com', 'A@example.com '], role: 'user' }],
    ['org.members.invite', { organizationId: ORG, emails: ['not-an-email'], role: 'user' }],
    [
      'org.members.invite',
      { organizationId: ORG, emails: ['a@example.com'], role: 'user', permissions: { manageUsers: true } },
    ],
    ['org.members.invite', { organizationId: ORG, emails: ['a@example.com'], role: 'manager' }],
    ['org.members.invite', { organizationId: 'nope', emails: ['a@example.com'], role: 'user' }],
    ['org.members.revoke', { organizationId: ORG, ids: [] }],
    ['org.members.confirm', { organizationId: ORG, members: [{ id: ID, fingerprint: 'one two' }] }],
    [
      'org.members.update',
      { organizationId: ORG, id: ID, role: 'user', collections: [{ id: ORG, access: 'canRead' }], groups: [] },
    ],
    ['org.groups.create', { organizationId: ORG, name: 'x'.repeat(101) }],
    [
      'org.groups.create',
      {
        organizationId: ORG,
        name: 'G',
        collections: [
          { id: ID, access: 'canView' },
          { id: ID, access: 'canEdit' },
        ],
      },
    ],
    ['org.collections.create', { organizationId: ORG, name: '   ' }],
    ['org.collections.create', { organizationId: ORG, name: 'A//B' }],
    ['org.import.preview', { organizationId: ORG, format: 'onepassword', text: 'x' }],
    ['org.import.preview', { organizationId: ORG, format: 'lastpassCsv', text: '' }],
    ['org.license.download', { organizationId: ORG, installationId: 'abc' }],
  ] as const)('%s refuses %j', async (channel, input) => {
    const desk = { handlers: { [channel]: () => ({}) } } as unknown as Desk;
    const envelope = await dispatch(desk, channel, input);
    expect(envelope).toMatchObject({ ok: false, error: { code: 'validation' } });
  });

  it('normalizes what it accepts', () => {
    const parsed = channels['org.members.invite'].input.parse({
      organizationId: ORG.toUpperCase(),
      emails: [' Pat@Example.com'],
      role: 'custom',
      permissions: { manageGroups: true },
      collections: [{ id: ID, access: 'canManage' }],
    });
    expect(parsed).toMatchObject({
      organizationId: ORG,
      emails: ['pat@example.com'],
      groups: [],
      collections: [{ id: ID }],
    });
    expect(parsed.permissions).toMatchObject({ manageGroups: true, manageUsers: false });
  });
});

describe('org.* outputs', () => {
  it('drop anything but display fields', async () => {
    const collection = {
      id: ID,
      name: 'Engineering',
      path: ['Engineering'],
      parentId: null,
      externalId: null,
      kind: 'shared',
      defaultUserEmail: null,
      groups: [],
      members: [],
      unmanaged: true,
    };
    const desk = {
      handlers: {
        'org.collections.list': () => ({
          collections: [{ ...collection, encryptedName: '2.a|b|c' }],
          accessIncluded: true,
          orgKey: 'k',
        }),
      },
    } as unknown as Desk;
    const envelope = await dispatch(desk, 'org.collections.list', { organizationId: ORG });
    expect(envelope).toEqual({ ok: true, result: { collections: [collection], accessIncluded: true } });
  });

  it('declare the import progress push event', () => {
    expect(Object.keys(pushEvents)).toContain('org.import.progress');
  });
});

describe('collection access levels', () => {
  it.each([
    ['canView', { readOnly: true, hidePasswords: false, manage: false }],
    ['canViewExceptPasswords', { readOnly: true, hidePasswords: true, manage: false }],
    ['canEdit', { readOnly: false, hidePasswords: false, manage: false }],
    ['canEditExceptPasswords', { readOnly: false, hidePasswords: true, manage: false }],
    ['canManage', { readOnly: false, hidePasswords: false, manage: true }],
  ] as const)('%s ↔ %j', (access, wire) => {
    expect(toSelection({ id: ID, access })).toEqual({ id: ID, ...wire });
    expect(accessLevel(wire)).toBe(access);
  });

  it('reads manage as canManage whatever else is set', () => {
    expect(accessLevel({ readOnly: true, hidePasswords: true, manage: true })).toBe('canManage');
  });
});
