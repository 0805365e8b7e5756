// A provider with an Enterprise client org made through the real provider path (`POST /providers/{pid}/clients`),
// its owner and other people as registered accounts, and the invitee's side of the member flow over HTTP.
import type { DeskUnderTest } from './deskHarness';
import { selfHosted } from './deskHarness';
import type { TestServer } from '../server/harness';
import {
  createClient,
  createProvider,
  newUser,
  type TestClient,
  type TestProvider,
} from '../server/providers/fixtures';
import type { TestUser } from '../server/users';

export interface ClientOrgWorld {
  provider: TestProvider;
  owner: TestUser;
  client: TestClient;
}

/** EnterpriseMonthly (19) so groups, policies and SSO are all on; the owner is a registered account. */
export async function clientOrgWorld(t: TestServer, name = 'Contoso'): Promise<ClientOrgWorld> {
  const provider = await createProvider(t, { name: 'Acme MSP' });
  const owner = await newUser(t, 'Owner');
  const client = await createClient(t, provider, { name, planType: 19, seats: 20, ownerEmail: owner.email });
  return { provider, owner, client };
}

/** The latest invitation to `orgId` mailed to `email`. */
export function orgInvitation(t: TestServer, orgId: string, email: string) {
  const mail = [...t.outbox()]
    .reverse()
    .find((m) => m.to === email.toLowerCase() && m.meta?.organizationId === orgId && !!m.meta.organizationUserId);
  if (!mail?.meta?.organizationUserId || !mail.meta.token) throw new Error(`no invitation for ${email}`);
  return { organizationUserId: mail.meta.organizationUserId, token: mail.meta.token };
}

/** The invitee accepts with the mailed token, as their own client would. */
export async function acceptInvitation(t: TestServer, orgId: string, user: TestUser): Promise<string> {
  const { organizationUserId, token } = orgInvitation(t, orgId, user.email);
  const res = await t.http.post(`/api/organizations/${orgId}/users/${organizationUserId}/accept`, {
    token: user.accessToken,
    json: { token },
  });
  if (res.status !== 200) throw new Error(`accept: ${res.status} ${res.text}`);
  return organizationUserId;
}

export async function signIn(d: DeskUnderTest, t: TestServer, user: TestUser): Promise<string> {
  const result = await d.call('session.login', {
    server: selfHosted(t.url),
    email: user.email,
    masterPassword: user.password,
  });
  if (result.status !== 'ready') throw new Error(`sign-in stopped at ${result.status}`);
  return result.accountId;
}

export { newUser };
