/** Settings (provider-portal.md §9): read and update the provider's name and billing email. */
import type { ProviderDetails } from '../../../src-shared/contract';
import type { ProviderWire } from '../../bitwarden/portalSchemas';
import { fetchProvider, updateProvider } from '../../bitwarden/providerAdminApi';
import type { Parsed } from './parsed';
import type { PortalContext } from './portalContext';

export function toProviderDetails(p: ProviderWire): ProviderDetails {
  return {
    id: p.id,
    name: p.name,
    businessName: p.businessName,
    billingEmail: p.billingEmail,
    businessAddress1: p.businessAddress1,
    businessAddress2: p.businessAddress2,
    businessAddress3: p.businessAddress3,
    businessCountry: p.businessCountry,
    businessTaxNumber: p.businessTaxNumber,
    creationDate: p.creationDate,
    type: p.type,
  };
}

export function createProviderSettingsService(ctx: PortalContext) {
  return {
    async details(input: Parsed<'provider.details'>) {
      const accountId = ctx.accountOf(input.accountId);
      return toProviderDetails(await ctx.call(accountId, (a) => fetchProvider(a, input.providerId)));
    },
    async updateDetails(input: Parsed<'provider.updateDetails'>) {
      const accountId = ctx.accountOf(input.accountId);
      // The web portal sends the name as the business name too.
      const body = { name: input.name, businessName: input.name, billingEmail: input.billingEmail };
      const updated = await ctx.call(accountId, (a) => updateProvider(a, input.providerId, body));
      ctx.refresh(accountId);
      return toProviderDetails(updated);
    },
  };
}
