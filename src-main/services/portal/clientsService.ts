/**
 * Clients page actions (provider-portal.md §5): create a client with its keys made here (crypto.md §8.5), add an
 * existing org (§8.6), manage seats with the service-user rule and the billing effect, rename, unlink.
 */
import {
  DeskError,
  PROVIDER_ADMIN,
  seatEffect,
  type ClientSummary,
  type SeatEffect,
} from '../../../src-shared/contract';
import type { ProviderOrganization } from '../../bitwarden/apiSchemas';
import { fetchProviderOrganizations } from '../../bitwarden/providerApi';
import { fetchSubscription } from '../../bitwarden/providerBillingApi';
import {
  addExistingOrganization,
  createClient,
  fetchAddableOrganizations,
  unlinkOrganization,
  updateClient,
} from '../../bitwarden/providerClientsApi';
import { fetchMyOrganizations } from '../../bitwarden/orgMembersApi';
import { makeAddExistingOrganization, makeClientOrganization, wipe } from '../../crypto';
import type { PortalContext } from './portalContext';
import type { Parsed } from './parsed';

const OWNER = 0;
const CONFIRMED = 2;

export function clientSummary(org: ProviderOrganization): ClientSummary {
  return {
    id: org.id,
    organizationId: org.organizationId,
    name: org.organizationName,
    seats: org.seats,
    occupiedSeats: org.occupiedSeats,
    remainingSeats: org.remainingSeats,
    plan: org.plan,
  };
}

export type ClientsService = ReturnType<typeof createClientsService>;

