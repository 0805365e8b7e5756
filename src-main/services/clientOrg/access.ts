/** Collection access levels (contract) ↔ the wire's `{ readOnly, hidePasswords, manage }` (bitwarden-api.md §7.5). */
import type { AccessGrant, AccessLevel } from '../../../src-shared/contract/clientOrg';
import type { WireSelection } from '../../bitwarden/orgAdminSchemas';

const WIRE: Record<AccessLevel, Omit<WireSelection, 'id'>> = {
  canView: { readOnly: true, hidePasswords: false, manage: false },
  canViewExceptPasswords: { readOnly: true, hidePasswords: true, manage: false },
  canEdit: { readOnly: false, hidePasswords: false, manage: false },
  canEditExceptPasswords: { readOnly: false, hidePasswords: true, manage: false },
  canManage: { readOnly: false, hidePasswords: false, manage: true },
};

export function toSelection(grant: AccessGrant): WireSelection {
  return { id: grant.id, ...WIRE[grant.access] };
}

export const toSelections = (grants: AccessGrant[]): WireSelection[] => grants.map(toSelection);

/** As the web client reads it: manage wins, then read-only, then hidden passwords. */
export function accessLevel(s: Omit<WireSelection, 'id'>): AccessLevel {
  if (s.manage) return 'canManage';
  if (s.readOnly) return s.hidePasswords ? 'canViewExceptPasswords' : 'canView';
  return s.hidePasswords ? 'canEditExceptPasswords' : 'canEdit';
}

export function fromSelections(list: WireSelection[]): { id: string; access: AccessLevel }[] {
  return list.map((s) => ({ id: s.id.toLowerCase(), access: accessLevel(s) }));
}
