import type { AccountSummary, SessionState } from '$shared/contract/session';

export function account(overrides: Partial<AccountSummary> = {}): AccountSummary {
  return {
    id: 'acct-ava',
    email: 'ava@example.com',
    name: 'Ava Technician',
    server: { kind: 'selfHosted', label: 'vault.example.com', url: 'https://vault.example.com' },
    status: 'unlocked',
    needsLogin: false,
    online: true,
    signInMethod: 'password',
    ...overrides,
  };
}

export function sessionState(accounts: AccountSummary[], activeAccountId = accounts[0]?.id ?? null): SessionState {
  return {
    accounts,
    activeAccountId,
    secretStorage: { persistent: true, backend: 'keychain', message: null },
  };
}

export const ben = (overrides: Partial<AccountSummary> = {}) =>
  account({
    id: 'acct-ben',
    email: 'ben@example.com',
    name: null,
    server: { kind: 'bitwardenEu', label: 'bitwarden.eu', url: 'https://vault.bitwarden.eu' },
    ...overrides,
  });