export function createClientsService(ctx: PortalContext) {
  const list = (accountId: string, providerId: string) =>
    ctx.call(accountId, (a) => fetchProviderOrganizations(a, providerId));

  async function client(accountId: string, providerId: string, providerOrganizationId: string) {
    const found = (await list(accountId, providerId)).find((o) => o.id.toLowerCase() === providerOrganizationId);
    if (!found) throw new DeskError('not_found', 'That client is no longer linked to this provider.');
    return found;
  }

  /** The provider's plans and discount; null for providers without consolidated billing (no effect shown). */
  async function billing(accountId: string, providerId: string) {
    try {
      return await ctx.call(accountId, (a) => fetchSubscription(a, providerId));
    } catch (error) {
      if (error instanceof DeskError && ['forbidden', 'not_found'].includes(error.code)) return null;
      throw error;
    }
  }

  async function seatPreview(input: Parsed<'clients.previewSeats'>, accountId: string) {
    const [org, membership, subscription] = await Promise.all([
      client(accountId, input.providerId, input.providerOrganizationId),
      ctx.membership(accountId, input.providerId),
      billing(accountId, input.providerId),
    ]);
    const effect = seatEffect({
      role: membership.type,
      occupiedSeats: org.occupiedSeats ?? 0,
      currentSeats: org.seats ?? 0,
      newSeats: input.assignedSeats,
      plan: subscription?.plans.find((p) => p.planName === org.plan) ?? null,
      discountPercentage: subscription?.discountPercentage ?? null,
    });
    return { org, effect };
  }

  async function create(input: Parsed<'clients.create'>) {
    const accountId = ctx.accountOf(input.accountId);
    const subscription = await ctx.call(accountId, (a) => fetchSubscription(a, input.providerId));
    const plan = subscription.plans.find((p) => p.type === input.planType);
    if (!plan) {
      const offered = subscription.plans.map((p) => p.planName).join(', ') || 'none';
      throw new DeskError('validation', `This provider cannot create clients on that plan (its plans: ${offered}).`);
    }
    const ring = await ctx.ensureProviderKey(accountId, input.providerId);
    const { payload, secrets } = await ring.withProviderKey(input.providerId, (key) => makeClientOrganization(key));
    wipe(secrets.orgKey, secrets.orgPrivateKey);
    if (ring.isWiped) throw new DeskError('unauthorized', 'The account was locked. Unlock it and try again.');
    const { providerId, name, planType, seats } = input;
    const ownerEmail = input.ownerEmail.toLowerCase();
    await ctx.call(accountId, (a) => createClient(a, providerId, { name, ownerEmail, planType, seats, ...payload }));
    const created = (await list(accountId, providerId))
      .filter((o) => o.organizationName === name)
      .sort((a, b) => (b.creationDate ?? '').localeCompare(a.creationDate ?? ''))[0];
    if (created) ring.addOrgKey(created.organizationId, payload.key, providerId);
    ctx.refresh(accountId);
    const effect = seatEffect({
      role: PROVIDER_ADMIN,
      occupiedSeats: 0,
      currentSeats: 0,
      newSeats: seats,
      plan,
      discountPercentage: subscription.discountPercentage,
    });
    return { client: created ? clientSummary(created) : null, ownerEmail, effect };
  }

  async function addable(input: Parsed<'clients.addable'>) {
    const accountId = ctx.accountOf(input.accountId);
    const orgs = await ctx.call(accountId, (a) => fetchAddableOrganizations(a, input.providerId));
    return {
      organizations: orgs.map((o) => ({
        organizationId: o.id,
        name: o.name,
        plan: o.plan,
        seats: o.seats,
        disabled: o.disabled,
      })),
    };
  }

  async function addExisting(input: Parsed<'clients.addExisting'>) {
    const accountId = ctx.accountOf(input.accountId);
    const { providerId, organizationId } = input;
    const mine = (await ctx.call(accountId, fetchMyOrganizations)).find((o) => o.id.toLowerCase() === organizationId);
    if (!mine || mine.type !== OWNER || mine.status !== CONFIRMED || !mine.key) {
      throw new DeskError('forbidden', 'Only a confirmed owner of that organization can add it to the provider.');
    }
    const ring = await ctx.ensureProviderKey(accountId, providerId);
    if (!ring.addOrgKey(organizationId, mine.key, null)) {
      throw new DeskError('forbidden', "This account cannot read that organization's key.");
    }
    const body = ring.withOrgKey(organizationId, (orgKey) =>
      ring.withProviderKey(providerId, (providerKey) =>
        makeAddExistingOrganization(organizationId, orgKey, providerKey),
      ),
    );
    await ctx.call(accountId, (a) => addExistingOrganization(a, providerId, body));
    const added = (await list(accountId, providerId)).find((o) => o.organizationId.toLowerCase() === organizationId);
    ctx.refresh(accountId);
    return { client: added ? clientSummary(added) : null };
  }

  async function previewSeats(input: Parsed<'clients.previewSeats'>) {
    const { org, effect } = await seatPreview(input, ctx.accountOf(input.accountId));
    return { client: clientSummary(org), effect };
  }

  async function updateSeats(input: Parsed<'clients.updateSeats'>) {
    const accountId = ctx.accountOf(input.accountId);
    const { org, effect } = await seatPreview(input, accountId);
    if (!effect.allowed) refuse(effect);
    const name = requireName(org);
    await ctx.call(accountId, (a) =>
      updateClient(a, input.providerId, org.id, { assignedSeats: input.assignedSeats, name }),
    );
    ctx.refresh(accountId);
    return { client: withSeats(org, input.assignedSeats), effect };
  }

  async function rename(input: Parsed<'clients.rename'>) {
    const accountId = ctx.accountOf(input.accountId);
    const org = await client(accountId, input.providerId, input.providerOrganizationId);
    if (org.seats === null) throw new DeskError('server', 'The server did not say how many seats this client has.');
    const seats = org.seats;
    await ctx.call(accountId, (a) =>
      updateClient(a, input.providerId, org.id, { assignedSeats: seats, name: input.name }),
    );
    ctx.refresh(accountId);
    return { client: { ...clientSummary(org), name: input.name } };
  }

  async function unlink(input: Parsed<'clients.unlink'>) {
    const accountId = ctx.accountOf(input.accountId);
    const org = await client(accountId, input.providerId, input.providerOrganizationId);
    if (input.confirmName !== (org.organizationName ?? '').trim()) {
      throw new DeskError('validation', `Type the client's name exactly as shown to unlink it.`);
    }
    await ctx.call(accountId, (a) => unlinkOrganization(a, input.providerId, org.id));
    ctx.refresh(accountId);
    return { organizationId: org.organizationId, name: org.organizationName };
  }

  return { create, addable, addExisting, previewSeats, updateSeats, rename, unlink };
}

function refuse(effect: SeatEffect): never {
  const code = effect.refusal === 'belowOccupied' ? 'validation' : 'forbidden';
  throw new DeskError(code, effect.message ?? 'That seat change is not allowed.');
}

function requireName(org: ProviderOrganization): string {
  if (!org.organizationName) throw new DeskError('server', 'The server did not send the name of this client.');
  return org.organizationName;
}

function withSeats(org: ProviderOrganization, seats: number): ClientSummary {
  const occupied = org.occupiedSeats ?? 0;
  return { ...clientSummary(org), seats, remainingSeats: seats - occupied };
}
