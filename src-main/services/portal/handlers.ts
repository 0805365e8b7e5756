/** The Provider Portal channels (src-shared/contract/portal/), bound to their services. */
import type { ChannelInput, ChannelOutput, portalChannels } from '../../../src-shared/contract';
import type { Handler } from '../../desk';
import type { createBillingService } from './billingService';
import type { ClientsService } from './clientsService';
import type { LinksService } from './linksService';
import type { Parsed } from './parsed';
import type { createProviderMembersService } from './providerMembersService';
import type { createProviderSettingsService } from './providerSettingsService';
import type { createQueueService } from './queueService';

type PortalChannel = keyof typeof portalChannels;

export interface PortalServices {
  clients: ClientsService;
  members: ReturnType<typeof createProviderMembersService>;
  billing: ReturnType<typeof createBillingService>;
  settings: ReturnType<typeof createProviderSettingsService>;
  links: LinksService;
  queue: ReturnType<typeof createQueueService>;
}

/** `dispatch` parsed the input with the channel's schema before the handler runs. */
const parsed =
  <C extends PortalChannel>(run: (input: Parsed<C>) => Promise<ChannelOutput<C>> | ChannelOutput<C>) =>
  (input: ChannelInput<C>) =>
    run(input as Parsed<C>);

export function portalHandlers(s: PortalServices): { [C in PortalChannel]: Handler<C> } {
  return {
    'clients.create': parsed<'clients.create'>(s.clients.create),
    'clients.addable': parsed<'clients.addable'>(s.clients.addable),
    'clients.addExisting': parsed<'clients.addExisting'>(s.clients.addExisting),
    'clients.previewSeats': parsed<'clients.previewSeats'>(s.clients.previewSeats),
    'clients.updateSeats': parsed<'clients.updateSeats'>(s.clients.updateSeats),
    'clients.rename': parsed<'clients.rename'>(s.clients.rename),
    'clients.unlink': parsed<'clients.unlink'>(s.clients.unlink),
    'providerMembers.invite': parsed<'providerMembers.invite'>(s.members.invite),
    'providerMembers.reinvite': parsed<'providerMembers.reinvite'>(s.members.reinvite),
    'providerMembers.confirmationDetails': parsed<'providerMembers.confirmationDetails'>(s.members.confirmationDetails),
    'providerMembers.confirm': parsed<'providerMembers.confirm'>(s.members.confirm),
    'providerMembers.changeRole': parsed<'providerMembers.changeRole'>(s.members.changeRole),
    'providerMembers.remove': parsed<'providerMembers.remove'>(s.members.remove),
    'billing.subscription': parsed<'billing.subscription'>(s.billing.subscription),
    'billing.invoices': parsed<'billing.invoices'>(s.billing.invoices),
    'billing.downloadInvoice': parsed<'billing.downloadInvoice'>(s.billing.downloadInvoice),
    'provider.details': parsed<'provider.details'>(s.settings.details),
    'provider.updateDetails': parsed<'provider.updateDetails'>(s.settings.updateDetails),
    'links.parse': parsed<'links.parse'>(s.links.parse),
    'links.takeOpened': () => s.links.takeOpened(),
    'links.setupProvider': parsed<'links.setupProvider'>(s.links.setupProvider),
    'links.acceptProviderInvite': parsed<'links.acceptProviderInvite'>(s.links.acceptProviderInvite),
    'queue.pending': parsed<'queue.pending'>(s.queue.pending),
    'queue.confirm': parsed<'queue.confirm'>(s.queue.confirm),
    'queue.reinvite': parsed<'queue.reinvite'>(s.queue.reinvite),
  };
}
